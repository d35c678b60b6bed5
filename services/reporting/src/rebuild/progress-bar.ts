import { Bar, Presets } from 'cli-progress';

/** A terminal progress bar of a replay: events done, their rate, the time left. On stderr, so stdout stays the result. */
export function replayProgressBar(label: string) {
  const bar = new Bar(
    {
      format: `${label} {bar} {percentage}% | {value}/{total} events | {rate} events/s | {eta_formatted} left`,
      stream: process.stderr,
      etaBuffer: 50,
      fps: 5,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    update(done: number, total: number) {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds) : 0;
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      }
      bar.setTotal(total);
      bar.update(done, { rate });
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
