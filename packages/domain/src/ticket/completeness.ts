import type { MissingItem, Nature } from './ticket-classification.ts';
import type { RequestDetails } from './ticket-request.ts';

export interface CompletenessQuestion extends RequestDetails {
  readonly nature: Nature;
}

const alwaysRequired = ['clientId', 'product', 'environment', 'description'] as const satisfies readonly MissingItem[];

/** A malfunction cannot be reproduced, hence fixed, without knowing which version and how. */
const requiredForMalfunction = ['version', 'reproductionSteps'] as const satisfies readonly MissingItem[];

/**
 * What a request lacks to be complete (DOMAIN.md, "Completeness"), in a stable order, so the list
 * sent to the client and the one stored in the event read the same every time.
 */
export function missingInformation(request: CompletenessQuestion): MissingItem[] {
  const required: readonly MissingItem[] =
    request.nature === 'malfunction' ? [...alwaysRequired, ...requiredForMalfunction] : alwaysRequired;
  return required.filter((item) => !isGiven(request[item]));
}

export function isComplete(request: CompletenessQuestion): boolean {
  return missingInformation(request).length === 0;
}

function isGiven(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
