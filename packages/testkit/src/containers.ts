let runtime: Promise<string | undefined> | undefined;

/**
 * Why containers cannot be used here, or undefined when a container runtime answers. A `docker`
 * client without an engine is common (CI images, this project's machines), so the client alone
 * proves nothing: testcontainers' runtime client throws when no engine is reachable.
 */
export function containerRuntimeUnavailable(): Promise<string | undefined> {
  runtime ??= (async () => {
    if (process.env.HOTLINE_TEST_CONTAINERS === 'off') return 'containers disabled (HOTLINE_TEST_CONTAINERS=off)';
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      await getContainerRuntimeClient();
      return undefined;
    } catch (error) {
      return `no container runtime (${(error as Error).message.split('\n')[0]})`;
    }
  })();
  return runtime;
}
