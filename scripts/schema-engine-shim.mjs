#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary (which Prisma downloads from binaries.prisma.sh, unreachable
// offline). prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; this speaks the same CLI/JSON-RPC protocol
// over stdio and forwards each call to the WASM schema engine (@prisma/schema-engine-wasm) via @prisma/adapter-pg.
import fs from 'node:fs';
import readline from 'node:readline';
import pg from 'pg';
import { createWasmEngine, pgConfig } from './lib/migrate-wasm.mjs';

process.on('uncaughtException', (e) => {
  process.stderr.write(String(globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || e?.stack || e) + '\n');
  process.exit(101);
});
const argv = process.argv.slice(2);
const datamodelPaths = [];
let datasource = {};
let cliCmd = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--datamodels') datamodelPaths.push(argv[++i]);
  else if (argv[i] === '--datasource') datasource = JSON.parse(argv[++i]);
  else if (argv[i] === 'cli') cliCmd = argv[++i];
  else if (argv[i] === '--version' || argv[i] === '-V') {
    console.log('schema-engine-wasm-shim 1.0.0');
    process.exit(0);
  }
}
const url = datasource.url ?? process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54329/khcn'; // `migrate diff` passes no datasource
// The CLI skips the first stderr line (the native engine's INFO banner) and parses the rest as JSON log lines.
const logError = (message, errorCode) =>
  process.stderr.write(
    JSON.stringify({ level: 'INFO', fields: { message: 'Starting schema engine (WASM shim)' }, target: 'schema_engine::logger' }) +
      '\n' +
      JSON.stringify({
        timestamp: new Date().toISOString(),
        level: 'ERROR',
        fields: { message, ...(errorCode ? { error_code: errorCode } : {}) },
        target: 'schema_engine::logger',
      }) +
      '\n',
  );
const admin = async (fn) => {
  const c = new pg.Client({ ...pgConfig(url), database: 'postgres' });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
};
const dbName = () => pgConfig(url).database;
const dbExists = () => admin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [dbName()])).rowCount > 0);
const createDb = () => admin((c) => c.query(`create database "${dbName().replaceAll('"', '""')}"`));

if (cliCmd) {
  try {
    if (cliCmd === 'can-connect-to-database') {
      const c = new pg.Client(pgConfig(url));
      await c.connect();
      await c.end();
    } else if (cliCmd === 'create-database') {
      if (!(await dbExists())) await createDb();
      process.stdout.write(JSON.stringify({ database_name: dbName() }) + '\n');
    } else if (cliCmd === 'drop-database') await admin((c) => c.query(`drop database if exists "${dbName()}" with (force)`));
    else throw new Error(`unsupported cli command ${cliCmd}`);
    process.exit(0);
  } catch (e) {
    const code = e.code === '3D000' ? 'P1003' : e.code === 'ECONNREFUSED' ? 'P1001' : undefined;
    logError(code === 'P1003' ? `Database \`${dbName()}\` does not exist` : e.message, code);
    process.exit(1);
  }
}

const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, 'utf8')]);
// `migrate diff` starts the engine without --datamodels; the WASM engine needs at least one schema file.
if (!datamodels.length) datamodels.push(['schema.prisma', 'datasource db {\n  provider = "postgresql"\n}\n']);
let enginePromise;
const getEngine = () =>
  (enginePromise ??= (async () => {
    if (url && !(await dbExists())) await createDb();
    return createWasmEngine({ url, datamodels });
  })());
const send = (msg) => process.stdout.write(JSON.stringify(msg) + '\n');
let printId = 1_000_000;
const methods = {
  getDatabaseVersion: async (e, p) => e.version(p ?? null),
  createDatabase: async () => {
    if (!(await dbExists())) await createDb();
    return { databaseName: dbName() };
  },
  debugPanic: async () => {
    throw new Error('debugPanic');
  },
};
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', async (line) => {
  if (!line.trim()) return;
  const msg = JSON.parse(line);
  if (!msg.method) return; // a response to our "print" request
  try {
    const { engine } = await getEngine();
    const impl =
      methods[msg.method] ??
      ((e, p) => {
        if (typeof e[msg.method] !== 'function') throw new Error(`method ${msg.method} not supported by the WASM engine`);
        return e[msg.method](p);
      });
    const params = msg.params ? { ...msg.params } : msg.params;
    let result = await impl(engine, params);
    if (msg.method === 'diff' && result?.stdout) {
      send({ jsonrpc: '2.0', id: printId++, method: 'print', params: { content: result.stdout.replace(/\n$/, '') } });
    }
    send({ jsonrpc: '2.0', id: msg.id, result: result ?? null });
  } catch (e) {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
    const message = String(e?.message ?? e);
    const m = /^(P\d{4})/.exec(message);
    send({
      jsonrpc: '2.0',
      id: msg.id,
      error: {
        code: 4466,
        message: 'An error happened. Check the data field for details.',
        data: { is_panic: Boolean(panic), message: panic || message, ...(m ? { error_code: m[1] } : {}), meta: {} },
      },
    });
  }
});
rl.on('close', async () => {
  try {
    (await enginePromise)?.close();
  } catch {
    /* closing on exit: nothing left to report to */
  }
  process.exit(0);
});
