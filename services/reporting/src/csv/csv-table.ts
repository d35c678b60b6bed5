export type CsvValue = string | number | boolean | null | undefined;

/** How a cell is written for a spreadsheet in a French locale. */
export type CsvKind = 'text' | 'number' | 'money' | 'instant' | 'percent' | 'boolean';

export interface CsvColumn<Row> {
  readonly fr: string;
  readonly en: string;
  readonly kind?: CsvKind;
  readonly value: (row: Row) => CsvValue;
}

export type CsvLanguage = 'fr' | 'en';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const decimals = new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 4 });
const cents = new Intl.NumberFormat('fr-FR', {
  useGrouping: false,
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percent = new Intl.NumberFormat('fr-FR', { useGrouping: false, maximumFractionDigits: 1 });
// `2026-05-26 15:00` in Paris time: a spreadsheet reads it as a date in any locale, unlike ISO's `T…Z`.
const localTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function formatted(value: CsvValue, kind: CsvKind): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    switch (kind) {
      case 'money':
        return cents.format(value / 100);
      case 'percent':
        return percent.format(value * 100);
      case 'instant':
        return localTime.format(new Date(value));
      default:
        return decimals.format(value);
    }
  }
  return value;
}

// A text cell starting like a formula would be run by the spreadsheet (CSV injection): quote it as text.
const formulaStart = /^[=+\-@\t\r]/;

function escaped(text: string, kind: CsvKind): string {
  const safe = kind === 'text' && formulaStart.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A table as spreadsheet software in a French locale opens it as is: UTF-8 with a byte order mark,
 * `;` between cells (the comma is the decimal separator there), decimal commas, CRLF line ends.
 */
export function csvTable<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row>,
  language: CsvLanguage = 'fr',
): string {
  const lines = [columns.map((column) => escaped(column[language], 'text')).join(SEPARATOR)];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => escaped(formatted(column.value(row), column.kind ?? 'text'), column.kind ?? 'text'))
        .join(SEPARATOR),
    );
  }
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
