import type { ConfigVariable } from '@hotline/runtime';
import type { ServiceSettings } from './service-settings.ts';

/** One line of the table: a variable, and the services that read it with this default and meaning. */
export interface SettingsRow {
  readonly variable: string;
  readonly default: string;
  readonly meaning: string;
  readonly readBy: string;
}

export const SETTINGS_HEADER = ['variable', 'default', 'meaning', 'read by'] as const;

function defaultCell(variable: ConfigVariable): string {
  if (variable.default !== undefined) return `\`${variable.default}\``;
  return variable.required ? 'required' : '—';
}

/**
 * The settings of every service in one table: one row per variable, or one per distinct default and
 * meaning when services read it differently (the relay requires `REDIS_URL`, the others do not).
 * `all` stands for every service.
 */
export function settingsRows(settings: readonly ServiceSettings[]): SettingsRow[] {
  const groups = new Map<string, { variable: ConfigVariable; services: string[] }>();
  for (const { service, variables } of settings) {
    for (const variable of variables) {
      const key = JSON.stringify([variable.name, defaultCell(variable), variable.description ?? '']);
      const group = groups.get(key) ?? { variable, services: [] };
      group.services.push(service);
      groups.set(key, group);
    }
  }
  // Rows of one variable stay together; the variables every process reads come first.
  const readers = new Map<string, number>();
  for (const { variable, services } of groups.values()) {
    readers.set(variable.name, (readers.get(variable.name) ?? 0) + services.length);
  }
  const firstSeen = [...new Set([...groups.values()].map(({ variable }) => variable.name))];
  const order = firstSeen.toSorted((a, b) => (readers.get(b) ?? 0) - (readers.get(a) ?? 0));
  const everyService = settings.length;
  return order.flatMap((name) =>
    [...groups.values()]
      .filter(({ variable }) => variable.name === name)
      .map(({ variable, services }) => ({
        variable: `\`${name}\``,
        default: defaultCell(variable),
        meaning: (variable.description ?? '').replaceAll('|', '\\|'),
        readBy: services.length === everyService ? 'all' : services.join(', '),
      })),
  );
}

export function rowCells(row: SettingsRow): string[] {
  return [row.variable, row.default, row.meaning, row.readBy];
}

/** A markdown table with its columns padded, as biome formats it. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The cells of every table row of a markdown text, separator lines left out. */
export function tableCells(markdown: string): string[][] {
  const rows = markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  return rows.filter((cells) => !cells.every((cell) => /^:?-+:?$/.test(cell)));
}
