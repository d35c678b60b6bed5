/** Something a test needs, or why it could not be had. */
export type Availability<T> = { available: true; value: T } | { available: false; reason: string };

/**
 * Where `CI` is set, a missing piece of infrastructure fails the run instead of skipping tests:
 * a green CI that skipped its Kafka tests would prove nothing.
 */
export function requiredInCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
