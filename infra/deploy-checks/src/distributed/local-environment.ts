import type { ComposeService, HotlineProcess } from '../compose/compose-file.ts';

/** What stands in, on this machine, for the servers the compose file names. */
export interface LocalServers {
  readonly kafkaBrokers: readonly string[];
  readonly redisUrl: string;
  /** The SQLite file every process shares, in place of EventStoreDB. */
  readonly sqliteFile: string;
  /** The keys file, in place of the `api-keys` secret the compose file mounts. */
  readonly apiKeysFile: string;
}

/**
 * A compose service's environment as a local process of it needs it: the compose file's values,
 * with the servers' addresses replaced by the local ones, a port of its own, and the other processes'
 * addresses (the dashboard's REPORTING_URL…) replaced by where they listen here. Anything else that
 * names a service of the file has no stand-in and fails the run: the compose file grew a dependency
 * this test does not know.
 */
export function localEnvironment(
  { service }: HotlineProcess,
  servers: LocalServers,
  port: number,
  processUrls: ReadonlyMap<string, string>,
  composeServices: ReadonlyMap<string, ComposeService>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(service.environment)) env[name] = localValue(name, value);
  return env;

  function localValue(name: string, value: string): string {
    switch (name) {
      case 'HOST':
        return '127.0.0.1';
      case 'PORT':
        return String(port);
      case 'KAFKA_BROKERS':
        return servers.kafkaBrokers.join(',');
      case 'REDIS_URL':
        return servers.redisUrl;
      // EventStoreDB is not on this machine: one SQLite file shared by every process stands in.
      case 'EVENT_STORE':
        return 'sqlite';
      case 'SQLITE_FILE':
        return servers.sqliteFile;
      case 'ESDB_CONNECTION_STRING':
        return '';
      // No collector here: the spans would go nowhere.
      case 'OTEL_TRACES_EXPORTER':
        return 'none';
      case 'OTEL_EXPORTER_OTLP_ENDPOINT':
        return value;
      case 'LOG_LEVEL':
        return 'warn';
      case 'API_KEYS_FILE':
        return servers.apiKeysFile;
    }
    const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?]+)/i.exec(value)?.[1];
    if (host === undefined || !composeServices.has(host)) return value;
    const local = processUrls.get(host);
    if (local === undefined) throw new Error(`${service.name} ${name}: no local stand-in for ${host}`);
    return local;
  }
}
