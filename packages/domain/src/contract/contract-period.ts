import { localDateOf, sameDayInYear, startOfLocalDate } from '../calendar/index.ts';
import type { SignedContract, TermsVersion } from './contract-state.ts';
import { termsInForce } from './contract-state.ts';
import type { ContractTerms } from './contract-terms.ts';

export type PeriodVerdict =
  | { readonly inForce: true; readonly version: TermsVersion }
  | {
      readonly inForce: false;
      readonly reason: 'not_yet_effective' | 'maintenance_not_started' | 'ended' | 'terminated';
    };

/** Whether the contract covered anything at `at`: taken effect, maintenance started, neither ended nor terminated. */
export function periodAt(contract: SignedContract, at: number): PeriodVerdict {
  const version = termsInForce(contract, at);
  if (version === undefined) return { inForce: false, reason: 'not_yet_effective' };
  const day = localDateOf(version.terms.calendar.timeZone, at);
  if (day < version.terms.maintenanceStartsOn) return { inForce: false, reason: 'maintenance_not_started' };
  if (contract.terminatedOn !== null && day > contract.terminatedOn) return { inForce: false, reason: 'terminated' };
  if (contract.endsOn !== null && day > contract.endsOn) return { inForce: false, reason: 'ended' };
  return { inForce: true, version };
}

export interface ContractYear {
  /** 0 for the year that starts on the maintenance start date. */
  readonly index: number;
  readonly startsOn: string;
  /** First day of the next contract year. */
  readonly endsBefore: string;
  readonly start: number;
  readonly end: number;
}

/** Contract years run from the maintenance start date's anniversary, at midnight in the contract's zone. */
export function contractYearOf(terms: ContractTerms, at: number): ContractYear {
  const zone = terms.calendar.timeZone;
  const origin = terms.maintenanceStartsOn;
  const originYear = Number(origin.slice(0, 4));
  const day = localDateOf(zone, at);
  const year = Number(day.slice(0, 4));
  const index = year - originYear - (day < sameDayInYear(origin, year) ? 1 : 0);
  const startsOn = sameDayInYear(origin, originYear + index);
  const endsBefore = sameDayInYear(origin, originYear + index + 1);
  return {
    index,
    startsOn,
    endsBefore,
    start: startOfLocalDate(zone, startsOn),
    end: startOfLocalDate(zone, endsBefore),
  };
}
