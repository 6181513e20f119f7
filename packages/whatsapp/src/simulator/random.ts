import { randomInt } from 'node:crypto';

/**
 * A small seeded generator (mulberry32) returning floats in [0, 1). The simulator uses
 * it so a seeded run fails the same requests and assigns the same ids every time.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A seed for runs that need not repeat. */
export function randomSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}
