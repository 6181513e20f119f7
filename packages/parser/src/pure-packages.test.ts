// The parser and what it stands on run without a database: its tests, its bench and the
// dashboard's preview of an import use them with no Prisma client or driver loaded. This
// walks each pure package's dependencies through the workspace and reads its imports, so
// a database arriving by either road fails here (ESLint refuses the imports as well).
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The workspace packages that must never reach a database, by folder under packages/. */
const PURE = ['config', 'i18n', 'ledger', 'log', 'parser'];

/**
 * Folders holding the pure part of a package that has a database (its arithmetic, for
 * tests and callers that have none): they import nothing outside themselves but the pure
 * packages.
 */
const PURE_PARTS = ['books/src/pure'];

const DATABASE = [
  /^@spendline\/db(\/|$)/,
  /^pg(\/|$)/,
  /^prisma(\/|$)/,
  /^@prisma\//,
  /^@electric-sql\/pglite(\/|$)/,
  /^pglite-prisma-adapter(\/|$)/,
];
const isDatabase = (name: string) => DATABASE.some((pattern) => pattern.test(name));

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** Every workspace package by name, with its folder. */
async function workspace(): Promise<Map<string, { dir: string; manifest: Manifest }>> {
  const packages = new Map<string, { dir: string; manifest: Manifest }>();
  for (const parent of ['apps', 'packages']) {
    for (const entry of await readdir(join(ROOT, parent), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = join(ROOT, parent, entry.name);
      const manifest = await readManifest(dir).catch(() => null);
      if (manifest) packages.set(manifest.name, { dir, manifest });
    }
  }
  return packages;
}

const runtimeDependencies = (manifest: Manifest) =>
  Object.keys({
    ...manifest.dependencies,
    ...manifest.optionalDependencies,
    ...manifest.peerDependencies,
  });

/** Each road from `name` to a database package, as "a -> b -> pg". */
async function databaseRoads(name: string): Promise<string[]> {
  const packages = await workspace();
  const roads: string[] = [];
  const seen = new Set<string>();
  const walk = (current: string, road: string[]) => {
    if (seen.has(current)) return;
    seen.add(current);
    const manifest = packages.get(current)?.manifest;
    if (!manifest) return;
    for (const dependency of runtimeDependencies(manifest)) {
      if (isDatabase(dependency)) roads.push([...road, dependency].join(' -> '));
      else walk(dependency, [...road, dependency]);
    }
  };
  walk(name, [name]);
  return roads;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.[cm]?ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

const IMPORT =
  /\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g;

/** Imports in the package's src that name a database or leave the pure packages. */
function impureImports(folder: string): Promise<string[]> {
  const packageDir = join(ROOT, 'packages', folder);
  return importsLeaving(packageDir, join(packageDir, 'src'));
}

/** Imports in `sources` that name a database, leave the pure packages or leave `boundary`. */
async function importsLeaving(boundary: string, sources: string): Promise<string[]> {
  const pureNames = new Set(PURE.map((pure) => `@spendline/${pure}`));
  const found: string[] = [];
  for (const file of await sourceFiles(sources)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? '';
      const workspacePackage = /^@spendline\/[^/]+/.exec(specifier)?.[0];
      const outside =
        specifier.startsWith('.') &&
        relative(boundary, join(dirname(file), specifier)).startsWith('..');
      if (
        isDatabase(specifier) ||
        (workspacePackage && !pureNames.has(workspacePackage)) ||
        outside
      ) {
        found.push(`${relative(ROOT, file)}: ${specifier}`);
      }
    }
  }
  return found;
}

describe('pure packages', () => {
  it.each(PURE)('%s depends on no database package, however indirectly', async (folder) => {
    const { name } = await readManifest(join(ROOT, 'packages', folder));
    expect(await databaseRoads(name)).toEqual([]);
  });

  it.each(PURE)('%s imports no database and no package that has one', async (folder) => {
    expect(await impureImports(folder)).toEqual([]);
  });

  it.each(PURE_PARTS)('%s imports no database and nothing outside it', async (folder) => {
    const dir = join(ROOT, 'packages', folder);
    expect(await importsLeaving(dir, dir)).toEqual([]);
  });

  it('finds a database package directly, through another package, and in imports', async () => {
    expect(await databaseRoads('@spendline/spending')).toContain(
      '@spendline/spending -> @spendline/db',
    );
    expect(await databaseRoads('@spendline/transfer')).toContainEqual(
      expect.stringMatching(/^@spendline\/transfer -> @spendline\/\w+ -> @spendline\/db$/),
    );
    expect(await impureImports('spending')).toContainEqual(
      expect.stringMatching(/^packages\/spending\/src\/summary\.ts: @spendline\/db$/),
    );
  });
});
