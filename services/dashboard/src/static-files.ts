import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpServer } from '@hotline/runtime';
import { PAGE } from './dashboard-access.ts';

const PUBLIC_DIRECTORY = fileURLToPath(new URL('../public/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

function staticFile(path: string): StaticFile {
  return { body: readFileSync(path), type: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' };
}

/**
 * The page and its assets, read once at start into memory: a fixed list of paths, so no request
 * path ever reaches the file system. The charting library comes from the package's own build in
 * node_modules (Chart.js's UMD file, which needs no bundler).
 */
export function registerStaticFiles(app: HttpServer): void {
  const files = new Map<string, StaticFile>();
  for (const path of filesUnder(PUBLIC_DIRECTORY)) {
    files.set(`/dashboard/${relative(PUBLIC_DIRECTORY, path).split('\\').join('/')}`, staticFile(path));
  }
  const chartDirectory = dirname(fileURLToPath(import.meta.resolve('chart.js')));
  files.set('/dashboard/vendor/chart.umd.min.js', staticFile(join(chartDirectory, 'chart.umd.min.js')));

  const index = files.get('/dashboard/index.html')!;
  app.get('/', { schema: { hide: true }, config: { access: PAGE } }, async (_request, reply) =>
    reply.type(index.type).header('cache-control', 'no-cache').send(index.body),
  );
  for (const [path, file] of files) {
    app.get(path, { schema: { hide: true }, config: { access: PAGE } }, async (_request, reply) =>
      reply.type(file.type).header('cache-control', 'no-cache').send(file.body),
    );
  }
}
