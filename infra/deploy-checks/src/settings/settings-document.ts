import type { ServiceSettings } from './service-settings.ts';
import { markdownTable, rowCells, SETTINGS_HEADER, settingsRows } from './settings-table.ts';

/** `docs/settings.md`: the table, and how it is made. */
export function settingsDocument(settings: readonly ServiceSettings[]): string {
  const table = markdownTable(SETTINGS_HEADER, settingsRows(settings).map(rowCells));
  const secrets = [
    ...new Set(settings.flatMap(({ variables }) => variables.filter(({ secret }) => secret).map(({ name }) => name))),
  ];
  return `# Settings

Every setting of every process, read from the environment and checked at start against the zod schema
of the process: a wrong value, or a missing required one, stops the process with one line naming the
variable and what was expected (never the value, which may be a secret), e.g.
\`Invalid configuration: KAFKA_BROKERS: expected a comma-separated list of host:port\`. A variable set
to blank counts as unset. Durations take \`500ms\`, \`30s\`, \`5m\`, \`1h\` or plain milliseconds.

Generated from the schemas by \`node scripts/toolchain.mjs --filter @hotline/deploy-checks run settings\`;
\`infra/deploy-checks\` fails when this table and the schemas differ, and when a process of
\`docker-compose.yml\` does not set every variable it reads. "all" means every process under
\`services/\`: ${settings.map(({ service }) => `\`${service}\``).join(', ')}.

${table}

Secret settings, marked so in their schema (the logs redact them by name), belong in a secret store
rather than in a file:
${secrets.map((name) => `\`${name}\``).join(', ')}.

The command-line tools (reporting's rebuild and audit, \`npm run dead-letters\`) take their own
arguments, described in \`docs/operations.md\`; \`npm run dead-letters\` also reads the \`KAFKA_SSL\`
and \`KAFKA_SASL_\` variables.
`;
}
