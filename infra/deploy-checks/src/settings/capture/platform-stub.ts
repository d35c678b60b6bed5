import { processConfigSchema } from '@hotline/platform';
import { finishCapture, recordSchema } from './captured-settings.ts';

export * from '@hotline/platform';

/** Stands for `runProcess`: records the process schema it would read, then ends the capture. */
export function runProcess(): Promise<never> {
  recordSchema(processConfigSchema);
  return finishCapture();
}

/** Stands for `openInfrastructure` (a process that does not go through `runProcess`, the relay). */
export function openInfrastructure(): Promise<never> {
  return finishCapture();
}
