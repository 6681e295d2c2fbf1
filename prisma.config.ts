// Prisma's CLI checks that a native schema engine file exists before `generate`, although
// generation itself runs on bundled WebAssembly. The engine cannot be downloaded on offline
// networks, so point the check at a file that always exists; migrations are applied by
// lib/db/migrate.ts from the committed SQL, not by the native engine.
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({});
