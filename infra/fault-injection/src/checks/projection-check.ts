import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { workspaceRoot } from '@hotline/deploy-checks/src/settings/service-settings.ts';
import { RedisRecordStore, type StoredRecord } from '@hotline/reporting';
import type { Redis } from 'ioredis';
// What "identical" means for two builds of reporting's records, as reporting's own tests say it.
import { canonical } from '../../../../services/reporting/test/support/canonical-records.ts';

const run = promisify(execFile);
const rebuildCli = join(workspaceRoot, 'services/reporting/src/rebuild/rebuild-cli.ts');
/** Reporting's records in Redis: the compose file leaves its prefix at the service's default. */
export const REPORTING_PREFIX = '{reporting}';

export interface ProjectionCheck {
  readonly records: number;
  readonly rebuilt: number;
  readonly problems: readonly string[];
}

/**
 * Reporting's read model in Redis against a fresh rebuild: the operators' `npm run rebuild`, run on
 * the store into a prefix of its own, then both read back record by record. A record the live
 * projection lacks, holds at another checkpoint or folded differently is drift.
 */
export async function checkProjections(
  redis: Redis,
  redisUrl: string,
  sqliteFile: string,
  freshPrefix: string,
): Promise<ProjectionCheck> {
  await run(process.execPath, [rebuildCli, '--sqlite', sqliteFile, '--redis', redisUrl, '--prefix', freshPrefix], {
    cwd: workspaceRoot,
    timeout: 120_000,
  });
  const live = canonical(await recordsOf(redis, REPORTING_PREFIX));
  const rebuilt = canonical(await recordsOf(redis, freshPrefix));
  const problems: string[] = [];
  for (const [stream, record] of rebuilt) {
    const projected = live.get(stream);
    if (projected === undefined) problems.push(`missing in the live projection: ${stream}`);
    else if (projected !== record) problems.push(`drift on ${stream}:\n  live    ${projected}\n  rebuilt ${record}`);
  }
  for (const stream of live.keys()) if (!rebuilt.has(stream)) problems.push(`only in the live projection: ${stream}`);
  return { records: live.size, rebuilt: rebuilt.size, problems };
}

async function recordsOf(redis: Redis, prefix: string): Promise<Map<string, StoredRecord>> {
  const records = new Map<string, StoredRecord>();
  const follower = await new RedisRecordStore({ redis, prefix }).follow({
    reset: () => records.clear(),
    change: (stream, stored) => records.set(stream, stored),
  });
  follower.stop();
  return records;
}
