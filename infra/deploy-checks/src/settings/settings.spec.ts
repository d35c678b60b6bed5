import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAllServiceSettings, type ServiceSettings, workspaceRoot } from './service-settings.ts';
import { rowCells, SETTINGS_HEADER, settingsRows, tableCells } from './settings-table.ts';

const run = promisify(execFile);

let settings: ServiceSettings[];
beforeAll(async () => {
  settings = await readAllServiceSettings();
});

describe('the settings table', () => {
  it('is what the services read: docs/settings.md equals the table made from their zod schemas', () => {
    const document = readFileSync(join(workspaceRoot, 'docs', 'settings.md'), 'utf8');
    const expected = [[...SETTINGS_HEADER], ...settingsRows(settings).map(rowCells)];
    // Compared cell by cell, so that formatting the markdown changes nothing; regenerate with `run settings`.
    expect(tableCells(document)).toEqual(expected);
  });

  it('has a row, a meaning and a default or a "required" for every variable of every service', () => {
    const rows = settingsRows(settings);
    for (const { service, variables } of settings) {
      for (const variable of variables) {
        const row = rows.find(
          (candidate) =>
            candidate.variable === `\`${variable.name}\`` &&
            (candidate.readBy === 'all' || candidate.readBy.split(', ').includes(service)),
        );
        expect(row, `${service} ${variable.name}`).toBeDefined();
        expect(row?.meaning, `${service} ${variable.name}`).not.toBe('');
      }
    }
    expect(settings.map(({ service }) => service)).toEqual(expect.arrayContaining(['intake', 'relay', 'dashboard']));
  });
});

/** Starts an entry point with an environment and returns how it ended, without waiting for a server. */
async function startWith(entry: string, env: Record<string, string>) {
  try {
    await run(process.execPath, [join(workspaceRoot, entry)], {
      cwd: workspaceRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 30_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code, stderr: failed.stderr ?? '' };
  }
}

describe('settings checked at start', () => {
  // What each service needs besides the bad value so that the bad value is what stops it.
  const required: Record<string, Record<string, string>> = {
    dashboard: { REPORTING_URL: 'http://reporting:3000', SLA_CLOCK_URL: 'http://sla-clock:3000' },
    relay: { REDIS_URL: 'redis://redis:6379' },
  };
  const specific: [string, string, string, string][] = [
    ['sla-clock', 'SLA_TIMER_LEASE', 'soon', 'expected a duration such as 500ms, 30s, 5m or 1h'],
    ['relay', 'RELAY_LEASE_TTL', 'soon', 'expected a duration such as 500ms, 30s, 5m or 1h'],
    ['dashboard', 'REPORTING_URL', 'reporting', 'Invalid URL'],
  ];

  it('every service stops with one line naming a variable it reads with an invalid value', async () => {
    const outcomes = await Promise.all(
      settings.map(async ({ service, entry }) => ({
        service,
        ...(await startWith(entry, { ...required[service], KAFKA_BROKERS: 'kafka' })),
      })),
    );
    for (const { service, code, stderr } of outcomes) {
      expect({ service, code, stderr }).toEqual({
        service,
        code: 1,
        stderr: 'Invalid configuration: KAFKA_BROKERS: expected a comma-separated list of host:port\n',
      });
    }
  });

  it.each(specific)('%s stops on an invalid %s', async (service, variable, value, reason) => {
    const { entry } = settings.find((candidate) => candidate.service === service)!;
    const { code, stderr } = await startWith(entry, { ...required[service], [variable]: value });
    expect(code).toBe(1);
    expect(stderr).toBe(`Invalid configuration: ${variable}: ${reason}\n`);
  });
});
