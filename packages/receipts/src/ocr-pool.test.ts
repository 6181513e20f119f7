import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createOcrPool } from './ocr-pool.ts';

/** Nice values of this process's threads, from Linux's per-thread stat files. */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((task) => {
    const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces; nice is the 19th field.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe.runIf(process.platform === 'linux')('the OCR threads', () => {
  it('run at the lowest priority, leaving the event loop at its own', async () => {
    const lowest = () => threadNiceValues().filter((nice) => nice === 19).length;
    const before = lowest();
    const pool = createOcrPool(2);
    try {
      const image = await sharp({
        create: { width: 200, height: 60, channels: 3, background: '#ffffff' },
      })
        .png()
        .toBuffer();
      await pool.recognize(image);
      expect(lowest() - before).toBe(2);
      expect(threadNiceValues()[0]).toBe(0);
    } finally {
      await pool.close();
    }
  });
});
