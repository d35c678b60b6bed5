import { getContainerRuntimeClient } from 'testcontainers';

/** Named explicitly: the version the adapter was written against (gRPC-compatible with @eventstore/db-client 6). */
export const kurrentDbImage = 'kurrentplatform/kurrentdb:25.0';

export type EsdbTarget =
  | { kind: 'server'; connectionString: string }
  | { kind: 'container' }
  | { kind: 'none'; reason: string };

/**
 * Where the EventStoreDB tests can run: the server named by ESDB_CONNECTION_STRING, else a
 * container when a container runtime answers, else nowhere (and why).
 */
export async function findEsdbTarget(): Promise<EsdbTarget> {
  const connectionString = process.env.ESDB_CONNECTION_STRING;
  if (connectionString !== undefined && connectionString !== '') return { kind: 'server', connectionString };
  try {
    await getContainerRuntimeClient();
    return { kind: 'container' };
  } catch (error) {
    const why = (error as Error).message.split('\n')[0];
    return { kind: 'none', reason: `ESDB_CONNECTION_STRING is not set and no container runtime answers (${why})` };
  }
}
