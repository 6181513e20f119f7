import { fileURLToPath } from 'node:url';

const repoRoot = new URL('../../../', import.meta.url);

export const schemaPath = fileURLToPath(new URL('prisma/schema.prisma', repoRoot));
export const migrationsDir = fileURLToPath(new URL('prisma/migrations/', repoRoot));
/** Where the embedded database lives unless DATA_DIR says otherwise. */
export const defaultDataDir = fileURLToPath(new URL('.data/pglite', repoRoot));
