import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAllServiceSettings, workspaceRoot } from '../src/settings/service-settings.ts';
import { settingsDocument } from '../src/settings/settings-document.ts';

// Writes docs/settings.md from the services' configuration schemas, formatted as the repository formats markdown.
const file = join(workspaceRoot, 'docs', 'settings.md');
writeFileSync(file, settingsDocument(await readAllServiceSettings()));
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', file], { cwd: workspaceRoot, stdio: 'inherit' });
process.stdout.write(`wrote ${file}\n`);
