// Writes docs/asyncapi.yaml from the topic contracts: `pnpm --filter @hotline/messaging asyncapi`.
import { writeFileSync } from 'node:fs';
import { asyncApiPath, asyncApiYaml } from '../test/support/asyncapi-yaml.ts';

writeFileSync(asyncApiPath, asyncApiYaml());
console.log(`wrote ${asyncApiPath}`);
