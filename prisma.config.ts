import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The CLI downloads its native schema engine at start-up, which fails offline even
// for commands that never use it (generate, validate, format). When no native
// engine is installed, point the CLI at a stand-in that forwards to Prisma's WASM
// build of the same engine, so `prisma migrate deploy|status` work here too.
const enginesDir = fileURLToPath(new URL('./node_modules/@prisma/engines/', import.meta.url));
const hasNativeEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine-'));
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeEngine) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(
    new URL('./packages/db/scripts/schema-engine.ts', import.meta.url),
  );
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
