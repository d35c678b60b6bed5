import { parseArgs } from 'node:util';
import { createApiKey, readOrEmptyApiKeysFile, writeApiKeysFile } from './api-keys-file.ts';
import { Role } from './identity.ts';

export interface KeysCommandIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  /** The key itself, alone on its line, so that a script can capture it. */
  readonly out: (text: string) => void;
  /** Everything said to the operator. */
  readonly err: (text: string) => void;
}

const USAGE = `Usage:
  keys create --role <${Role.options.join('|')}> [--client <clientId>]... [--system <name>] [--label <text>] [--rate-limit <n>] [--file <path>]
  keys list [--file <path>]
  keys revoke <keyId> [--file <path>]
The file defaults to API_KEYS_FILE, else ./data/api-keys.json. A new key is printed once: only its hash is stored.
`;

/** `npm run keys -- …`: creates, lists and revokes API keys in a keys file; returns the exit code. */
export function runKeysCommand(argv: readonly string[], io: KeysCommandIo): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const file = values.file ?? io.env.API_KEYS_FILE ?? './data/api-keys.json';
  try {
    switch (command) {
      case 'create':
        return create(file, values, io);
      case 'list':
        return list(file, io);
      case 'revoke':
        return revoke(file, rest[0], io);
      default:
        io.err(USAGE);
        return command === undefined || command === 'help' ? 0 : 2;
    }
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      client: { type: 'string', multiple: true },
      system: { type: 'string' },
      label: { type: 'string' },
      'rate-limit': { type: 'string' },
      file: { type: 'string' },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function create(file: string, values: Values, io: KeysCommandIo): number {
  const role = Role.safeParse(values.role);
  if (!role.success) {
    io.err(`--role must be one of ${Role.options.join(', ')}\n`);
    return 2;
  }
  const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) {
    io.err('--rate-limit must be a positive integer (requests per window)\n');
    return 2;
  }
  const keys = readOrEmptyApiKeysFile(file);
  const { text, record } = createApiKey(
    {
      role: role.data,
      ...(values.client === undefined ? {} : { clients: values.client }),
      ...(values.system === undefined ? {} : { system: values.system }),
      ...(values.label === undefined ? {} : { label: values.label }),
      ...(rateLimit === undefined ? {} : { rateLimit }),
    },
    io.now(),
  );
  writeApiKeysFile(file, { keys: [...keys.keys, record] });
  io.out(`${text}\n`);
  io.err(`Key ${record.id} (${describe(record)}) stored in ${file}. It is shown this once: keep it now.\n`);
  return 0;
}

function describe(record: { role: string; clients?: readonly string[]; system?: string; label?: string }): string {
  const scope = record.clients ? ` of ${record.clients.join(', ')}` : record.system ? ` ${record.system}` : '';
  return `${record.role}${scope}${record.label === undefined ? '' : `, ${record.label}`}`;
}

function list(file: string, io: KeysCommandIo): number {
  const { keys } = readOrEmptyApiKeysFile(file);
  for (const key of keys) io.out(`${key.id}  ${describe(key)}  created ${key.createdAt}\n`);
  if (keys.length === 0) io.err(`No key in ${file}.\n`);
  return 0;
}

function revoke(file: string, id: string | undefined, io: KeysCommandIo): number {
  const { keys } = readOrEmptyApiKeysFile(file);
  const kept = keys.filter((key) => key.id !== id);
  if (id === undefined || kept.length === keys.length) {
    io.err(`No key ${id ?? '(give its id)'} in ${file}.\n`);
    return 1;
  }
  writeApiKeysFile(file, { keys: kept });
  io.err(`Key ${id} revoked; processes refuse it once restarted.\n`);
  return 0;
}
