import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitUntil } from '@hotline/testkit';
import { type ComposeFile, type HotlineProcess, hotlineProcesses, readCompose } from '../compose/compose-file.ts';
import { workspaceRoot } from '../settings/service-settings.ts';
import { type LocalServers, localEnvironment } from './local-environment.ts';

/** One replica of a compose service, running as a process of this machine. */
export interface LocalReplica {
  readonly service: string;
  readonly replica: number;
  /** Where it listens; the same across restarts, as a container keeps its published port. */
  readonly url: string;
  readonly env: Readonly<Record<string, string>>;
  /** Where its stdout and stderr go, when the launcher was given a folder for logs. */
  readonly logFile: string | undefined;
  child: ChildProcess;
}

export interface ComposeLaunchOptions {
  readonly servers: LocalServers;
  readonly compose?: ComposeFile;
  /** Settings laid over a service's compose environment (a bench's upstream system name…). */
  readonly overrides?: (service: string) => Record<string, string>;
  /** Replicas per service where the file's count is not wanted. */
  readonly replicas?: (service: string, fromFile: number) => number;
  /** One `<service>-<replica>.log` per process here; the test's own output otherwise. */
  readonly logDir?: string;
  readonly readyTimeoutMs?: number;
}

/**
 * docker-compose.yml's hotline processes on this machine (the test and bench stand-in for
 * `docker compose up`): every replica the file asks for, with the file's environment, the servers'
 * addresses replaced by local ones, started in the file's depends_on order, each waited for on
 * /readyz as the healthcheck does. A replica can be killed and started again on the same port.
 */
export class ComposeLauncher {
  readonly #options: ComposeLaunchOptions;
  readonly #processes: HotlineProcess[];
  readonly #compose: ComposeFile;
  readonly #replicas: LocalReplica[] = [];
  #stopped = false;
  // A test run that ends without stop() (a hook's timeout, an exception) must not leave the hotline running.
  readonly #onExit = () => {
    for (const { child } of this.#replicas) if (isRunning(child)) child.kill('SIGKILL');
  };

  private constructor(options: ComposeLaunchOptions) {
    this.#options = options;
    this.#compose = options.compose ?? readCompose();
    this.#processes = hotlineProcesses(this.#compose);
    globalThis.process.once('exit', this.#onExit);
  }

  static async launch(options: ComposeLaunchOptions): Promise<ComposeLauncher> {
    const launcher = new ComposeLauncher(options);
    try {
      await launcher.#startInOrder();
    } catch (error) {
      await launcher.stop();
      throw error;
    }
    return launcher;
  }

  get replicas(): readonly LocalReplica[] {
    return this.#replicas;
  }

  replicasOf(service: string): LocalReplica[] {
    return this.#replicas.filter((replica) => replica.service === service);
  }

  url(service: string, replica = 0): string {
    return this.#replica(service, replica).url;
  }

  /** SIGKILL, as the kernel's OOM killer or a power cut would: no shutdown code runs. */
  async kill(service: string, replica = 0): Promise<void> {
    const running = this.#replica(service, replica);
    await signalled(running.child, 'SIGKILL');
  }

  /** Starts a stopped or killed replica again with its environment and port, once it is ready. */
  async restart(service: string, replica = 0): Promise<void> {
    const stopped = this.#replica(service, replica);
    if (isRunning(stopped.child)) throw new Error(`${service}#${replica} is still running`);
    stopped.child = this.#spawn(stopped.service, stopped.env, stopped.logFile);
    await this.#ready(stopped);
  }

  async ready(replica: LocalReplica): Promise<boolean> {
    if (!isRunning(replica.child)) return false;
    const answer = await fetch(`${replica.url}/readyz`).catch(() => undefined);
    return answer?.status === 200;
  }

  /** SIGTERM to every process, each let to drain as `docker compose down` would. */
  async stop(): Promise<void> {
    this.#stopped = true;
    globalThis.process.off('exit', this.#onExit);
    await Promise.all(this.#replicas.map(({ child }) => signalled(child, 'SIGTERM')));
  }

  /** The last lines a replica wrote, for a failure's report. */
  tail(replica: LocalReplica, lines = 20): string {
    if (replica.logFile === undefined) return '';
    return readFileSync(replica.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }

  #replica(service: string, replica: number): LocalReplica {
    const found = this.#replicas.find((each) => each.service === service && each.replica === replica);
    if (found === undefined) throw new Error(`${service}#${replica}: no such replica in docker-compose.yml`);
    return found;
  }

  async #startInOrder(): Promise<void> {
    const names = new Set(this.#processes.map(({ service }) => service.name));
    const started = new Set<string>();
    while (started.size < this.#processes.length) {
      const wave = this.#processes.filter(
        ({ service }) =>
          !started.has(service.name) &&
          Object.keys(service.dependsOn).every((dependency) => !names.has(dependency) || started.has(dependency)),
      );
      if (wave.length === 0) throw new Error('docker-compose.yml: a cycle in depends_on');
      // One process at a time, each waited for: on a loaded machine a dozen node processes loading at
      // once all start late, and the one waited for last times out for its neighbours' work.
      for (const process of wave) await this.#startReplicas(process);
      for (const { service } of wave) started.add(service.name);
    }
  }

  async #startReplicas(process: HotlineProcess): Promise<void> {
    const { service } = process;
    const urls = new Map(this.#replicas.map((replica) => [replica.service, replica.url]));
    const count = this.#options.replicas?.(service.name, service.replicas) ?? service.replicas;
    for (let replica = 0; replica < count; replica++) {
      const port = await freePort();
      const env = {
        ...localEnvironment(process, this.#options.servers, port, urls, this.#compose.services),
        ...this.#options.overrides?.(service.name),
      };
      const logFile =
        this.#options.logDir === undefined ? undefined : join(this.#options.logDir, `${service.name}-${replica}.log`);
      const child = this.#spawn(service.name, env, logFile);
      const started: LocalReplica = {
        service: service.name,
        replica,
        url: `http://127.0.0.1:${port}`,
        env,
        logFile,
        child,
      };
      this.#replicas.push(started);
      await this.#ready(started);
    }
  }

  #spawn(service: string, env: Record<string, string>, logFile: string | undefined): ChildProcess {
    const process = this.#processes.find((each) => each.service.name === service);
    if (process === undefined) throw new Error(`${service}: not a hotline process of docker-compose.yml`);
    if (this.#stopped) throw new Error(`${service}: not started, the launcher is stopped`);
    const log = logFile === undefined ? undefined : openSync(logFile, 'a');
    try {
      return spawn(globalThis.process.execPath, [...process.nodeFlags, join(workspaceRoot, process.entry)], {
        cwd: workspaceRoot,
        // Only the compose environment: a developer's own settings must not count.
        env: { PATH: globalThis.process.env.PATH ?? '', ...env },
        stdio: log === undefined ? ['ignore', 'inherit', 'inherit'] : ['ignore', log, log],
      });
    } finally {
      if (log !== undefined) closeSync(log);
    }
  }

  async #ready(replica: LocalReplica): Promise<void> {
    const process = this.#processes.find((each) => each.service.name === replica.service);
    if (process?.service.healthcheck?.disable) return;
    const name = `${replica.service}#${replica.replica}`;
    try {
      await waitUntil(
        async () => {
          if (!isRunning(replica.child)) throw new Error(`${name} exited during start\n${this.tail(replica)}`);
          return this.ready(replica);
        },
        `${name} on ${replica.url}/readyz`,
        this.#options.readyTimeoutMs ?? 120_000,
        100,
      );
    } catch (error) {
      const answer = await fetch(`${replica.url}/readyz`).then(
        async (response) => `${response.status} ${await response.text()}`,
        (failure: unknown) => (failure as Error).message,
      );
      throw new Error(`${(error as Error).message}\n/readyz: ${answer}\n${this.tail(replica)}`);
    }
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalled(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (!isRunning(child)) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
