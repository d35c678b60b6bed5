import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { asyncApiDocument } from '../../src/asyncapi/asyncapi-document.ts';

export const asyncApiPath = fileURLToPath(new URL('../../../../docs/asyncapi.yaml', import.meta.url));

export function asyncApiYaml(): string {
  return `# Generated from packages/messaging's topic contracts: pnpm --filter @hotline/messaging asyncapi\n${stringify(asyncApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
