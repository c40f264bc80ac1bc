import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Every prisma CLI command would download Prisma's native schema engine from the internet unless
// PRISMA_SCHEMA_ENGINE_BINARY names a file. We point it at scripts/schema-engine-shim.mjs, which speaks the
// engine's JSON-RPC protocol and runs Prisma's WebAssembly schema engine instead: the CLI works offline.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, 'scripts/schema-engine-shim.mjs');

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/khcn',
  },
});
