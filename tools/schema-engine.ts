import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import { openDatabase } from '../lib/db/database.ts';

/**
 * Prisma's schema engine compiled to WebAssembly. It produces migration SQL without the native
 * engine binary, which Prisma's CLI would download from a host that locked-down networks block.
 * The package is built for bundlers (it imports its .wasm file), so Node instantiates it by hand.
 */
let instantiated: Promise<void> | undefined;

function instantiate(): Promise<void> {
  instantiated ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = require
      .resolve('@prisma/schema-engine-wasm')
      .replace(/schema_engine\.js$/, 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
    (engineBindings as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return instantiated;
}

/**
 * SQL that takes a PostgreSQL database from the `from` datamodel (or empty) to the `to` datamodel.
 * The engine connects before diffing, though it reads nothing: without `connectionString`, a
 * throwaway in-memory database serves.
 */
export async function diffDatamodels(from: string | undefined, to: string, connectionString?: string): Promise<string> {
  await instantiate();
  if (connectionString) return diffWith(connectionString, from, to);
  const scratch = await openDatabase('scratch', { kind: 'embedded' });
  try {
    return await diffWith(scratch.connectionString, from, to);
  } finally {
    await scratch.close();
  }
}

async function diffWith(connectionString: string, from: string | undefined, to: string): Promise<string> {
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }) as never);
  const engine = await engineBindings.SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => {}, adapter);
  const datamodel = (content: string) => ({
    tag: 'schemaDatamodel' as const,
    files: [{ path: 'schema.prisma', content }],
  });
  const result = await engine.diff({
    from: from === undefined ? { tag: 'empty' } : datamodel(from),
    to: datamodel(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? '';
}
