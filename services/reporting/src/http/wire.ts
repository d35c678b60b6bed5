/**
 * Views hold instants as epoch milliseconds (`at`, `…At`); the API speaks ISO 8601. Converted by naming
 * convention, at the edge, so every view follows the same rule without a mapper each.
 */
export function wire(value: unknown, key = ''): unknown {
  if (typeof value === 'number') {
    if ((key === 'at' || key.endsWith('At')) && Number.isFinite(value)) return new Date(value).toISOString();
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => wire(item, key));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) if (item !== undefined) result[name] = wire(item, name);
    return result;
  }
  return value;
}
