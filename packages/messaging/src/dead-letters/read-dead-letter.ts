import { type DeadLetter, deadLetterSchema } from '../topic/topic-contract.ts';

/** A dead-letter topic's message as its bytes hold it; undefined when they are not one (not JSON, not its schema). */
export function readDeadLetter(value: Buffer | null): DeadLetter | undefined {
  if (value === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = deadLetterSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
