import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hotlineProcesses, readCompose } from '../compose/compose-file.ts';
import { workspaceRoot } from '../settings/service-settings.ts';
import { copyBuildContext } from './build-context.ts';

const run = promisify(execFile);
const folders = [...new Set(hotlineProcesses(readCompose()).map(({ folder }) => folder))];

// What each process needs besides the bad value so that the bad value is what stops it.
const required: Record<string, Record<string, string>> = {
  dashboard: { REPORTING_URL: 'http://reporting:3000', SLA_CLOCK_URL: 'http://sla-clock:3000' },
  relay: { REDIS_URL: 'redis://redis:6379' },
};

/**
 * The Dockerfile's install step without Docker: the build context (`COPY . .` less .dockerignore),
 * then `pnpm install --offline --frozen-lockfile --prod --filter "@hotline/<SERVICE>..."`, from the
 * machine's pnpm store. A process that imports a package its manifests only list for development, or
 * not at all, fails to load here as it would in its image.
 */
describe("each image's production install", () => {
  let context = '';
  const copies: string[] = [];

  // The workspace's own store: pnpm would pick another one for a folder on another file system.
  let store = '';

  beforeAll(async () => {
    context = mkdtempSync(join(tmpdir(), 'hotline-context-'));
    copyBuildContext(context);
    store = (await run('pnpm', ['store', 'path'], { cwd: workspaceRoot })).stdout.trim();
  });

  afterAll(() => {
    for (const directory of [context, ...copies]) rmSync(directory, { recursive: true, force: true });
  });

  it.each(folders)('%s loads every module it imports from its production dependencies', async (folder) => {
    const image = mkdtempSync(join(tmpdir(), `hotline-image-${folder}-`));
    copies.push(image);
    cpSync(context, image, { recursive: true });
    const filter = `@hotline/${folder}...`;
    await run(
      'pnpm',
      ['install', '--offline', '--frozen-lockfile', '--prod', '--filter', filter, '--store-dir', store],
      {
        cwd: image,
        env: { ...process.env, CI: 'true' },
      },
    );

    // Every static import resolves before the settings are read: an invalid one then stops the process.
    const started = await run(process.execPath, [join(image, 'services', folder, 'src', 'main.ts')], {
      cwd: image,
      env: { PATH: process.env.PATH ?? '', ...required[folder], KAFKA_BROKERS: 'kafka' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );
    expect(started).toEqual({
      code: 1,
      stderr: 'Invalid configuration: KAFKA_BROKERS: expected a comma-separated list of host:port\n',
    });

    // What is loaded on demand: the EventStoreDB adapter (EVENT_STORE=esdb), the dashboard's chart library.
    const onDemand = [
      ['packages/platform', '@hotline/eventstore/esdb'],
      ...(folder === 'dashboard' ? [['services/dashboard', 'chart.js']] : []),
    ];
    for (const [from, specifier] of onDemand) {
      const script = `import(import.meta.resolve(${JSON.stringify(specifier)})).then(() => process.stdout.write('ok'))`;
      const { stdout } = await run(process.execPath, ['--input-type=module', '--eval', script], {
        cwd: join(image, from ?? ''),
      });
      expect(stdout, `${specifier} from ${from}`).toBe('ok');
    }
  });
});
