import { SingleBar } from 'cli-progress';

/** Long work's progress, shown as it goes: `done` of the `total` given at the start. */
export interface Progress {
  update(done: number, counts: object): void;
  stop(): void;
}

/**
 * A bar on stderr with the counts beside it, drawn only on a terminal, so output
 * piped to a file or another program stays clean.
 */
export function terminalProgress(total: number): Progress {
  const bar = new SingleBar({
    format:
      'Importing [{bar}] {percentage}% | {read} rows, {imported} new, {duplicates} already there',
    hideCursor: true,
    stream: process.stderr,
  });
  bar.start(total, 0, { read: 0, imported: 0, duplicates: 0 });
  return {
    update: (done, counts) => bar.update(done, counts),
    stop: () => bar.stop(),
  };
}
