import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ priority: 'P2', title: 't' })).toBe(canonicalJson({ title: 't', priority: 'P2' }));
  });

  it('sorts integer-like keys as text, as RFC 8785 does, though JS objects list them first', () => {
    expect(canonicalJson({ b: 1, 10: 'ten', 9: 'nine' })).toBe('{"10":"ten","9":"nine","b":1}');
    expect(canonicalJson({ years: { 2026: 1, 2025: 2 } })).toBe('{"years":{"2025":2,"2026":1}}');
  });

  it('keeps a __proto__ key as data', () => {
    const data = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(data)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson({ n: [1e21, 0.1, -0, 5e-7], s: 'é"\n\u2028' })).toBe(
      JSON.stringify({ n: [1e21, 0.1, -0, 5e-7], s: 'é"\n\u2028' }),
    );
  });

  it('drops undefined properties and serializes dates as JSON does', () => {
    expect(canonicalJson({ a: undefined, at: new Date('2026-05-11T10:15:00Z') })).toBe(
      '{"at":"2026-05-11T10:15:00.000Z"}',
    );
  });

  it('refuses what JSON would silently change', () => {
    for (const bad of [
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: 1n },
      { f: () => 1 },
      { m: new Map() },
    ]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
  });
});
