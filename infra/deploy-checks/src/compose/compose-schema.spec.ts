import { describe, expect, it } from 'vitest';
import { parseCompose, readCompose } from './compose-file.ts';
import { composeSpecErrors, composeSpecSchema } from './compose-schema.ts';

describe('docker-compose.yml against the Compose specification', () => {
  it('is valid against the specification schema', () => {
    expect(composeSpecSchema()).toMatchObject({ title: 'Compose Specification' });
    expect(composeSpecErrors(readCompose().document)).toEqual([]);
  });

  it('would be refused with a mistake the schema knows (the check can fail)', () => {
    const wrong = parseCompose(`
services:
  intake:
    image: hotline/intake:dev
    depends_on:
      kafka:
        condition: service_ready
    restart_policy: always
`);
    const errors = composeSpecErrors(wrong.document);
    expect(errors).toContain('/services/intake/depends_on/kafka/condition: must be equal to one of the allowed values');
    expect(errors).toContain('/services/intake: must NOT have additional properties');
  });
});
