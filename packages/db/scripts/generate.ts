// `prisma generate` needs no engine; prisma.config.ts gets the CLI past its engine check.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
execFileSync('npx', ['--no-install', 'prisma', 'generate'], { cwd: root, stdio: 'inherit' });
