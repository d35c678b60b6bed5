import { runKeysCommand } from './keys-command.ts';

// `npm run keys -- create --role manager`: see keys-command.ts.
process.exitCode = runKeysCommand(process.argv.slice(2), {
  env: process.env,
  now: () => new Date(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
