import type { Ticket } from '@hotline/domain';
import { intern } from './interned-text.ts';

/** Shared by every kept ticket or record with nothing in one of its lists (they are never mutated). */
export const NONE: readonly never[] = Object.freeze([]);
const noneIfEmpty = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? NONE : list);
const NO_CLAIMS: Ticket['penaltyClaims'] = Object.freeze({});
const NO_MILESTONES: Ticket['milestones'] = Object.freeze({});

/** A few dozen verdicts (contracts × statuses × reasons) for every kept ticket: one frozen copy of each. */
const COVERAGES_AT_MOST = 10_000;
const coverages = new Map<string, Ticket['coverage']>();

/** The one frozen copy of a coverage verdict, for whatever keeps one a ticket in memory. */
export function sharedCoverage(coverage: Ticket['coverage']): Ticket['coverage'] {
  const key = `${coverage.status}\u0000${coverage.contractId ?? ''}${coverage.reason === undefined ? '' : `\u0000${coverage.reason}`}`;
  const known = coverages.get(key);
  if (known !== undefined) return known;
  const made = Object.freeze({
    ...coverage,
    contractId: coverage.contractId === null ? null : intern(coverage.contractId),
  });
  if (coverages.size < COVERAGES_AT_MOST) coverages.set(key, made);
  return made;
}

/**
 * The first `length` characters, in a string of their own: V8 makes a longer string's slice a view
 * that keeps the whole of it alive, so a cut description would still hold every character.
 */
function cut(text: string, length: number): string {
  return text.length <= length ? text : Buffer.from(text.slice(0, length), 'utf8').toString('utf8');
}

const SHARED_TEXT = ['clientId', 'product', 'version', 'environment', 'nature', 'priority', 'assignee'] as const;

/**
 * A ticket's state as a read model keeps it in memory for as long as the ticket lives (every open
 * ticket, or every ticket): attachments and reproduction steps dropped, the description cut to
 * `descriptionLength` characters (dropped at 0), the values it repeats (clients, products, natures…)
 * and its empty lists shared. It still evolves with `evolveTicket`, and is leaned again after.
 */
export function leanTicket(ticket: Ticket, { descriptionLength }: { readonly descriptionLength: number }): Ticket {
  const { attachments: _attachments, reproductionSteps: _steps, description, ...kept } = ticket;
  // `kept` is a fresh copy: its own strings and lists are swapped for shared ones, absent ones stay absent.
  const shared = kept as { -readonly [K in keyof typeof kept]: (typeof kept)[K] };
  const text = shared as unknown as Record<(typeof SHARED_TEXT)[number], string | undefined>;
  for (const key of SHARED_TEXT) if (text[key] !== undefined) text[key] = intern(text[key]);
  shared.coverage = sharedCoverage(shared.coverage);
  if (Object.keys(shared.milestones).length === 0) shared.milestones = NO_MILESTONES;
  shared.missing = noneIfEmpty(shared.missing);
  shared.complaints = noneIfEmpty(shared.complaints);
  shared.linkedArticles = noneIfEmpty(shared.linkedArticles);
  if (Object.keys(shared.penaltyClaims).length === 0) shared.penaltyClaims = NO_CLAIMS;
  const shortened =
    description === undefined || descriptionLength === 0 ? undefined : cut(description, descriptionLength);
  return { ...shared, attachments: NONE, ...(shortened === undefined ? {} : { description: shortened }) };
}
