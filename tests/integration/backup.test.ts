// Backup and restore (`npm run backup`, `npm run restore`): the seeded app is backed up, restored into another
// empty database and store, and every table and file compared; a restore into a database that is not empty, or
// without the same migrations, is refused and changes nothing. Real PostgreSQL, real files, a real S3 server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import S3rver from 's3rver';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs helpers without types
import { backup, restore } from '../../scripts/lib/backup.mjs';
// @ts-expect-error plain .mjs helper without types
import { migrate } from '../../scripts/lib/migrate-wasm.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-backup-test-'));
const server = new URL(process.env.DATABASE_URL!);
const urlOf = (db: string) => Object.assign(new URL(server), { pathname: `/${db}` }).toString();
const tag = `${process.pid}_${Date.now()}`;
const [source, target, other] = ['src', 'dst', 'bkt'].map((n) => `khcn_backup_${n}_${tag}`);

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Every table's rows as one digest (order-independent), and the row counts. */
async function contents(db: string) {
  const client = new pg.Client({ connectionString: urlOf(db) });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY relname`,
    );
    const out: Record<string, { n: number; digest: string | null }> = {};
    for (const { name } of tables) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n, md5(string_agg(j, E'\\n' ORDER BY j)) AS digest FROM (SELECT row_to_json(t)::text AS j FROM "${name}" t) x`,
      );
      out[name] = rows[0];
    }
    return out;
  } finally {
    await client.end();
  }
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = fs.readFileSync(file).toString('base64');
  }
  return out;
}

let s3: S3rver;
let endpoint: string;

beforeAll(async () => {
  for (const db of [source, target, other]) await admin(`CREATE DATABASE "${db}"`);
  for (const db of [source, target, other]) await migrate('deploy', { url: urlOf(db), root, log: () => {} });
  // The demo seed, as `npm run dev` makes it, with its files in a folder of its own.
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const seeded = spawnSync(process.execPath, [tsx, 'prisma/seed.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: urlOf(source), STORAGE_DIR: path.join(tmp, 'files-src') },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(tmp, 's3'),
    configureBuckets: [{ name: 'khcn-restore', configs: [] }],
  });
  endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
}, 240_000);

afterAll(async () => {
  await s3?.close();
  for (const db of [source, target, other]) await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run backup, then npm run restore elsewhere', () => {
  it('brings back every table and every file, exactly', async () => {
    const out = path.join(tmp, 'backup');
    const manifest = await backup({ url: urlOf(source), out, env: { STORAGE_DIR: path.join(tmp, 'files-src') } });
    expect(manifest.tables.Task).toBeGreaterThan(100);
    expect(manifest.files.length).toBeGreaterThan(100);

    await restore({ url: urlOf(target), from: out, env: { STORAGE_DIR: path.join(tmp, 'files-dst') } });
    const [before, after] = [await contents(source), await contents(target)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(filesUnder(path.join(tmp, 'files-dst'))).toEqual(filesUnder(path.join(tmp, 'files-src')));

    // A second restore into the same database is refused: it is not empty; nothing changes.
    await expect(restore({ url: urlOf(target), from: out, env: { STORAGE_DIR: path.join(tmp, 'files-dst') } })).rejects.toThrow(
      /not empty/,
    );
    expect(await contents(target)).toEqual(after);
  }, 180_000);

  it('restores the files into an S3 bucket as well, byte for byte', async () => {
    const out = path.join(tmp, 'backup');
    const env = { S3_BUCKET: 'khcn-restore', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' };
    const manifest = await restore({ url: urlOf(other), from: out, env });
    const client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    for (const f of manifest.files.slice(0, 25)) {
      const got = await client.send(new GetObjectCommand({ Bucket: 'khcn-restore', Key: `attachments/${f.name}` }));
      const bytes = Buffer.from(await got.Body!.transformToByteArray());
      expect(bytes.toString('base64')).toBe(fs.readFileSync(path.join(tmp, 'files-src', f.name)).toString('base64'));
    }
    expect((await contents(other)).Task).toEqual((await contents(source)).Task);
  }, 120_000);
});
