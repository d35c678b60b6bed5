/** How a consumer retries a failing handler before it gives up on the message. */
export interface RetryPolicy {
  /** Handler attempts in all (the first included) before the message goes to the dead-letter topic. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  /** Each delay is the previous one times this, capped at `maxDelayMs`, with ±20% jitter. */
  multiplier: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  initialDelayMs: 100,
  maxDelayMs: 5000,
  multiplier: 2,
};

export function retryPolicy(overrides: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...defaultRetryPolicy, ...overrides };
  if (!Number.isSafeInteger(policy.maxAttempts) || policy.maxAttempts < 1) {
    throw new Error(`maxAttempts must be a positive integer, not ${policy.maxAttempts}`);
  }
  return policy;
}

/** The delay before attempt `attempt + 1`, after `attempt` failures. */
export function backoffDelay(
  policy: Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs' | 'multiplier'>,
  attempt: number,
): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * policy.multiplier ** (attempt - 1));
  // Jitter keeps consumers that failed together (a database blip) from retrying in lockstep.
  return Math.round(base * (0.8 + Math.random() * 0.4));
}
