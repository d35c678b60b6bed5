import { createDashboardService } from '@hotline/dashboard';
import { createIntakeService, type IntakeOptions } from '@hotline/intake';
import type { HotlineService, ServiceContext } from '@hotline/platform';
import { createReportingService } from '@hotline/reporting';
import { createResolutionService } from '@hotline/resolution';
import { createSlaClockService } from '@hotline/sla-clock';
import { createTriageService } from '@hotline/triage';

/** The five services of the hotline and the manager's dashboard, as the one-process product runs them. */
export function hotlineServices(context: ServiceContext, options: { intake?: IntakeOptions } = {}): HotlineService[] {
  return [
    createIntakeService(context, options.intake),
    createTriageService(context),
    createResolutionService(context),
    createSlaClockService(context),
    createReportingService(context),
    createDashboardService(context),
  ];
}
