export interface GroupCommitOptions {
  /** Items one statement takes at most. */
  maxBatch?: number;
  /** Statements under way at once; what arrives meanwhile waits and goes in one. */
  maxInFlight?: number;
}

interface Job<T, R> {
  items: readonly T[];
  resolve: (results: R[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for acknowledgements: requests that arrive while a statement is under way
 * are written together by the next one, so a burst costs one round trip and one commit
 * per group instead of per request, and a quiet moment costs no wait at all. Every
 * request still hears back only after its own items are committed. When a group fails,
 * each of its requests is tried alone, so one bad payload cannot fail the others.
 * `write` answers one result per item, in order.
 */
export function groupCommit<T, R>(
  write: (items: readonly T[]) => Promise<R[]>,
  { maxBatch = 64, maxInFlight = 1 }: GroupCommitOptions = {},
): (items: readonly T[]) => Promise<R[]> {
  const queue: Job<T, R>[] = [];
  let inFlight = 0;

  async function run(jobs: Job<T, R>[]): Promise<void> {
    try {
      const results = await write(jobs.flatMap((job) => job.items));
      let offset = 0;
      for (const job of jobs) {
        job.resolve(results.slice(offset, offset + job.items.length));
        offset += job.items.length;
      }
    } catch (error) {
      if (jobs.length === 1) {
        jobs[0]?.reject(error);
        return;
      }
      await Promise.all(jobs.map((job) => write(job.items).then(job.resolve, job.reject)));
    }
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const jobs: Job<T, R>[] = [];
      let size = 0;
      while (queue.length > 0 && (jobs.length === 0 || size + queue[0]!.items.length <= maxBatch)) {
        const job = queue.shift()!;
        jobs.push(job);
        size += job.items.length;
      }
      inFlight++;
      void run(jobs).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (items) => {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      queue.push({ items, resolve, reject });
      pump();
    });
  };
}
