import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

// Where attachments' bytes live, named by an opaque id (never by the user's file name): an S3-compatible bucket
// when S3_BUCKET is set (AWS, MinIO, any S3 server; every app instance shares it), otherwise the folder
// STORAGE_DIR (default ./storage; a volume shared by the instances). The database row says which file; this
// module only stores, reads and removes bytes, and every read goes through the authorized routes.

/** The folder of the local store. */
export function storageDir(): string {
  // turbopackIgnore: the folder is chosen at run time; the build must not trace files under it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? 'storage');
}

function checkedName(storedName: string): string {
  if (!/^[a-z0-9]{2}\/[a-z0-9-]+$/i.test(storedName)) throw new Error('invalid stored name');
  return storedName;
}

function pathOf(storedName: string): string {
  return path.join(/*turbopackIgnore: true*/ storageDir(), checkedName(storedName));
}

type S3Config = { bucket: string; prefix: string; client: S3Client };
let s3: { key: string; config: S3Config } | null = null;

/** The bucket's settings from the environment (read at each call, so a test may point them elsewhere), or null. */
function s3Config(): S3Config | null {
  const bucket = process.env.S3_BUCKET;
  if (!bucket) return null;
  const settings = {
    endpoint: process.env.S3_ENDPOINT || undefined,
    region: process.env.S3_REGION || 'us-east-1',
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE ? process.env.S3_FORCE_PATH_STYLE === 'true' : !!process.env.S3_ENDPOINT,
    accessKeyId: process.env.S3_ACCESS_KEY_ID,
    secretAccessKey: process.env.S3_SECRET_ACCESS_KEY,
  };
  const key = JSON.stringify([bucket, settings]);
  if (s3?.key !== key) {
    const client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
      // Checksums only where S3 requires them: MinIO and older S3 servers do not all speak the newer ones.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    s3 = { key, config: { bucket, prefix: (process.env.S3_PREFIX ?? 'attachments/').replace(/^\/+/, ''), client } };
  }
  return s3.config;
}

/** Which store is in use, for the health check and the logs: 's3' or 'folder'. */
export function storageKind(): 's3' | 'folder' {
  return s3Config() ? 's3' : 'folder';
}

/**
 * Stores the bytes under `storedName`; once it resolves they are durable: S3's PutObject answers only when the
 * object is stored; in the folder the file is written under a temporary name, fsynced, renamed into place and its
 * folder fsynced (with the folders above it, once per process or when they were just created). The caller commits
 * the database row only after this (lib/attachments/service.ts), so a crash never leaves a row without its file.
 */
export async function writeStoredFile(storedName: string, bytes: Uint8Array): Promise<void> {
  const bucket = s3Config();
  if (bucket) {
    await bucket.client.send(
      new PutObjectCommand({
        Bucket: bucket.bucket,
        Key: bucket.prefix + checkedName(storedName),
        Body: bytes,
        ContentLength: bytes.byteLength,
      }),
    );
    return;
  }
  const file = pathOf(storedName);
  const dir = path.dirname(file);
  const created = await fs.mkdir(/*turbopackIgnore: true*/ dir, { recursive: true });
  // A dot name in the same folder (so the rename is atomic), never a name of the store's own (checkedName).
  const temp = path.join(/*turbopackIgnore: true*/ dir, `.${path.basename(file)}.tmp`);
  try {
    const handle = await fs.open(/*turbopackIgnore: true*/ temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(/*turbopackIgnore: true*/ temp, file);
  } catch (e) {
    await fs.rm(/*turbopackIgnore: true*/ temp, { force: true }).catch(() => {});
    throw e;
  }
  // The file's name is durable once its folder is synced; the folder's own entry once the folder above it is,
  // and so on up to the parent of the store's folder (which may have been created by this call or another
  // process's: mkdir tells only whether this call created something, so each process syncs them on first use).
  await syncFolder(dir);
  if (created !== undefined || !durableFolders.has(dir)) {
    const root = storageDir();
    const top = created !== undefined && created.length < root.length ? created : root;
    for (let d = dir; d !== path.dirname(top) && d !== path.dirname(d);) {
      d = path.dirname(d);
      await syncFolder(d);
    }
    durableFolders.add(dir);
  }
}

/** The folders whose entries (and their parents' entries) this process has made durable. */
const durableFolders = new Set<string>();

async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder to fsync it (NTFS journals its names itself).
  if (process.platform === 'win32') return;
  const handle = await fs.open(/*turbopackIgnore: true*/ dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function readStoredFile(storedName: string): Promise<Buffer> {
  const bucket = s3Config();
  if (bucket) {
    const got = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.bucket, Key: bucket.prefix + checkedName(storedName) }));
    if (!got.Body) throw new Error('empty object');
    return Buffer.from(await got.Body.transformToByteArray());
  }
  return fs.readFile(/*turbopackIgnore: true*/ pathOf(storedName));
}

export async function removeStoredFile(storedName: string): Promise<void> {
  const bucket = s3Config();
  if (bucket) {
    await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.bucket, Key: bucket.prefix + checkedName(storedName) }));
    return;
  }
  await fs.rm(/*turbopackIgnore: true*/ pathOf(storedName), { force: true });
}

/** The bucket's health probe: a small object written, read back and removed (the folder has its own check). */
export async function probeBucket(): Promise<void> {
  const name = `hc/probe-${randomUUID()}`;
  try {
    await writeStoredFile(name, Buffer.from('ok'));
    if ((await readStoredFile(name)).toString() !== 'ok') throw new Error('probe read back differs');
  } finally {
    await removeStoredFile(name).catch(() => {});
  }
}
