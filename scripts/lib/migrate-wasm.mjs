// Offline replacement for `prisma migrate dev|deploy|diff`: drives Prisma's WASM schema engine
// (@prisma/schema-engine-wasm) through @prisma/adapter-pg, so no native schema-engine binary is needed.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import crypto from 'node:crypto';

// @prisma/adapter-pg 7.10 has no mapping for Postgres' internal "char" type (OID 18), which the schema
// engine's catalog queries return (e.g. pg_constraint.contype) and read as a Character column.
// Patch PgQueryable.prototype.queryRaw (shared by the adapter and its transactions) to report it so.
const CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
// Its executeScript() also splits a migration at every ";", which breaks any function body or string holding
// one (our append-only trigger on TaskEvent). Send the whole script as one simple query instead, as the native
// engine does: PostgreSQL runs the statements of one simple query in a single implicit transaction.
let patched = false;
function patchQueryable(adapter) {
  if (patched) return adapter;
  patched = true;
  const adapterProto = Object.getPrototypeOf(adapter); // PrismaPgAdapter.prototype
  adapterProto.executeScript = async function (script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  const proto = Object.getPrototypeOf(adapterProto); // PgQueryable.prototype
  const { queryRaw } = proto;
  proto.queryRaw = async function (query) {
    const charCols = [];
    const self = Object.create(this);
    self.performIO = async (q) => {
      const res = await this.performIO(q);
      res.fields?.forEach((f, i) => {
        if (f.dataTypeID === 18) {
          f.dataTypeID = 25;
          charCols.push(i);
        }
      });
      return res;
    };
    const out = await queryRaw.call(self, query);
    for (const i of charCols) out.columnTypes[i] = CHARACTER;
    return out;
  };
  return adapter;
}

const require = createRequire(import.meta.url);
export const pgConfig = (u) => {
  const x = new URL(u);
  return {
    host: x.hostname,
    port: Number(x.port || 5432),
    user: decodeURIComponent(x.username),
    password: decodeURIComponent(x.password),
    database: x.pathname.slice(1) || 'postgres',
  };
};
let bg;
async function loadWasm() {
  if (bg) return bg;
  // The package entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20 can't load; instantiate by hand.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    set_message(m) {
      this.message = `RuntimeError: ${m}`;
    },
  };
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const mod = await import(pathToFileURL(path.join(pkgDir, 'schema_engine_bg.js')).href);
  // The engine arms 10 s timers (setTimeout) that it never clears; unref them so scripts/test runners can exit.
  const imports = { ...mod };
  for (const k of Object.keys(imports))
    if (k.startsWith('__wbg_setTimeout_'))
      imports[k] = (...a) => {
        const t = mod[k](...a);
        t?.unref?.();
        return t;
      };
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')), {
    './schema_engine_bg.js': imports,
  });
  mod.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return (bg = mod);
}

/** Prisma's WASM schema engine bound to a PostgreSQL URL through @prisma/adapter-pg. */
export async function createWasmEngine({ url, datamodels }) {
  const wasm = await loadWasm();
  const factory = new PrismaPg(pgConfig(url)); // discrete fields: see connectToShadowDb below
  // adapter-pg's own connectToShadowDb() (a) spreads {...config, database} but a connectionString would win over
  // `database`, and (b) drops the temp DB before closing its pool. Create/drop the shadow DB ourselves.
  factory.connectToShadowDb = async () => {
    const admin = async (sql) => {
      const c = new pg.Client({ ...pgConfig(url), database: 'postgres' });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    const dbName = `prisma_shadow_${crypto.randomUUID().replaceAll('-', '')}`;
    await admin(`CREATE DATABASE "${dbName}"`);
    const adapter = patchQueryable(await new PrismaPg({ ...pgConfig(url), database: dbName }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const opened = [];
  factory.connect = async () => {
    const a = patchQueryable(await connect());
    opened.push(a);
    return a;
  };
  const debug = process.env.SE_DEBUG ? (l) => console.error('[schema-engine]', l) : () => {};
  const engine = await wasm.SchemaEngine.new({ datamodels }, debug, bindMigrationAwareSqlAdapterFactory(factory));
  const close = async () => {
    engine.free?.();
    await Promise.allSettled(opened.map((a) => a.dispose()));
  }; // close pg pools so the process can exit
  return { engine, close };
}

/**
 * Offline replacement for `prisma migrate deploy|dev|diff|reset`, using Prisma's WASM schema engine through
 * @prisma/adapter-pg (no native schema-engine binary, which Prisma would download from its own CDN).
 * @param {'deploy'|'dev'|'diff'|'reset'} cmd
 */
export async function migrate(cmd, { url, name = 'migration', root = process.cwd(), log = console.log } = {}) {
  const schemaPath = path.join(root, 'prisma/schema.prisma');
  const migrationsDir = path.join(root, 'prisma/migrations');
  const schema = { path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') };
  const filters = { externalTables: [], externalEnums: [] };
  const { engine, close } = await createWasmEngine({ url, datamodels: [[schema.path, schema.content]] });

  const migrationsList = () => {
    fs.mkdirSync(migrationsDir, { recursive: true });
    const dirs = fs
      .readdirSync(migrationsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const lock = path.join(migrationsDir, 'migration_lock.toml');
    return {
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
      shadowDbInitScript: '',
      migrationDirectories: dirs.map((d) => {
        const f = path.join(migrationsDir, d, 'migration.sql');
        return {
          path: d,
          migrationFile: {
            path: 'migration.sql',
            content: fs.existsSync(f) ? { tag: 'ok', value: fs.readFileSync(f, 'utf8') } : { tag: 'error', value: 'missing' },
          },
        };
      }),
    };
  };
  try {
    if (cmd === 'deploy') {
      const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
      log(out.appliedMigrationNames.length ? `Applied: ${out.appliedMigrationNames.join(', ')}` : 'No pending migrations.');
      return out.appliedMigrationNames;
    }
    if (cmd === 'diff') {
      const out = await engine.diff({
        from: { tag: 'migrations', ...migrationsList() },
        to: { tag: 'schemaDatamodel', files: [schema] },
        script: true,
        exitCode: null,
        filters,
      });
      process.stdout.write(out.stdout ?? '');
      return out.stdout;
    }
    if (cmd === 'reset') {
      await engine.reset({ filter: filters });
      const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
      log(`Reset; applied: ${out.appliedMigrationNames.join(', ')}`);
      return out.appliedMigrationNames;
    }
    if (cmd === 'dev') {
      const diag = await engine.devDiagnostic({ migrationsList: migrationsList(), filters });
      if (diag.action.tag === 'reset') throw new Error(`database needs a reset: ${diag.action.reason}\n(run: npm run db:migrate -- reset)`);
      const pending = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
      if (pending.appliedMigrationNames.length) log(`Applied: ${pending.appliedMigrationNames.join(', ')}`);
      const created = await engine.createMigration({
        draft: false,
        migrationName: name,
        migrationsList: migrationsList(),
        schema: { files: [schema] },
        filters,
      });
      if (!created.migrationScript) {
        log('Already in sync, no new migration.');
        return [];
      }
      const dir = path.join(migrationsDir, created.generatedMigrationName);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `migration.${created.extension}`), created.migrationScript);
      const lock = path.join(migrationsDir, 'migration_lock.toml');
      if (!fs.existsSync(lock))
        fs.writeFileSync(
          lock,
          '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
        );
      const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
      log(`Created and applied: ${out.appliedMigrationNames.join(', ')}`);
      return out.appliedMigrationNames;
    }
    throw new Error(`unknown migrate command: ${cmd}`);
  } catch (e) {
    const panic = globalThis.PRISMA_WASM_PANIC_REGISTRY?.message;
    throw new Error(`migrate ${cmd} failed: ${e?.message ?? e}${panic ? `\n${panic}` : ''}`, { cause: e });
  } finally {
    await close();
  }
}
