import { beforeAll, describe, expect, it } from 'vitest';
import { readServiceSettings, type ServiceSettings } from '../settings/service-settings.ts';
import { type HotlineProcess, hotlineProcesses, readCompose } from './compose-file.ts';

const compose = readCompose();
const processes = hotlineProcesses(compose);

/** Each process's settings as read with its compose environment. */
let read: Map<string, ServiceSettings>;
beforeAll(async () => {
  const all = await Promise.all(
    processes.map(({ service, folder, entry }) => readServiceSettings(folder, entry, { env: service.environment })),
  );
  read = new Map(all.map((settings) => [settings.service, settings]));
});

function settingsOf({ folder }: HotlineProcess): ServiceSettings {
  const settings = read.get(folder);
  if (settings === undefined) throw new Error(`no settings read for ${folder}`);
  return settings;
}

const SECONDS = /^(\d+)s$/;

describe("docker-compose.yml's environments against the services' schemas", () => {
  it('sets every variable each process reads, and nothing it does not read', () => {
    for (const process of processes) {
      const reads = settingsOf(process)
        .variables.map(({ name }) => name)
        .sort();
      expect(Object.keys(process.service.environment).sort(), process.service.name).toEqual(reads);
    }
  });

  it('sets only values the processes accept', () => {
    for (const process of processes) expect(settingsOf(process).problems, process.service.name).toEqual([]);
  });

  it('points every address at a service of the file', () => {
    const addresses: [string, string, string][] = [];
    for (const { service } of processes) {
      for (const [name, value] of Object.entries(service.environment)) {
        const url = /^[a-z][a-z0-9+.-]*:\/\/([^/:?]+)/i.exec(value);
        if (url?.[1] !== undefined && !['0.0.0.0', 'localhost'].includes(url[1]))
          addresses.push([service.name, name, url[1]]);
        if (name === 'KAFKA_BROKERS') {
          for (const broker of value.split(',')) addresses.push([service.name, name, broker.split(':')[0] ?? '']);
        }
      }
    }
    expect(addresses.map(([, name]) => name)).toEqual(
      expect.arrayContaining(['KAFKA_BROKERS', 'REDIS_URL', 'ESDB_CONNECTION_STRING', 'OTEL_EXPORTER_OTLP_ENDPOINT']),
    );
    for (const [service, name, host] of addresses)
      expect(compose.services.has(host), `${service} ${name} → ${host}`).toBe(true);
  });
});

describe("docker-compose.yml's start order and health", () => {
  it('starts each process once Kafka, EventStoreDB and Redis answer, and after what it calls', () => {
    for (const { service } of processes) {
      for (const server of ['kafka', 'eventstore', 'redis']) {
        expect(service.dependsOn[server]?.condition, `${service.name} → ${server}`).toBe('service_healthy');
      }
    }
    expect(compose.services.get('dashboard')?.dependsOn).toMatchObject({
      reporting: { condition: 'service_healthy' },
      'sla-clock': { condition: 'service_healthy' },
    });
  });

  it('waits only on health checks that exist', () => {
    for (const service of compose.services.values()) {
      for (const [dependency, { condition }] of Object.entries(service.dependsOn)) {
        const target = compose.services.get(dependency);
        expect(target, `${service.name} → ${dependency}`).toBeDefined();
        if (condition === 'service_healthy') {
          expect(target?.healthcheck?.test, `${service.name} → ${dependency}`).toBeDefined();
          expect(target?.healthcheck?.disable, `${service.name} → ${dependency}`).not.toBe(true);
        }
      }
    }
  });

  it('checks every process on its /readyz, at its PORT, the relay included', () => {
    for (const { service } of processes) {
      expect(service.healthcheck?.disable, service.name).not.toBe(true);
      expect(service.healthcheck?.test?.join(' '), service.name).toContain(
        `http://127.0.0.1:${service.environment.PORT}/readyz`,
      );
    }
    expect(processes.map(({ folder }) => folder)).toContain('relay');
  });

  it('gives each process more time to stop than its own graceful shutdown takes', () => {
    for (const { service } of processes) {
      const grace = Number(SECONDS.exec(service.stopGracePeriod ?? '10s')?.[1]);
      const shutdown = Number(SECONDS.exec(service.environment.SHUTDOWN_TIMEOUT ?? '')?.[1]);
      expect(grace, service.name).toBeGreaterThan(shutdown);
    }
  });
});
