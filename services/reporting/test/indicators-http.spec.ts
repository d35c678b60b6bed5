import { seedWorkedExamples, serviceHarness } from '@hotline/platform';
import { afterEach, describe, expect, it } from 'vitest';
import { createReportingService } from '../src/reporting-service.ts';

let harness: Awaited<ReturnType<typeof serviceHarness>> | undefined;
afterEach(async () => harness?.close());

describe('the indicators over HTTP', () => {
  it('counts the worked examples of 2026 per priority', async () => {
    harness = await serviceHarness(createReportingService, Date.parse('2026-09-14T11:00:00+02:00'));
    await seedWorkedExamples(harness.store);
    const response = await harness.app.inject({ method: 'GET', url: '/indicators/2026' });
    expect(response.statusCode).toBe(200);
    const indicators = response.json();
    expect(indicators.byPriority.P1.malfunctions).toEqual({ within: 0, resolved: 1 });
    expect(indicators.byPriority.P2).toMatchObject({
      malfunctions: { within: 0, resolved: 1 },
      productionOverrunDays: 7,
    });
    expect(indicators.byPriority.P3.functional).toEqual({ within: 1, resolved: 1 });
  });

  it('refuses a year that is not one, naming the field', async () => {
    harness = await serviceHarness(createReportingService, Date.parse('2026-09-14T11:00:00+02:00'));
    const response = await harness.app.inject({ method: 'GET', url: '/indicators/next' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: 'year' });
  });
});
