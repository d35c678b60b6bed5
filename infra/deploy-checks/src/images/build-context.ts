import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { workspaceRoot } from '../settings/service-settings.ts';

/** A `.dockerignore` pattern as a test on a path relative to the context (`**`, `*`, `?`; no `!`). */
function patternTest(pattern: string): RegExp {
  const source = pattern
    .replace(/^\/+|\/+$/g, '')
    .split('')
    .map((char, index, chars) => {
      if (char === '*' && chars[index + 1] === '*') return '';
      if (char === '*' && chars[index - 1] === '*') return chars[index + 1] === '/' ? '(?:.*/)?' : '.*';
      if (char === '/' && chars[index - 1] === '*' && chars[index - 2] === '*') return '';
      if (char === '*') return '[^/]*';
      if (char === '?') return '[^/]';
      return char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  // A pattern that names a folder excludes everything under it.
  return new RegExp(`^${source}(?:/.*)?$`);
}

export function dockerIgnore(text: string): (path: string) => boolean {
  const tests = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      if (line.startsWith('!')) throw new Error(`.dockerignore: exceptions (${line}) are not read by these checks`);
      return patternTest(line);
    });
  return (path) => tests.some((test) => test.test(path));
}

/**
 * The files `COPY . .` puts in the image: the workspace's files that git knows or would add, less
 * what `.dockerignore` leaves out, copied into `target`.
 */
export function copyBuildContext(target: string, root = workspaceRoot): string[] {
  const ignored = dockerIgnore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
    .toString('utf8')
    .split('\0')
    .filter((path) => path !== '' && !ignored(path));
  for (const path of files) {
    mkdirSync(join(target, dirname(path)), { recursive: true });
    // A file git knows but the working tree lost (deleted, not yet committed) is not in the context either.
    try {
      cpSync(join(root, path), join(target, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return files;
}
