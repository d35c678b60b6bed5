import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { relayCoordinationContract } from './relay-coordination-contract.ts';
import { SqliteRelayCoordination } from './sqlite-relay-coordination.ts';

// Each holder opens the file itself, as processes next to one store would.
relayCoordinationContract('sqlite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'relay-coordination-'));
  const file = join(dir, 'events.sqlite.relay');
  const holders: SqliteRelayCoordination[] = [];
  return {
    holder: (owner, leaseTtlMs) => {
      const holder = SqliteRelayCoordination.open(file, { owner, leaseTtlMs, name: 'test' });
      holders.push(holder);
      return Object.assign(holder, { kill: () => holder.close() });
    },
    expireLease: async () => {
      const db = new DatabaseSync(file);
      db.exec('PRAGMA busy_timeout = 5000');
      db.prepare("UPDATE relay_coordination SET owner = NULL, expires_at = 0 WHERE name = 'test'").run();
      db.close();
    },
    close: () => {
      for (const holder of holders) holder.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
