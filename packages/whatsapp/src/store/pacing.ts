export interface GateOptions {
  /** Works let through at once in ordinary times. */
  concurrency: number;
  /** Works let through at once while busy(). */
  busyConcurrency: number;
  /** While busy(), each work is followed by a rest this many times as long as it took. */
  restFactor: number;
  busy: () => boolean;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A semaphore whose width shrinks while busy() says more urgent work is arriving, and
 * which then also rests between works, so background work takes at most
 * 1 / (1 + restFactor) of the time it would. It never stops: under a sustained burst
 * the background still moves, only slower.
 */
export function createGate({
  concurrency,
  busyConcurrency,
  restFactor,
  busy,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: GateOptions): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const width = () => (busy() ? busyConcurrency : concurrency);

  function wake(): void {
    for (let free = width() - running; free > 0 && waiting.length > 0; free--) waiting.shift()?.();
  }

  return async (work) => {
    while (running >= width()) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    const started = performance.now();
    try {
      return await work();
    } finally {
      // The rest holds the place, so the whole background slows, not just this work.
      if (busy()) await sleep((performance.now() - started) * restFactor);
      running--;
      wake();
    }
  };
}

export interface ArrivalRate {
  /** Counts one arrival now. */
  mark(): void;
  /** Arrivals within the last window, or the window before it if that had more. */
  recent(): number;
}

/**
 * Counts arrivals in fixed windows. A steady stream of quick requests never has many
 * in progress at once, yet it keeps the machine just as occupied: this sees it.
 */
export function createArrivalRate(
  windowMs: number,
  now: () => number = () => performance.now(),
): ArrivalRate {
  let windowStart = now();
  let current = 0;
  let previous = 0;
  function roll(): void {
    const elapsed = now() - windowStart;
    if (elapsed < windowMs) return;
    // A window with no arrivals between leaves nothing to remember.
    previous = elapsed < 2 * windowMs ? current : 0;
    current = 0;
    windowStart += Math.floor(elapsed / windowMs) * windowMs;
  }
  return {
    mark() {
      roll();
      current++;
    },
    recent() {
      roll();
      return Math.max(current, previous);
    },
  };
}
