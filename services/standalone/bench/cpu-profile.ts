import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
}

/** Where a frame's code lives: a package of the workspace by path, a dependency by name, Node's own. */
export function placeOf(url: string): string {
  if (url === '') return '(native)';
  if (url.startsWith('node:')) return 'node';
  const dependency = /node_modules\/(?!\.pnpm)((?:@[^/]+\/)?[^/]+)\//.exec(
    url.split('node_modules/.pnpm/').at(-1) ?? url,
  );
  if (url.includes('node_modules') && dependency !== null) return dependency[1]!;
  const workspace = /\/((?:packages|services)\/[^/]+)\/(.*)$/.exec(url);
  return workspace === null ? url : `${workspace[1]}/${workspace[2]}`;
}

export interface ProfileSummary {
  readonly seconds: number;
  /** Share of the samples, by where the code lives (a workspace file, a dependency, node, GC, idle). */
  readonly places: readonly [string, number][];
  readonly functions: readonly [string, number][];
}

/** Self time of a `--cpu-prof` profile, by place and by function, as shares of the samples. */
export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const hits = new Map<number, number>();
  for (const sample of profile.samples) hits.set(sample, (hits.get(sample) ?? 0) + 1);
  const total = profile.samples.length;
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const node of profile.nodes) {
    const count = hits.get(node.id) ?? 0;
    if (count === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const special = functionName.startsWith('(') ? functionName : undefined;
    const place = special ?? placeOf(url);
    places.set(place, (places.get(place) ?? 0) + count);
    const name = special ?? `${functionName || '(anonymous)'} ${placeOf(url)}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + count);
  }
  const ranked = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => [name, count / total] as [string, number]);
  return { seconds: (profile.endTime - profile.startTime) / 1e6, places: ranked(places), functions: ranked(functions) };
}

/** The profile a process wrote into `directory` (the largest, if it wrote more than one). */
export function readProfile(directory: string): CpuProfile | undefined {
  const files = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'));
  const profiles = files.map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as CpuProfile);
  return profiles.sort((a, b) => b.samples.length - a.samples.length)[0];
}
