import type { FastifyReply } from 'fastify';
import { type CsvColumn, type CsvLanguage, csvTable } from './csv-table.ts';

/** Sends a table as a CSV attachment named after it. */
export function sendCsv<Row>(
  reply: FastifyReply,
  name: string,
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row>,
  language: CsvLanguage = 'fr',
): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(csvTable(columns, rows, language));
}
