import { formatMoney } from '@hotline/domain';

export type Language = 'fr' | 'en';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** A value as text for a person: dates in Paris time, money in the contract's currency, in the reader's language. */
export function formatters(language: Language) {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    instant: (at: number | null | undefined) => (at === null || at === undefined ? '—' : dateTime.format(new Date(at))),
    money: (cents: number, currency = 'EUR') => formatMoney(cents, currency, locale),
    number: (value: number | null | undefined) => (value === null || value === undefined ? '—' : number.format(value)),
    hours: (ms: number | null | undefined) =>
      ms === null || ms === undefined ? '—' : `${number.format(ms / 3_600_000)} h`,
    percent: (share: number | null | undefined) =>
      share === null || share === undefined ? '—' : `${number.format(share * 100)} %`,
    yesNo: (value: boolean | null | undefined) =>
      value === null || value === undefined
        ? '—'
        : value
          ? language === 'fr'
            ? 'oui'
            : 'yes'
          : language === 'fr'
            ? 'non'
            : 'no',
  };
}

/** A table of already-escaped cells. */
export function htmlTable(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A printable A4 document: no script, no external resource, page breaks between sections when printed. */
export function printableDocument(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: system-ui, sans-serif; font-size: 10pt; color: #111; max-width: 190mm; margin: auto; }
  h1 { font-size: 16pt; margin-bottom: 0; }
  h2 { font-size: 12pt; border-bottom: 1px solid #999; margin-top: 18pt; break-after: avoid; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
  th, td { border: 1px solid #bbb; padding: 2pt 4pt; text-align: left; vertical-align: top; }
  th { background: #eee; }
  tr { break-inside: avoid; }
  .meta { color: #555; }
  .empty { color: #777; font-style: italic; }
  .ok { color: #05683a; } .ko { color: #a40e26; font-weight: bold; }
  code { font-size: 8pt; word-break: break-all; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
