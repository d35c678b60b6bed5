import { readFileSync } from 'node:fs';

/** How many objects of one kind, or held under one owner, and their own bytes. */
export interface CensusRow {
  readonly key: string;
  readonly count: number;
  readonly bytes: number;
}

export interface HeapCensus {
  readonly objects: number;
  readonly bytes: number;
  /** By kind: a constructor's name for objects, V8's type otherwise (`number` is a boxed double). */
  readonly kinds: ReadonlyMap<string, CensusRow>;
  /**
   * By owner: on the shortest path from the roots, the nearest instance of a named class holding a
   * collection (Map, Set, Array) the object is in or under, with its field (`ReportingView.tickets`);
   * `(unowned)` when none.
   */
  readonly owners: ReadonlyMap<string, CensusRow>;
  /** By owner and kind: what an owner's objects are. */
  readonly ownedKinds: ReadonlyMap<string, CensusRow>;
}

interface RawSnapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: string[];
      readonly node_types: [string[], ...unknown[]];
      readonly edge_fields: string[];
      readonly edge_types: [string[], ...unknown[]];
    };
  };
  readonly nodes: number[];
  readonly edges: number[];
  readonly strings: string[];
}

// Containers an owner holds its objects through: climbing past them reaches the class that keeps them.
const containers = new Set(['Object', 'Array', 'Map', 'Set', 'WeakMap', 'Promise', 'system / Context']);
// What a read model keeps its units in: the owner is the class whose field holds one.
const collections = new Set(['Array', 'Map', 'Set']);

/** Reads a `.heapsnapshot` (V8's JSON format) and counts its objects by kind and by owner. */
export function heapCensus(path: string): HeapCensus {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as RawSnapshot;
  const { meta } = raw.snapshot;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const field = (name: string) => meta.node_fields.indexOf(name);
  const [typeAt, nameAt, sizeAt, edgeCountAt] = [field('type'), field('name'), field('self_size'), field('edge_count')];
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((name) =>
    meta.edge_fields.indexOf(name),
  ) as [number, number, number];
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const weak = edgeTypes.indexOf('weak');
  const shortcut = edgeTypes.indexOf('shortcut');
  const named = new Set(['context', 'property', 'internal', 'shortcut'].map((type) => edgeTypes.indexOf(type)));
  const { nodes, edges, strings } = raw;
  const count = nodes.length / nodeWidth;
  const firstEdge = new Uint32Array(count + 1);
  for (let node = 0; node < count; node += 1) {
    firstEdge[node + 1] = firstEdge[node]! + nodes[node * nodeWidth + edgeCountAt]! * edgeWidth;
  }
  // Shortest strong paths from the root (node 0), as DevTools' "distance".
  const parentEdge = new Int32Array(count).fill(-1);
  const parentNode = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  let queue = [0];
  while (queue.length > 0) {
    const next: number[] = [];
    for (const node of queue) {
      for (let edge = firstEdge[node]!; edge < firstEdge[node + 1]!; edge += edgeWidth) {
        const type = edges[edge + edgeTypeAt];
        if (type === weak || type === shortcut) continue;
        const to = edges[edge + edgeToAt]! / nodeWidth;
        if (seen[to] === 1) continue;
        seen[to] = 1;
        parentEdge[to] = edge;
        parentNode[to] = node;
        next.push(to);
      }
    }
    queue = next;
  }
  const nameOf = (node: number) => strings[nodes[node * nodeWidth + nameAt]!]!;
  const typeOf = (node: number) => nodeTypes[nodes[node * nodeWidth + typeAt]!]!;
  const isOwner = (node: number) => typeOf(node) === 'object' && !containers.has(nameOf(node));
  const ownerOf = (node: number): string => {
    for (let at = node, depth = 0; parentNode[at]! > 0 && depth < 24; at = parentNode[at]!, depth += 1) {
      const from = parentNode[at]!;
      if (!isOwner(from) || !collections.has(nameOf(at))) continue;
      const edge = parentEdge[at]!;
      const edgeName = named.has(edges[edge + edgeTypeAt]!) ? strings[edges[edge + edgeNameAt]!] : '[]';
      return `${nameOf(from)}.${edgeName}`;
    }
    return '(unowned)';
  };
  const kinds = new Map<string, CensusRow>();
  const owners = new Map<string, CensusRow>();
  const ownedKinds = new Map<string, CensusRow>();
  const add = (rows: Map<string, CensusRow>, key: string, bytes: number) => {
    const row = rows.get(key);
    rows.set(key, { key, count: (row?.count ?? 0) + 1, bytes: (row?.bytes ?? 0) + bytes });
  };
  let bytes = 0;
  for (let node = 1; node < count; node += 1) {
    if (seen[node] === 0) continue;
    const type = typeOf(node);
    if (type === 'synthetic') continue;
    const size = nodes[node * nodeWidth + sizeAt]!;
    bytes += size;
    const kind = type === 'object' || type === 'closure' ? `${type} ${nameOf(node)}` : type;
    const owner = ownerOf(node);
    add(kinds, kind, size);
    add(owners, owner, size);
    add(ownedKinds, `${owner}: ${kind}`, size);
  }
  return { objects: [...kinds.values()].reduce((sum, row) => sum + row.count, 0), bytes, kinds, owners, ownedKinds };
}

/** What `later` holds more than `earlier`, a unit (a ticket) at a time, the largest counts first. */
export function perUnit(
  earlier: ReadonlyMap<string, CensusRow>,
  later: ReadonlyMap<string, CensusRow>,
  units: number,
): CensusRow[] {
  return [...later.values()]
    .map((row) => ({
      key: row.key,
      count: (row.count - (earlier.get(row.key)?.count ?? 0)) / units,
      bytes: (row.bytes - (earlier.get(row.key)?.bytes ?? 0)) / units,
    }))
    .sort((a, b) => b.count - a.count);
}
