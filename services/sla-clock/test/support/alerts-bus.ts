import { alertsTopic, InProcessBus, type SlaAlert, silentLogger, supportTopics } from '@hotline/messaging';

/**
 * The in-process bus with the support topics, and the SLA alerts a consumer takes from it. The SLA clock
 * raises warnings and breaches only; triage's unassignable alerts are not its own, and are left out.
 */
export async function alertsBus() {
  const bus = new InProcessBus({ logger: silentLogger });
  await bus.ensureTopics(supportTopics);
  const alerts: SlaAlert[] = [];
  const consumer = await bus.consume({
    group: 'test-alerts',
    topic: alertsTopic,
    handler: ({ payload }) => {
      if (payload.kind !== 'unassignable') alerts.push(payload);
    },
  });
  return {
    bus,
    alerts,
    async close() {
      await consumer.stop();
      await bus.close();
    },
  };
}
