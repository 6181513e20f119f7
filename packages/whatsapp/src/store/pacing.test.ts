import { describe, expect, it } from 'vitest';
import { createArrivalRate, createGate } from './pacing.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the background gate', () => {
  it('lets `concurrency` works run at once, and one with rests while busy', async () => {
    let busy = false;
    const rests: number[] = [];
    const gate = createGate({
      concurrency: 3,
      busyConcurrency: 1,
      restFactor: 3,
      busy: () => busy,
      sleep: (ms) => {
        rests.push(ms);
        return Promise.resolve();
      },
    });
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };

    await Promise.all(Array.from({ length: 6 }, () => gate(work)));
    expect(most).toBe(3);
    expect(rests).toEqual([]);

    busy = true;
    most = 0;
    await Promise.all(Array.from({ length: 4 }, () => gate(work)));
    expect(most).toBe(1);
    expect(rests).toHaveLength(4);
    // Each rest is three times the work it follows (a tick of at least a few ms).
    expect(rests.every((ms) => ms >= 3 * 4)).toBe(true);
  });
});

describe('the arrival rate', () => {
  it('counts arrivals in the current or the last window and forgets older ones', () => {
    let clock = 0;
    const rate = createArrivalRate(100, () => clock);
    for (let i = 0; i < 30; i++) {
      rate.mark();
      clock += 3;
    }
    // 30 arrivals over 90 ms, all in the first window.
    expect(rate.recent()).toBe(30);
    clock = 150;
    rate.mark();
    // The new window has one; the one before still counts.
    expect(rate.recent()).toBe(30);
    clock = 250;
    expect(rate.recent()).toBe(1);
    clock = 1000;
    expect(rate.recent()).toBe(0);
  });
});
