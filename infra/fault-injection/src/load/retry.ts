export interface Retrying {
  readonly giveUpAfterMs: number;
  /** Told of each refusal, by reason ("http 503", "ECONNREFUSED", "KafkaJSNumberOfRetriesExceeded"…). */
  readonly onRefusal: (reason: string) => void;
  /** True once the client is shut down: no more tries. */
  readonly cancelled: () => boolean;
}

export type Attempt<T> = { done: T; refused?: undefined } | { refused: string; done?: undefined };

export interface Outcome<T> {
  /** Undefined when the client gave up. */
  readonly done: T | undefined;
  readonly attempts: number;
}

/**
 * An integrator's retry: what `attempt` reports refused, or a failure on the way (a reset
 * connection, a timeout, a broker away), is tried again after a short backoff with the same
 * content, until taken or `giveUpAfterMs` passed. Anything else `attempt` throws (a 4xx: the
 * request itself is wrong) ends it.
 */
export async function retried<T>(retrying: Retrying, attempt: () => Promise<Attempt<T>>): Promise<Outcome<T>> {
  const deadline = Date.now() + retrying.giveUpAfterMs;
  for (let attempts = 1; ; attempts++) {
    let reason: string;
    try {
      const result = await attempt();
      if (result.done !== undefined) return { done: result.done, attempts };
      reason = result.refused ?? 'refused';
    } catch (error) {
      if (!isTransport(error)) throw error;
      reason = transportReason(error);
    }
    retrying.onRefusal(reason);
    if (Date.now() > deadline || retrying.cancelled()) return { done: undefined, attempts };
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * attempts)));
  }
}

/** A failure of the way there, not an answer: fetch's network errors and timeouts, kafkajs's errors. */
function isTransport(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'TypeError' || // fetch failed: refused, reset, closed
    error.name === 'TimeoutError' ||
    error.name === 'AbortError' ||
    error.name.startsWith('KafkaJS')
  );
}

function transportReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name;
}
