/**
 * A canonical JSON encoding: object keys sorted by UTF-16 code units (as RFC 8785 does), no
 * whitespace, numbers and strings as `JSON.stringify` writes them. The same value always gives
 * the same text, whichever order its keys were built in, so a hash over it can be recomputed
 * from data read back from any adapter (or by an auditor's own tool). Refuses what JSON would
 * silently change (NaN, bigint, functions, Maps…), so what is hashed is what is stored.
 */
export function canonicalJson(value: unknown): string {
  // Fast path: a sorted copy, then the native serializer. A JS object lists integer-like keys
  // first whatever their insertion order, and `__proto__` is no ordinary key: such objects
  // take the slow path, which writes the text itself.
  const copy = { unusualKeys: false };
  const sorted = sortedCopy(value, copy);
  return copy.unusualKeys ? canonicalText(value) : JSON.stringify(sorted);
}

function sortedCopy(value: unknown, copy: { unusualKeys: boolean }): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not a JSON number`);
      return value;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item) => sortedCopy(item, copy));
      const plain = plainObject(value);
      if (plain !== value) return sortedCopy(plain, copy);
      const object = value as Record<string, unknown>;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(object).sort()) {
        const first = key.charCodeAt(0);
        if ((first >= 48 && first <= 57) || key === '__proto__') copy.unusualKeys = true;
        const item = object[key];
        // As JSON.stringify does: an undefined property is absent.
        if (item !== undefined) sorted[key] = sortedCopy(item, copy);
      }
      return sorted;
    }
    default:
      throw new TypeError(`a ${typeof value} is not a JSON value`);
  }
}

/** The object itself, or what its `toJSON` gives (a Date's string); refuses Maps, class instances… */
function plainObject(value: object): unknown {
  const object = value as Record<string, unknown>;
  if (typeof object.toJSON === 'function') return object.toJSON();
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`a ${prototype?.constructor?.name ?? 'non-plain object'} is not a JSON object`);
  }
  return object;
}

function canonicalText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  const object = plainObject(value);
  if (object !== value) return canonicalText(object);
  const members: string[] = [];
  for (const key of Object.keys(object as object).sort()) {
    const item = (object as Record<string, unknown>)[key];
    if (item !== undefined) members.push(`${JSON.stringify(key)}:${canonicalText(item)}`);
  }
  return `{${members.join(',')}}`;
}
