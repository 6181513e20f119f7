// A rendering thread of the pool: draws each statement it is sent and hands the bytes back.
import { parentPort } from 'node:worker_threads';
import { drawStatement } from './draw.ts';
import type { StatementData } from './statement-data.ts';

interface Job {
  id: number;
  data: StatementData;
}

const port = parentPort;
if (!port) throw new Error('the statement renderer runs as a worker thread');

port.on('message', ({ id, data }: Job) => {
  drawStatement(data).then(
    (pdf) => port.postMessage({ id, pdf }, [pdf.buffer as ArrayBuffer]),
    (error: unknown) =>
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
