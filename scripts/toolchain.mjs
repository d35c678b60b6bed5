#!/usr/bin/env node
// Entry point of every root command (`npm start`, `npm test`, `pnpm bench`).
// It must run on any Node.js from 20 on, so it is plain ESM JavaScript with no dependency:
// it brings the Node.js pinned in .node-version and the pnpm pinned in package.json
// (both from the npm registry, which serves Node.js as a platform package with its
// headers), installs the workspace when the lockfile changed, then runs pnpm with
// the given arguments on the pinned Node.js.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.toolchain');
const nodeVersion = readFileSync(join(root, '.node-version'), 'utf8').trim();
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    log(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

/** Fetches a registry package as a tarball and unpacks it into `target` (atomically). */
function unpackFromRegistry(spec, target) {
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`fetching ${spec}`);
  const packed = spawnSync('npm', ['pack', spec, '--silent', '--pack-destination', staging], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (packed.status !== 0) {
    log(`npm pack ${spec} failed`);
    process.exit(packed.status ?? 1);
  }
  const tarball = packed.stdout.trim().split('\n').pop();
  run('tar', ['-xzf', join(staging, tarball), '-C', staging]);
  rmSync(join(staging, tarball));
  renameSync(staging, target);
}

/** The pinned Node.js: the running one when it is that version, else the registry's platform package. */
function pinnedNode() {
  if (process.versions.node === nodeVersion) return process.execPath;
  const home = join(cache, `node-${nodeVersion}`);
  const binary = join(home, 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(binary)) {
    const platform = process.platform === 'win32' ? 'win' : process.platform;
    unpackFromRegistry(`node-${platform}-${process.arch}@${nodeVersion}`, home);
  }
  return binary;
}

function pinnedPnpm() {
  const home = join(cache, `pnpm-${pnpmVersion}`);
  const entry = join(home, 'package', 'bin', 'pnpm.cjs');
  if (!existsSync(entry)) unpackFromRegistry(`pnpm@${pnpmVersion}`, home);
  return entry;
}

const node = pinnedNode();
const pnpm = pinnedPnpm();
const nodeBin = dirname(node);
// Headers for native addons come with the platform package; the machine's npm may point at another Node's.
const nodeDir = node === process.execPath ? undefined : resolve(nodeBin, '..');

/** A `pnpm` command on PATH for the tools that look for it there (turbo does). */
function pnpmShim() {
  const bin = join(cache, 'bin');
  const shim = join(bin, 'pnpm');
  const script = `#!/bin/sh\nexec "${node}" "${pnpm}" "$@"\n`;
  if (!existsSync(shim) || readFileSync(shim, 'utf8') !== script) {
    mkdirSync(bin, { recursive: true });
    writeFileSync(shim, script, { mode: 0o755 });
  }
  return bin;
}

const env = {
  ...process.env,
  PATH: [nodeBin, pnpmShim(), process.env.PATH].join(process.platform === 'win32' ? ';' : ':'),
  TURBO_TELEMETRY_DISABLED: '1',
};
for (const key of Object.keys(env)) {
  // Variables that npm sets for the script it runs name the machine's Node.js; pnpm must not inherit them.
  if (key.startsWith('npm_') && !key.startsWith('npm_config_')) delete env[key];
}
delete env.npm_config_nodedir;
delete env.NPM_CONFIG_NODEDIR;
if (nodeDir) env.npm_config_nodedir = nodeDir;

function installIfStale() {
  const lockfile = join(root, 'pnpm-lock.yaml');
  const fingerprint = createHash('sha256')
    .update(existsSync(lockfile) ? readFileSync(lockfile) : '')
    .update(readFileSync(join(root, 'package.json')))
    .update(nodeVersion)
    .digest('hex');
  const stamp = join(root, 'node_modules', '.toolchain-installed');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  log(`installing the workspace (pnpm ${pnpmVersion}, Node.js ${nodeVersion})`);
  // pnpm freezes the lockfile by itself when CI is set.
  run(node, [pnpm, 'install'], { cwd: root, env });
  writeFileSync(stamp, fingerprint);
}

const args = process.argv.slice(2);
const changesDependencies = ['install', 'i', 'add', 'remove', 'update'].includes(args[0] ?? '');
if (!changesDependencies) installIfStale();
if (args.length === 0) process.exit(0);

const child = spawn(node, [pnpm, ...args], { cwd: process.cwd(), env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
