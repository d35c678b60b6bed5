// biome-ignore-all lint/suspicious/noTemplateCurlyInString: Compose's interpolation syntax is what this test reads.
import { expect, it } from 'vitest';
import { interpolated, parseCompose } from './compose-file.ts';

it("reads environments as the containers get them when the shell sets nothing: merge keys, lists, Compose's interpolation", () => {
  expect(interpolated('${AUTH:-off}')).toBe('off');
  expect(interpolated('${AUTH-on}')).toBe('on');
  expect(interpolated('${JWT_SECRET}')).toBe('');
  expect(interpolated('a$$b ${X:-}')).toBe('a$b ');
  const compose = parseCompose(`
x-common: &common
  LOG_LEVEL: info
  PORT: 3000
services:
  one:
    environment:
      <<: *common
      SECRET:
  two:
    environment: ["A=1", "B=x=y"]
`);
  expect(compose.services.get('one')?.environment).toEqual({ LOG_LEVEL: 'info', PORT: '3000', SECRET: '' });
  expect(compose.services.get('two')?.environment).toEqual({ A: '1', B: 'x=y' });
});
