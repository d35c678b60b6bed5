import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { workspaceRoot } from '../settings/service-settings.ts';

/** The parts of a compose service these checks read, merge keys (`<<`) resolved. */
export interface ComposeService {
  readonly name: string;
  readonly image?: string;
  readonly build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  readonly command?: string[];
  readonly environment: Record<string, string>;
  readonly dependsOn: Record<string, { condition: string }>;
  readonly healthcheck?: { test?: string[]; disable?: boolean };
  readonly replicas: number;
  readonly profiles: string[];
  readonly stopGracePeriod?: string;
}

export interface ComposeFile {
  /** The document as YAML gives it, for the schema. */
  readonly document: Record<string, unknown>;
  readonly services: ReadonlyMap<string, ComposeService>;
}

export const composePath = join(workspaceRoot, 'docker-compose.yml');

export function parseCompose(text: string): ComposeFile {
  // `merge`: the file shares its settings and service defaults through YAML merge keys, as Compose reads them.
  const document = parse(text, { merge: true }) as Record<string, unknown>;
  const services = new Map<string, ComposeService>();
  for (const [name, raw] of Object.entries((document.services ?? {}) as Record<string, Record<string, unknown>>)) {
    services.set(name, composeService(name, raw));
  }
  return { document, services };
}

export function readCompose(file = composePath): ComposeFile {
  return parseCompose(readFileSync(file, 'utf8'));
}

function composeService(name: string, raw: Record<string, unknown>): ComposeService {
  const deploy = raw.deploy as { replicas?: number } | undefined;
  return {
    name,
    ...(typeof raw.image === 'string' && { image: raw.image }),
    ...(raw.build !== undefined && { build: buildOf(raw.build) }),
    ...(raw.command !== undefined && { command: commandOf(raw.command) }),
    environment: environmentOf(raw.environment),
    dependsOn: dependsOnOf(raw.depends_on),
    ...(raw.healthcheck !== undefined && { healthcheck: raw.healthcheck as ComposeService['healthcheck'] }),
    replicas: deploy?.replicas ?? 1,
    profiles: (raw.profiles as string[] | undefined) ?? [],
    ...(typeof raw.stop_grace_period === 'string' && { stopGracePeriod: raw.stop_grace_period }),
  };
}

function buildOf(raw: unknown): NonNullable<ComposeService['build']> {
  if (typeof raw === 'string') return { context: raw };
  const build = raw as { context?: string; dockerfile?: string; args?: unknown };
  return {
    context: build.context ?? '.',
    ...(build.dockerfile !== undefined && { dockerfile: build.dockerfile }),
    ...(build.args !== undefined && { args: environmentOf(build.args) }),
  };
}

function commandOf(raw: unknown): string[] {
  return typeof raw === 'string' ? raw.split(/\s+/).filter((word) => word !== '') : (raw as unknown[]).map(String);
}

/**
 * Compose's interpolation as it comes out when the shell running compose sets none of the variables:
 * `${NAME:-default}` and `${NAME-default}` give the default, `${NAME}` nothing, `$$` a dollar.
 */
export function interpolated(value: string): string {
  return value
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g, (_match, fallback: string | undefined) => fallback ?? '')
    .replaceAll('$$', '$');
}

/** `KEY: value` maps and `KEY=value` lists alike; values as the container sees them, text. */
function environmentOf(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((entry) => {
        const [key, ...value] = String(entry).split('=');
        return [key ?? '', interpolated(value.join('='))];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([key, value]) => [
      key,
      value === null ? '' : interpolated(String(value)),
    ]),
  );
}

function dependsOnOf(raw: unknown): Record<string, { condition: string }> {
  if (raw === undefined) return {};
  if (Array.isArray(raw))
    return Object.fromEntries(raw.map((name) => [String(name), { condition: 'service_started' }]));
  return raw as Record<string, { condition: string }>;
}

/** A process of the hotline in the compose file: built from this workspace, one `services/<name>/src/main.ts`. */
export interface HotlineProcess {
  readonly service: ComposeService;
  /** The `services/` folder, the image's SERVICE build argument. */
  readonly folder: string;
  /** The entry point the command runs, relative to the workspace. */
  readonly entry: string;
  /** The options the command gives Node.js, between `node` and the entry point. */
  readonly nodeFlags: readonly string[];
}

export function hotlineProcesses(compose: ComposeFile): HotlineProcess[] {
  return [...compose.services.values()]
    .filter((service) => service.build?.args?.SERVICE !== undefined)
    .map((service) => {
      const command = service.command ?? [];
      const entryAt = command.findIndex((word) => word.endsWith('.ts'));
      return {
        service,
        folder: service.build?.args?.SERVICE ?? '',
        entry: command[entryAt] ?? '',
        nodeFlags: entryAt < 0 ? [] : command.slice(1, entryAt),
      };
    });
}
