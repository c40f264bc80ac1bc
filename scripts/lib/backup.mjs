// Backup and restore of a khcn-tasks installation: the database's rows and the attachments' bytes, to and from a
// folder. Plain Node (the `pg` driver and the AWS SDK the app already has): no pg_dump, nothing from the system.
//
// A backup is one folder:
//   manifest.json            when, which migrations, rows per table, files (name, size, SHA-256)
//   tables/<Table>.ndjson    every row of every table of the app's schema, one JSON object per line
//   files/<stored name>      every attachment's bytes, from the folder or the bucket
// The rows are read in one REPEATABLE READ transaction (one snapshot: a consistent state even while the app
// runs); files are read after, and a file that belongs to no row is not copied. Jobs (schema "pgboss") are not
// kept: they are transient, and a worker recreates the queue.
//
// A restore needs an empty database with the same migrations applied (`npm run db:migrate`, or the restore does it
// for the embedded one) and an empty store. It loads every table in one transaction with foreign keys and
// triggers set aside (`session_replication_role = replica`: the database owner on a managed server, a superuser
// otherwise), so rows go in as they were, whatever their order, then checks the counts against the manifest.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';

const SCHEMA = 'public';
const SKIP_TABLES = new Set(['_prisma_migrations']);
const BATCH = 500;

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

async function tablesOf(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    [SCHEMA],
  );
  return rows.map((r) => r.name).filter((t) => !SKIP_TABLES.has(t));
}

async function migrationsOf(client) {
  const { rows } = await client.query(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

// --- where the files are: the folder or an S3 bucket, as lib/attachments/storage.ts decides --------------------

async function fileStore(env = process.env) {
  if (!env.S3_BUCKET) {
    const dir = path.resolve(env.STORAGE_DIR ?? 'storage');
    return {
      kind: 'folder',
      read: (name) => fs.promises.readFile(path.join(dir, name)),
      write: async (name, bytes) => {
        const file = path.join(dir, name);
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.writeFile(file, bytes, { flag: 'wx' });
      },
    };
  }
  const { S3Client, GetObjectCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT || undefined,
    region: env.S3_REGION || 'us-east-1',
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : !!env.S3_ENDPOINT,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = (env.S3_PREFIX ?? 'attachments/').replace(/^\/+/, '');
  return {
    kind: 's3',
    read: async (name) => {
      const got = await client.send(new GetObjectCommand({ Bucket: env.S3_BUCKET, Key: prefix + name }));
      return Buffer.from(await got.Body.transformToByteArray());
    },
    write: (name, bytes) =>
      client.send(new PutObjectCommand({ Bucket: env.S3_BUCKET, Key: prefix + name, Body: bytes, ContentLength: bytes.length })),
  };
}

const STORED_NAME = /^[a-z0-9]{2}\/[a-z0-9-]+$/i;

/** Writes a backup of `url` (and its files) into the folder `out` (created; must be empty). Returns the manifest. */
export async function backup({ url, out, env = process.env, log = () => {} }) {
  fs.mkdirSync(out, { recursive: true });
  if (fs.readdirSync(out).length) throw new Error(`${out} is not empty`);
  fs.mkdirSync(path.join(out, 'tables'));
  const client = new pg.Client({ connectionString: url, application_name: 'khcn-backup' });
  await client.connect();
  const manifest = { format: 1, createdAt: new Date().toISOString(), migrations: [], tables: {}, files: [] };
  const storedNames = new Set();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    manifest.migrations = await migrationsOf(client);
    for (const table of await tablesOf(client)) {
      const target = fs.createWriteStream(path.join(out, 'tables', `${table}.ndjson`));
      let count = 0;
      // A cursor: any number of rows, a batch in memory at a time.
      await client.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table)} t`);
      for (;;) {
        const { rows } = await client.query(`FETCH ${BATCH} FROM rows_cursor`);
        if (!rows.length) break;
        for (const { j } of rows) {
          if (!target.write(j + '\n')) await new Promise((r) => target.once('drain', r));
          if (table === 'Attachment') storedNames.add(JSON.parse(j).storedName);
        }
        count += rows.length;
      }
      await client.query('CLOSE rows_cursor');
      await new Promise((resolve, reject) => target.end((e) => (e ? reject(e) : resolve())));
      manifest.tables[table] = count;
      log(`${table}: ${count}`);
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  const store = await fileStore(env);
  for (const name of [...storedNames].sort()) {
    if (!STORED_NAME.test(name)) throw new Error(`unexpected stored name ${name}`);
    const bytes = await store.read(name);
    const file = path.join(out, 'files', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    manifest.files.push({ name, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
  }
  log(`files (${store.kind}): ${manifest.files.length}`);
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Loads the backup in `from` into the empty, migrated database at `url` and the empty store of `env`. */
export async function restore({ url, from, env = process.env, log = () => {} }) {
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'manifest.json'), 'utf8'));
  const client = new pg.Client({ connectionString: url, application_name: 'khcn-restore' });
  await client.connect();
  try {
    const migrations = await migrationsOf(client);
    if (JSON.stringify(migrations) !== JSON.stringify(manifest.migrations))
      throw new Error('the database has not the backup’s migrations: run `npm run db:migrate` on an empty database first');
    const tables = await tablesOf(client);
    for (const table of tables) {
      const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
      if (rows[0].any) throw new Error(`the database is not empty (${table} has rows)`);
    }
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const table of Object.keys(manifest.tables)) {
      if (!tables.includes(table)) throw new Error(`the backup has a table ${table} the database has not`);
      const lines = readline.createInterface({
        input: fs.createReadStream(path.join(from, 'tables', `${table}.ndjson`)),
        crlfDelay: Infinity,
      });
      let batch = [];
      const flush = async () => {
        if (!batch.length) return;
        await client.query(`INSERT INTO ${quote(table)} SELECT * FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [
          `[${batch.join(',')}]`,
        ]);
        batch = [];
      };
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${quote(table)}`);
      if (rows[0].n !== manifest.tables[table])
        throw new Error(`${table}: ${rows[0].n} rows restored, ${manifest.tables[table]} in the backup`);
      log(`${table}: ${rows[0].n}`);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  const store = await fileStore(env);
  for (const f of manifest.files) {
    const bytes = fs.readFileSync(path.join(from, 'files', f.name));
    if (crypto.createHash('sha256').update(bytes).digest('hex') !== f.sha256) throw new Error(`file ${f.name} differs from the manifest`);
    await store.write(f.name, bytes);
  }
  log(`files (${store.kind}): ${manifest.files.length}`);
  return manifest;
}
