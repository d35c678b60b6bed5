import { provideInfrastructure } from '@hotline/testkit/global-setup';
import type { TestProject } from 'vitest/node';

/** Redis for the shared rate limit of access control's integration tests. */
export default function setup(project: TestProject) {
  return provideInfrastructure(project, { redis: true });
}
