export interface StopStep {
  readonly name: string;
  readonly stop: () => Promise<void>;
}

/**
 * Stops the steps in order, as a signal would, but throws rather than exits: the embedded product
 * (tests, a demo) stops this way, and a step that hangs must fail within `timeoutMs` naming itself,
 * not hold its caller for as long as a client keeps a connection. The steps after it still run
 * once it settles.
 */
export async function stopWithin(steps: readonly StopStep[], timeoutMs: number): Promise<void> {
  let current: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`stopping took longer than ${timeoutMs} ms, still at step "${current}"`)),
      timeoutMs,
    );
  });
  const stopAll = async () => {
    for (const step of steps) {
      current = step.name;
      await step.stop();
    }
  };
  try {
    await Promise.race([stopAll(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
