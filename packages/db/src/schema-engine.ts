import { readFile } from 'node:fs/promises';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { schemaPath } from './paths.ts';

// The WebAssembly global is typed only by the DOM library; this is the part used here.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: object & { __wbindgen_start(): void } } }>;
};

let initialised: Promise<void> | undefined;

// The package's own entry imports the .wasm as an ES module, which Node still
// flags as experimental and test runners cannot load; instantiate it by hand.
function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const bindingsUrl = import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(new URL('./schema_engine_bg.wasm', bindingsUrl));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings,
    });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })();
  return initialised;
}

/**
 * Runs `work` on a schema engine over the factory's connections. The engine holds
 * Prisma's migration advisory lock on its connection and never closes it, so the
 * connections it opened are disposed here; otherwise the next engine waits for
 * the lock and the process for the idle pool.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
  schemaFiles: readonly string[] = [schemaPath],
): Promise<T> {
  await initialiseWasm();
  const opened: SqlDriverAdapter[] = [];
  const track = async (adapter: Promise<SqlDriverAdapter>) => {
    const connected = await adapter;
    opened.push(connected);
    return connected;
  };
  const trackingFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    connect: () => track(adapterFactory.connect()),
    connectToShadowDb: () => track(adapterFactory.connectToShadowDb()),
  };
  const datamodels = await Promise.all(
    schemaFiles.map(async (file): Promise<[string, string]> => [
      file,
      await readFile(file, 'utf8'),
    ]),
  );
  const engine = await bindings.SchemaEngine.new(
    { datamodels },
    () => {},
    bindMigrationAwareSqlAdapterFactory(trackingFactory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
