import { busContract } from '../../test/bus-contract.ts';
import { InProcessBus, type InProcessConsumer, silentLogger } from '../index.ts';

busContract('in-process', async () => {
  const bus = new InProcessBus({ logger: silentLogger });
  return {
    bus,
    consumeThenDie: (topic, group) =>
      new Promise<string>((resolve) => {
        let consumer: InProcessConsumer | undefined;
        void bus
          .consume({
            group,
            topic,
            handler: async (message) => {
              await consumer?.kill();
              resolve(message.key ?? '');
              // A dead process never finishes its handler.
              await new Promise(() => {});
            },
          })
          .then((started) => {
            consumer = started as InProcessConsumer;
          });
      }),
    close: () => bus.close(),
  };
});
