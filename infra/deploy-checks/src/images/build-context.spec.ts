import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../settings/service-settings.ts';
import { dockerIgnore } from './build-context.ts';

describe('.dockerignore as these checks read it', () => {
  it('matches folders at any depth, files by pattern, and what is under a matched folder', () => {
    const ignored = dockerIgnore('**/node_modules\n.git\n**/*.sqlite\ninfra/kafka/.lib\n# a comment\n');
    expect(ignored('node_modules/x/index.js')).toBe(true);
    expect(ignored('services/intake/node_modules/fastify/package.json')).toBe(true);
    expect(ignored('.git/HEAD')).toBe(true);
    expect(ignored('data/hotline.sqlite')).toBe(true);
    expect(ignored('infra/kafka/.lib/kafka.jar')).toBe(true);
    expect(ignored('infra/kafka/broker.ts')).toBe(false);
    expect(ignored('services/intake/src/main.ts')).toBe(false);
    expect(ignored('.gitignore')).toBe(false);
  });

  it("keeps the workspace's manifests, lockfile and sources in the context, and its local state out", () => {
    const ignored = dockerIgnore(readFileSync(join(workspaceRoot, '.dockerignore'), 'utf8'));
    for (const path of [
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'patches/kafkajs@2.2.4.patch',
      'services/dashboard/public/index.html',
    ]) {
      expect(ignored(path), path).toBe(false);
    }
    for (const path of ['.toolchain/bin/pnpm', 'data/hotline.sqlite', '.env', 'packages/runtime/node_modules/pino/x']) {
      expect(ignored(path), path).toBe(true);
    }
  });
});
