import { z } from 'zod';

/**
 * zod schemas for environment values. Each one reads the raw string and says in its error what
 * a valid value looks like, never the value itself: a secret put in the wrong variable must not
 * end up in the start-up error line.
 */

function fromText<T>(expected: string, parse: (text: string) => T | undefined) {
  return z.string().transform((text, ctx) => {
    const value = parse(text.trim());
    if (value === undefined) {
      ctx.issues.push({ code: 'custom', message: `expected ${expected}`, input: text });
      return z.NEVER;
    }
    return value;
  });
}

function integer(text: string, min: number, max: number): number | undefined {
  if (!/^-?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;
}

function items(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const WITH_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s]+$/;

const HOST_PORT = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/;
const MS_PER_UNIT: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export const env = {
  /** Any non-empty text. */
  string: () => z.string(),

  /** A TCP port; 0 asks the system for a free one (tests). */
  port: () => fromText('a TCP port (0-65535)', (text) => integer(text, 0, 65_535)),

  int: ({ min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {}) =>
    fromText(
      min === Number.MIN_SAFE_INTEGER && max === Number.MAX_SAFE_INTEGER
        ? 'an integer'
        : `an integer between ${min} and ${max}`,
      (text) => integer(text, min, max),
    ),

  /**
   * An absolute URL with an authority (`scheme://host…`), kept as text so the configuration stays
   * printable. WHATWG parsing alone would take `localhost:6379` as a URL of scheme `localhost:`.
   */
  url: ({ protocols }: { protocols?: readonly string[] } = {}) =>
    fromText(protocols ? `a URL (${protocols.map((p) => `${p}:`).join(' or ')})` : 'a URL', (text) => {
      if (!WITH_AUTHORITY.test(text) || !URL.canParse(text)) return undefined;
      const { protocol } = new URL(text);
      return protocols && !protocols.includes(protocol.slice(0, -1)) ? undefined : text;
    }),

  /** `a,b,c`, blanks around items ignored, at least one item. */
  list: () => fromText('a comma-separated list', (text) => (items(text).length > 0 ? items(text) : undefined)),

  /** Kafka-style broker lists: `kafka-1:9092,kafka-2:9092`. */
  hostPorts: () =>
    fromText('a comma-separated list of host:port', (text) => {
      const list = items(text);
      const valid = list.every((item) => {
        const port = HOST_PORT.exec(item)?.[1];
        return port !== undefined && integer(port, 1, 65_535) !== undefined;
      });
      return list.length > 0 && valid ? list : undefined;
    }),

  /** true/false, 1/0, yes/no, on/off, in any case. */
  boolean: () =>
    fromText('true or false', (text) => {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
    }),

  /** A duration in milliseconds: `250`, `250ms`, `30s`, `5m`, `1h`. */
  durationMs: () =>
    fromText('a duration such as 500ms, 30s, 5m or 1h', (text) => {
      const match = DURATION.exec(text);
      if (!match) return undefined;
      const ms = Number(match[1]) * (MS_PER_UNIT[match[2] ?? 'ms'] ?? 1);
      return Number.isSafeInteger(Math.round(ms)) ? Math.round(ms) : undefined;
    }),

  enum: <const T extends readonly [string, ...string[]]>(values: T) =>
    z.enum(values, { error: () => `expected one of ${values.join(', ')}` }),
};
