import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '@hotline/eventstore';
import { domainUpcaster } from '@hotline/platform';
import { wire } from '../http/wire.ts';
import { replayProgressBar } from '../rebuild/progress-bar.ts';
import { asOfReport } from './as-of.ts';
import { ticketAuditHtml } from './audit-html.ts';
import { verifyChains } from './chain-verdict.ts';
import { auditTicket } from './ticket-audit.ts';

const usage = `Usage (against a copy of the store):
  audit ticket <ticketId> [--as-of <instant>] [--html <file>] [--lang fr|en]
  audit as-of <instant> [--client <clientId>] [--year <year>]
  audit verify
Options: --sqlite <file> (default $SQLITE_FILE or ./data/hotline.sqlite)
Exit status 2 when a hash chain is broken or a stored SLA event does not recompute.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sqlite: { type: 'string', default: process.env.SQLITE_FILE ?? './data/hotline.sqlite' },
    'as-of': { type: 'string' },
    html: { type: 'string' },
    lang: { type: 'string', default: 'fr' },
    client: { type: 'string' },
    year: { type: 'string' },
  },
});

const instant = (text: string | undefined, name: string) => {
  if (text === undefined) return Date.now();
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new Error(`${name}: not an ISO 8601 instant: ${text}`);
  return at;
};
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(wire(value), null, 2)}\n`);

const [command, argument] = positionals;
const store = await openSqliteStore({ file: values.sqlite, upcast: domainUpcaster });
let status = 0;
try {
  switch (command) {
    case 'ticket': {
      if (argument === undefined) throw new Error(usage);
      const asOf = values['as-of'] === undefined ? undefined : instant(values['as-of'], '--as-of');
      const audit = await auditTicket(store, argument, { now: Date.now(), asOf });
      if (values.html !== undefined) {
        writeFileSync(values.html, ticketAuditHtml(audit, values.lang === 'en' ? 'en' : 'fr'));
        process.stderr.write(`Printable document written to ${values.html}\n`);
      }
      print(audit);
      if (!audit.verdict.sound) status = 2;
      break;
    }
    case 'as-of': {
      const bar = replayProgressBar('replay');
      const report = await asOfReport(store, instant(argument, 'instant'), {
        clientId: values.client,
        year: values.year === undefined ? undefined : Number(values.year),
        onProgress: ({ done, total }) => bar.update(done, total),
      });
      bar.stop();
      const chains = await verifyChains(store);
      print({ ...report, hashChain: chains });
      if (!chains.intact) status = 2;
      break;
    }
    case 'verify': {
      const chains = await verifyChains(store);
      print(chains);
      if (!chains.intact) status = 2;
      break;
    }
    default:
      process.stderr.write(`${usage}\n`);
      status = 1;
  }
} finally {
  await store.close();
}
process.exitCode = status;
