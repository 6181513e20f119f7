import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Each case runs the writer in a child process whose stdout is a pipe this test controls.
function child(script: string) {
  return spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { stdoutDestination } from ${JSON.stringify(new URL('./stdout.ts', import.meta.url).pathname)};
       ${script}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** The exit code, and what the script reported on stderr. */
function finished(
  proc: ReturnType<typeof child>,
): Promise<{ code: number | null; report: string }> {
  let report = '';
  proc.stderr.on('data', (chunk: Buffer) => (report += chunk.toString()));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, report })));
}

describe('stdoutDestination', () => {
  it('writes every line, in order, when the reader keeps up', async () => {
    const proc = child(`
      const out = stdoutDestination();
      for (let i = 0; i < 2000; i++) out.write('line ' + i + '\\n');
      await out.flush(5000);
      process.exit(0);`);
    let text = '';
    proc.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    expect(await finished(proc)).toEqual({ code: 0, report: '' });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(2000);
    expect(lines[1999]).toBe('line 1999');
    expect(lines.every((line, i) => line === `line ${i}`)).toBe(true);
  });

  it('keeps the process free when nobody reads: drops beyond its bound and flush gives up', async () => {
    const proc = child(`
      const out = stdoutDestination({ maxQueuedBytes: 64 * 1024 });
      const line = 'x'.repeat(1000) + '\\n';
      for (let i = 0; i < 1000; i++) out.write(line);
      const started = performance.now();
      await out.flush(300);
      console.error(JSON.stringify({ dropped: out.dropped, waited: performance.now() - started }));
      process.exit(0);`);
    proc.stdout.pause();
    const { code, report } = await finished(proc);
    expect(code).toBe(0);
    const { dropped, waited } = JSON.parse(report) as { dropped: number; waited: number };
    // A pipe holds 64 KiB and the queue as much again; the rest of the 1 MB is dropped.
    expect(dropped).toBeGreaterThan(800);
    expect(waited).toBeLessThan(1000);
    proc.stdout.destroy();
  });

  it('stops writing once the reader is gone (EPIPE) instead of failing the process', async () => {
    const proc = child(`
      const out = stdoutDestination();
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let i = 0; i < 100; i++) out.write('after the reader left\\n');
      await out.flush(2000);
      process.exit(0);`);
    proc.stdout.destroy();
    expect(await finished(proc)).toEqual({ code: 0, report: '' });
  });
});
