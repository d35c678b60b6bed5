/** Stream names (ARCHITECTURE.md, "Streams"): one place, so no service spells them its own way. */
export const streams = {
  ticket: (id: string) => `ticket-${id}`,
  contract: (id: string) => `contract-${id}`,
  agent: (id: string) => `agent-${id}`,
  article: (id: string) => `article-${id}`,
  patch: (id: string) => `patch-${id}`,
  client: (id: string) => `client-${id}`,
  product: (id: string) => `product-${id}`,
  objectives: (year: number) => `objectives-${year}`,
  sla: (ticketId: string) => `sla-${ticketId}`,
} as const;

/** The id inside a stream name (`ticket-T-1` → `T-1`). */
export function idOfStream(stream: string, prefix: keyof typeof streams): string {
  const head = `${prefix}-`;
  if (!stream.startsWith(head)) throw new Error(`${stream} is not a ${prefix} stream`);
  return stream.slice(head.length);
}
