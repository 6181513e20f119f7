import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { readMigrationList } from './migrations.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const postgresUrl = process.env.DATABASE_URL;

describe.runIf(postgresUrl)("Prisma's own CLI, through the WASM schema engine stand-in", () => {
  it('reports pending migrations, deploys them, then reports the schema up to date', async () => {
    const schema = `cli_${randomBytes(5).toString('hex')}`;
    const url = new URL(postgresUrl ?? '');
    url.searchParams.set('schema', schema);
    const db = await openDatabase({ databaseUrl: url.toString() });
    await db.prisma.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
    const env = { ...process.env, DATABASE_URL: url.toString() };
    const prisma = (...args: string[]) =>
      run('npx', ['--no-install', 'prisma', ...args], { cwd: root, env }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    try {
      const names = (await readMigrationList()).migrationDirectories.map((m) => m.path);
      const before = await prisma('migrate', 'status');
      expect(before.code).not.toBe(0);
      expect(before.stdout).toContain(names[0]);
      const deploy = await prisma('migrate', 'deploy');
      expect(deploy).toMatchObject({ code: 0 });
      expect(deploy.stdout).toMatch(/successfully applied/);
      expect((await prisma('migrate', 'status')).stdout).toMatch(/up to date/);
      expect(await db.migrate()).toEqual([]);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    }
  });
});
