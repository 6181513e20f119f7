import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

describe('reading offline', () => {
  it('reads a receipt with every network call refused, in the OCR workers too', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', here('./block-network.ts'), here('./read-one.ts')],
      { timeout: 120_000 },
    );
    expect(stderr).toContain('network blocked in a worker');
    expect(stderr).not.toContain('network attempt');
    const { expected, read } = JSON.parse(stdout) as { expected: number; read: number };
    expect(read).toBe(expected);
  });
});
