import type { Ticket } from '@hotline/domain';
import { intern } from './interned-text.ts';

/** Shared by every kept ticket or record with nothing in one of its lists (they are never mutated). */
export const NONE: readonly never[] = Object.freeze([]);
const noneIfEmpty = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? NONE : list);
const NO_CLAIMS: Ticket['penaltyClaims'] = Object.freeze({});

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
  if (shared.coverage.contractId !== null)
    shared.coverage = { ...shared.coverage, contractId: intern(shared.coverage.contractId) };
  shared.missing = noneIfEmpty(shared.missing);
  shared.complaints = noneIfEmpty(shared.complaints);
  shared.linkedArticles = noneIfEmpty(shared.linkedArticles);
  if (Object.keys(shared.penaltyClaims).length === 0) shared.penaltyClaims = NO_CLAIMS;
  const shortened =
    description === undefined || descriptionLength === 0 ? undefined : cut(description, descriptionLength);
  return { ...shared, attachments: NONE, ...(shortened === undefined ? {} : { description: shortened }) };
}
