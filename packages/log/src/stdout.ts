import { write } from 'node:fs';

export interface StdoutDestination {
  write(line: string): boolean;
  /** Resolves once every queued line is written, or after `timeoutMs` whatever is left. */
  flush(timeoutMs: number): Promise<void>;
  /** Lines dropped because the reader fell too far behind. */
  readonly dropped: number;
}

export interface StdoutOptions {
  fd?: number;
  /** Lines waiting beyond this many bytes are dropped rather than held. */
  maxQueuedBytes?: number;
}

const RETRY_MS = 50;

/**
 * Log lines to stdout without ever holding the process up. pino's own destination
 * retries a full pipe forever when the process exits, so an api whose log reader stopped
 * reading could not stop. Here lines queue in memory up to a bound (then are dropped and
 * counted), are written one chunk at a time off the event loop, and after EPIPE (the
 * reader is gone) are discarded. flush() gives a stop a bounded chance to write the rest.
 */
export function stdoutDestination({
  fd = 1,
  maxQueuedBytes = 4 * 1024 * 1024,
}: StdoutOptions = {}): StdoutDestination {
  let queue: string[] = [];
  let queuedBytes = 0;
  let pending: Buffer | undefined;
  let closed = false;
  let dropped = 0;
  let waiters: (() => void)[] = [];

  const settle = () => {
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  function pump(): void {
    if (pending || closed) return;
    if (queue.length === 0) return settle();
    pending = Buffer.from(queue.join(''));
    queue = [];
    queuedBytes = 0;
    writeOut(pending);
  }

  function writeOut(chunk: Buffer): void {
    write(fd, chunk, 0, chunk.length, null, (error, written) => {
      if (error) {
        if (error.code === 'EAGAIN') {
          setTimeout(() => writeOut(chunk), RETRY_MS).unref();
          return;
        }
        // EPIPE and the like: nobody reads any more; nothing later would be read either.
        closed = true;
        pending = undefined;
        queue = [];
        queuedBytes = 0;
        return settle();
      }
      if (written < chunk.length) return writeOut(chunk.subarray(written));
      pending = undefined;
      pump();
    });
  }

  return {
    write(line) {
      if (closed) return true;
      if (queuedBytes + line.length > maxQueuedBytes) {
        dropped += 1;
        return true;
      }
      queue.push(line);
      queuedBytes += line.length;
      pump();
      return true;
    },
    flush(timeoutMs) {
      if (closed || (!pending && queue.length === 0)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    get dropped() {
      return dropped;
    },
  };
}
