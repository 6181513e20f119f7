import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

const freshDir = () => mkdtempSync(join(tmpdir(), 'spendline-lock-'));

describe('the embedded data directory lock', () => {
  it('refuses a second holder while the first is alive, naming its pid', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'spendline.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it('takes over a lock left by a process that died', () => {
    const dir = freshDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(join(dir, 'spendline.lock'), String(dead));
    const release = lockDataDir(dir);
    release();
    expect(existsSync(join(dir, 'spendline.lock'))).toBe(false);
  });

  it('is held while a database is open and released when it closes', async () => {
    const dir = freshDir();
    const db = await openDatabase({ dataDir: dir });
    expect(existsSync(join(dir, 'spendline.lock'))).toBe(true);
    await db.close();
    expect(existsSync(join(dir, 'spendline.lock'))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });
});
