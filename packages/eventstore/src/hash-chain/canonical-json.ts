/**
 * A canonical JSON encoding: object keys sorted (by UTF-16 code units, as RFC 8785 does), no
 * whitespace, numbers and strings as `JSON.stringify` writes them. The same value always gives
 * the same text, whichever order its keys were built in, so a hash over it can be recomputed
 * from data read back from any adapter. Refuses what JSON would silently change (NaN, bigint,
 * functions, Maps…), so what is hashed is what is stored.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return canonicalArray(value);
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`a ${typeof value} is not a JSON value`);
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += ',';
    text += canonicalJson(items[i]);
  }
  return `${text}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  if (typeof object.toJSON === 'function') return canonicalJson(object.toJSON());
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`a ${prototype?.constructor?.name ?? 'non-plain object'} is not a JSON object`);
  }
  const keys = Object.keys(object).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const item = object[key];
    // As JSON.stringify does: an undefined property is absent.
    if (item === undefined) continue;
    if (!first) text += ',';
    first = false;
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}
