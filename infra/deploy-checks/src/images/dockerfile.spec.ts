import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../settings/service-settings.ts';

const dockerfile = readFileSync(join(workspaceRoot, 'infra/docker/Dockerfile'), 'utf8');

function problems(text: string): string[] {
  return validate(text).map(({ message, range }) => `${range.start.line + 1}: ${message}`);
}

describe('infra/docker/Dockerfile', () => {
  it('is a Dockerfile without a problem the Dockerfile language service knows', () => {
    expect(problems(dockerfile)).toEqual([]);
  });

  it('would show a broken instruction (the check can fail)', () => {
    expect(problems('FROM node:24-slim\nCOPY\n')).toEqual(['2: COPY requires at least two arguments']);
  });

  it('builds in two stages and runs the second as the unprivileged node user, SERVICE in both', () => {
    const stages = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((match) => match[1]);
    expect(stages).toEqual(['dependencies', 'runtime']);
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ARG SERVICE$/m);
    expect(runtime).toMatch(/^COPY --from=dependencies /m);
    // The runtime stage installs nothing: no package manager run, no download.
    expect(runtime).not.toMatch(/^RUN .*(npm|pnpm|apt-get|curl|wget)/m);
  });
});
