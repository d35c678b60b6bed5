import { describe, expect, it } from 'vitest';
import { type CsvColumn, csvTable } from './csv-table.ts';

interface Row {
  name: string;
  cents: number;
  at: number | null;
  share: number;
  late: boolean;
  days: number;
}

const columns: readonly CsvColumn<Row>[] = [
  { fr: 'Nom', en: 'Name', value: (row) => row.name },
  { fr: 'Montant', en: 'Amount', kind: 'money', value: (row) => row.cents },
  { fr: 'Le', en: 'At', kind: 'instant', value: (row) => row.at },
  { fr: 'Taux', en: 'Rate', kind: 'percent', value: (row) => row.share },
  { fr: 'En retard', en: 'Late', kind: 'boolean', value: (row) => row.late },
  { fr: 'Jours', en: 'Days', kind: 'number', value: (row) => row.days },
];

const row: Row = {
  name: 'ACME',
  cents: 123_456,
  at: Date.parse('2026-05-26T13:00:00Z'),
  share: 0.875,
  late: true,
  days: 2.5,
};

describe('CSV for spreadsheets in French locales', () => {
  it('starts with a byte order mark, separates cells with semicolons and ends lines with CRLF', () => {
    expect(csvTable(columns, [row])).toBe(
      '\uFEFFNom;Montant;Le;Taux;En retard;Jours\r\nACME;1234,56;2026-05-26 15:00;87,5;oui;2,5\r\n',
    );
  });

  it('writes headers in English when asked, values the same way', () => {
    expect(csvTable(columns, [], 'en')).toBe('\uFEFFName;Amount;At;Rate;Late;Days\r\n');
  });

  it('quotes cells holding a separator, a quote or a line break, and leaves empty what is unknown', () => {
    const line = csvTable(columns, [{ ...row, name: 'Dupont; "Fils"\nSA', at: null }]).split('\r\n')[1];
    expect(line).toBe('"Dupont; ""Fils""\nSA";1234,56;;87,5;oui;2,5');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvTable(columns, [{ ...row, name: '=HYPERLINK("x")' }]).split('\r\n')[1]).toMatch(
      /^"'=HYPERLINK\(""x""\)";/,
    );
    expect(csvTable(columns, [{ ...row, cents: -500 }]).split('\r\n')[1]).toContain(';-5,00;');
  });
});
