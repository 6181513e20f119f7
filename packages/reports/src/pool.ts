// Statements are drawn on worker threads, never on the event loop that answers webhooks
// and requests: a 500-entry month keeps a thread busy for a few hundred milliseconds.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { StatementData } from './statement-data.ts';

export interface RenderPoolOptions {
  /** Threads at most (default: one per core but one, at least one, at most 2). */
  size?: number;
  /** Statements waiting for a thread at most; more are refused (default 32). */
  maxQueued?: number;
}

export interface RenderPool {
  /** The statement as PDF bytes, drawn on one of the pool's threads. */
  render(data: StatementData): Promise<Uint8Array>;
  /** Ends the threads; statements still waiting are refused. */
  close(): Promise<void>;
}

/** Too many statements are waiting already: the caller may try again shortly. */
export class RenderBusyError extends Error {
  override name = 'RenderBusyError';
}

interface Task {
  id: number;
  data: StatementData;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  task: Task | null;
}

type Answer = { id: number; pdf: Uint8Array } | { id: number; error: string };

const WORKER_URL = new URL('./render-worker.ts', import.meta.url);

export function createRenderPool(options: RenderPoolOptions = {}): RenderPool {
  const size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
  const maxQueued = options.maxQueued ?? 32;
  const threads = new Set<Thread>();
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Thread {
    const thread: Thread = { worker: new Worker(WORKER_URL), task: null };
    // Idle threads do not keep the process alive.
    thread.worker.unref();
    thread.worker.on('message', (answer: Answer) => {
      const task = thread.task;
      thread.task = null;
      thread.worker.unref();
      if (task?.id === answer.id) {
        if ('pdf' in answer) task.resolve(answer.pdf);
        else task.reject(new Error(`the statement could not be drawn: ${answer.error}`));
      }
      next();
    });
    thread.worker.on('error', (error: unknown) => {
      thread.task?.reject(error instanceof Error ? error : new Error(String(error)));
      thread.task = null;
    });
    thread.worker.on('exit', () => {
      threads.delete(thread);
      thread.task?.reject(new Error('the statement renderer stopped'));
      thread.task = null;
      next();
    });
    threads.add(thread);
    return thread;
  }

  function next(): void {
    while (queue.length > 0 && !closed) {
      let idle = [...threads].find((t) => t.task === null);
      if (!idle && threads.size < size) idle = spawn();
      if (!idle) return;
      const task = queue.shift()!;
      idle.task = task;
      // A thread at work keeps the process alive until it answers.
      idle.worker.ref();
      idle.worker.postMessage({ id: task.id, data: task.data });
    }
  }

  return {
    render(data) {
      if (closed) return Promise.reject(new Error('the statement renderer is closed'));
      if (queue.length >= maxQueued) {
        return Promise.reject(new RenderBusyError('too many statements are being drawn'));
      }
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ id: nextId++, data, resolve, reject });
        next();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('the statement renderer closed'));
      await Promise.all([...threads].map((t) => t.worker.terminate()));
    },
  };
}
