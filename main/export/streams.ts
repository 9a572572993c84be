// Backpressure for the writers: wait for 'drain' when a stream says it is full, but never past the end of
// the output (an output that fails or closes early rejects instead of leaving the export waiting forever).
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export interface Output {
  /** Resolves when `stream` may take more; rejects if the output ended or failed first. */
  drained(stream: NodeJS.EventEmitter): Promise<void>;
  /** Resolves once the output has flushed everything and closed. */
  done: Promise<void>;
}

export function watchOutput(out: Writable): Output {
  const done = finished(out);
  // Observed here, so a failure before anyone awaits `done` is not an unhandled rejection.
  const failed = done.then(
    () => Promise.reject(new Error('the output closed before the export was written')),
    (error: unknown) => Promise.reject(error),
  );
  failed.catch(() => undefined);
  return {
    done,
    drained: async (stream) => {
      const controller = new AbortController();
      try {
        await Promise.race([once(stream, 'drain', { signal: controller.signal }), failed]);
      } finally {
        controller.abort();
      }
    },
  };
}

/** Lets the event loop turn, so streams inside a library (exceljs' zip, pdfkit's pages) move their data. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
