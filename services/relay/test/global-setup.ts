import { provideInfrastructure } from '@hotline/testkit/global-setup';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject) {
  return provideInfrastructure(project, { kafka: true, redis: true });
}
