import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processNodeFlags } from '@hotline/platform';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceEntries, workspaceRoot } from '../settings/service-settings.ts';
import { hotlineProcesses, readCompose } from './compose-file.ts';

const compose = readCompose();
const processes = hotlineProcesses(compose);
const dockerfile = readFileSync(join(workspaceRoot, 'infra/docker/Dockerfile'), 'utf8');
const manifest = JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')) as {
  packageManager: string;
  scripts: Record<string, string>;
};

function argDefault(name: string): string | undefined {
  return new RegExp(`^ARG ${name}=(\\S+)$`, 'm').exec(dockerfile)?.[1];
}

describe('the images and entry points docker-compose.yml names', () => {
  it('runs every process of services/ but the embedded product, with the replicas meant to share work', () => {
    const inCompose = processes.map(({ folder }) => folder).sort();
    const all = serviceEntries()
      .map(({ service }) => service)
      .filter((service) => service !== 'standalone');
    expect(inCompose).toEqual(all);
    const replicas = Object.fromEntries(processes.map(({ folder, service }) => [folder, service.replicas]));
    expect(replicas).toMatchObject({ triage: 2, 'sla-clock': 2 });
  });

  it('builds each from an existing context and Dockerfile, whose entry point exists and is its own', () => {
    for (const { service, folder, entry } of processes) {
      const context = join(workspaceRoot, service.build?.context ?? '');
      expect(existsSync(context), `${service.name} context`).toBe(true);
      expect(existsSync(join(context, service.build?.dockerfile ?? 'Dockerfile')), `${service.name} Dockerfile`).toBe(
        true,
      );
      expect(entry, service.name).toBe(`services/${folder}/src/main.ts`);
      expect(existsSync(join(context, entry)), entry).toBe(true);
      expect(service.command?.[0], service.name).toBe('node');
      expect(service.image, service.name).toBe(`hotline/${folder}:dev`);
    }
  });

  it("starts every process with the product's Node.js options: npm start, the image, each compose command", () => {
    const options = processNodeFlags.join(' ');
    expect(manifest.scripts['product:start']).toBe(`node ${options} services/standalone/src/main.ts`);
    expect(dockerfile).toContain(`CMD ["sh", "-c", "exec node ${options} services/\${SERVICE}/src/main.ts"]`);
    for (const { service, nodeFlags } of processes) expect(nodeFlags, service.name).toEqual(processNodeFlags);
  });

  it('builds on the Node.js and pnpm the workspace pins', () => {
    expect(argDefault('NODE_VERSION')).toBe(readFileSync(join(workspaceRoot, '.node-version'), 'utf8').trim());
    expect(`pnpm@${argDefault('PNPM_VERSION')}`).toBe(manifest.packageManager);
    // The runtime stage drops root; its command is checked with the Node.js options above.
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('publishes ports on the loopback interface only: EventStoreDB runs insecure, Redis without a password', () => {
    const services = compose.document.services as Record<string, { ports?: unknown[] }>;
    const published = Object.entries(services).flatMap(([name, { ports = [] }]) => ports.map((port) => [name, port]));
    expect(published.length).toBeGreaterThan(10);
    for (const [name, port] of published) expect(String(port), String(name)).toMatch(/^127\.0\.0\.1:\d+(-\d+)?:\d+$/);
  });

  it('keeps dependencies, local stores and the toolchain out of the build context', () => {
    const ignored = readFileSync(join(workspaceRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.toolchain', '.git', '**/data']));
  });

  it('mounts an existing collector configuration whose pipelines use only components it defines', () => {
    const collector = compose.services.get('otel-collector');
    const mount = (compose.document.services as Record<string, { volumes?: string[] }>)['otel-collector']?.volumes?.[0];
    expect(collector).toBeDefined();
    const [source] = (mount ?? '').split(':');
    const config = parse(readFileSync(join(workspaceRoot, source ?? ''), 'utf8')) as {
      receivers: Record<string, unknown>;
      processors: Record<string, unknown>;
      exporters: Record<string, unknown>;
      service: { pipelines: Record<string, { receivers: string[]; processors: string[]; exporters: string[] }> };
    };
    for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
      for (const kind of ['receivers', 'processors', 'exporters'] as const) {
        for (const component of pipeline[kind]) expect(config[kind], `${name} ${kind}`).toHaveProperty([component]);
      }
    }
    // The exporters and scrapes name services of this file.
    const jaeger = (config.exporters['otlp/jaeger'] as { endpoint: string }).endpoint.split(':')[0];
    expect(compose.services.get(jaeger ?? '')?.profiles).toEqual(['traces']);
    const scraped = (
      config.receivers.prometheus as { config: { scrape_configs: { dns_sd_configs: { names: string[] }[] }[] } }
    ).config.scrape_configs.flatMap((scrape) => scrape.dns_sd_configs.flatMap(({ names }) => names));
    const withHttp = processes
      .filter(({ service }) => !service.healthcheck?.disable)
      .map(({ service }) => service.name);
    expect(scraped.sort()).toEqual(withHttp.sort());
  });
});
