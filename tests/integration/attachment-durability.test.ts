// An attachment's bytes are stored for good before its row commits (lib/attachments/storage.ts, service.ts).
// The upload runs in a process of its own (tests/support/upload-child.ts, the real service against this run's
// database) that is killed with SIGKILL at each crash point (lib/server/crash-point.ts): before the file is
// written, once it is durable, and inside the row's transaction just before COMMIT. After each crash every
// attachment row still has its file, same size and SHA-256, in the folder and in an S3 bucket (s3rver). A file
// without a row may be left (harmless); a row without its file never. The fsyncs themselves cannot be seen from
// here (a killed process loses nothing the kernel holds); what is proven is the order: bytes, then the row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { prisma } from '@/lib/server/db';
import { readStoredFile, writeStoredFile } from '@/lib/attachments/storage';
import { uploadAttachment } from '@/lib/attachments/service';
import { createDraft } from '@/lib/tasks/service';
import { lockTask } from '@/lib/workflow/transition';
import type { Actor } from '@/lib/server/actor';
import type { ValidationError } from '@/lib/server/errors';
import { actorWith } from '../support/fixtures';
import { caught, fullContent, pdf, uniq } from '../support/lifecycle';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-durable-'));
const BUCKET = 'khcn-durable';
const S3_KEYS = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
const saved = { ...process.env };
let s3: S3rver;
let endpoint: string;

beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(tmp, 's3'),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  endpoint = `http://127.0.0.1:${(await s3.run()).port}`;
});
afterAll(async () => {
  for (const k of [...S3_KEYS, 'STORAGE_DIR']) delete process.env[k];
  Object.assign(process.env, saved);
  await s3?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

let folder: string;
const children = new Set<ChildProcess>();
beforeEach(() => {
  // A folder of this test's own, so that what is in it is exactly what this test stored.
  folder = fs.mkdtempSync(path.join(tmp, 'files-'));
});
afterEach(() => {
  // A test that failed half-way leaves no upload process behind, nor the bucket's settings.
  for (const child of children) child.kill('SIGKILL');
  useFolder();
});
function useFolder() {
  for (const k of S3_KEYS) delete process.env[k];
  process.env.STORAGE_DIR = folder;
}
function useBucket() {
  Object.assign(process.env, { S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' });
}

/** Every file under `dir`, as paths relative to it (temporary dot names included). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

type Outcome = { paused: string } | { done: { id: string } };

/**
 * Runs one upload in a child process with this process's settings (database, store); with `pauseAt`, kills it
 * (SIGKILL) where it pauses. Resolves with where it was killed, or with the attachment it stored.
 */
function uploadInChild(pauseAt: string | null, input: { actor: Actor; taskId: string; fileName: string; bytes: Buffer }) {
  // tsx as a loader (not its CLI, which would run the script in a grandchild): the process killed is the upload.
  const args = ['--import', 'tsx', '--conditions=react-server', 'tests/support/upload-child.ts'];
  const upload = JSON.stringify({ ...input, kind: 'PROPOSAL_DOC', bytes: input.bytes.toString('base64') });
  const child = spawn(process.execPath, [...args, upload], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', KHCN_TEST_PAUSE_AT: pauseAt ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise<Outcome>((resolve, reject) => {
    let outcome: Outcome | undefined;
    child.stdout.on('data', (d) => {
      out += d;
      const paused = /^paused (\S+)$/m.exec(out);
      if (paused && !outcome) {
        outcome = { paused: paused[1] };
        child.kill('SIGKILL');
      }
      const done = /^done (.+)$/m.exec(out);
      if (done && !outcome) outcome = { done: JSON.parse(done[1]) };
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (outcome && (signal === 'SIGKILL' || code === 0)) resolve(outcome);
      else reject(new Error(`the upload's process ended (${code ?? signal}) without pausing or storing:\n${out}${err}`));
    });
  });
}

/** The task's attachment rows, each checked against its stored bytes: there, same size, same SHA-256. */
async function rowsWithTheirFiles(taskId: string) {
  const rows = await prisma.attachment.findMany({ where: { taskId }, select: { id: true, storedName: true, size: true, sha256: true } });
  for (const row of rows) {
    const bytes = await readStoredFile(row.storedName).catch(() => null);
    expect(bytes, `the file of attachment ${row.id}`).not.toBeNull();
    expect(bytes!.byteLength).toBe(row.size);
    expect(createHash('sha256').update(bytes!).digest('hex')).toBe(row.sha256);
  }
  return rows;
}

const CRASH_POINTS = ['attachment:before-write', 'attachment:file-durable', 'attachment:before-commit'];

describe.each([
  ['the folder', useFolder],
  ['an S3 bucket (s3rver)', useBucket],
] as const)('an upload killed mid-way, storing in %s', (name, use) => {
  it('leaves no attachment row without its file, whichever the crash point', { timeout: 120_000 }, async () => {
    use();
    const org = await actorWith('ORGANIZATION');
    const { taskId } = await createDraft(org, fullContent());
    const input = () => ({ actor: org, taskId, fileName: 'thuyet-minh.pdf', bytes: pdf(`durable ${uniq()}`) });

    for (const point of CRASH_POINTS) {
      expect(await uploadInChild(point, input())).toEqual({ paused: point });
      // The killed upload's transaction never committed (the database rolled it back when the connection died).
      expect(await rowsWithTheirFiles(taskId)).toEqual([]);
    }
    if (name === 'the folder') {
      // Killed once the file was durable, twice: two files without a row (harmless), and no temporary file.
      expect(filesUnder(folder)).toHaveLength(2);
      expect(filesUnder(folder).every((f) => /^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(f))).toBe(true);
    }

    // Left alone, the same upload stores its row and its file.
    const bytes = pdf(`durable ${uniq()}`);
    const stored = await uploadInChild(null, { ...input(), bytes });
    const rows = await rowsWithTheirFiles(taskId);
    expect(rows.map((r) => r.id)).toEqual(['done' in stored ? stored.done.id : '']);
    expect(Buffer.compare(await readStoredFile(rows[0].storedName), bytes)).toBe(0);
    if (name === 'the folder') expect(filesUnder(folder)).toContain(rows[0].storedName);
  });
});

describe('the folder store', () => {
  it('writes the exact bytes, creating its folders, and leaves no temporary file behind', async () => {
    // A store folder that does not exist yet: created with its shard folders on the first write.
    process.env.STORAGE_DIR = path.join(folder, 'new', 'storage');
    const written: Record<string, Buffer> = {};
    for (let i = 0; i < 5; i++) {
      const name = `${randomBytes(1).toString('hex')}/${randomBytes(12).toString('hex')}`;
      written[name] = randomBytes(64 * 1024 + i);
      await writeStoredFile(name, written[name]);
    }
    expect(filesUnder(process.env.STORAGE_DIR)).toEqual(Object.keys(written).sort());
    for (const [name, bytes] of Object.entries(written)) expect(Buffer.compare(await readStoredFile(name), bytes)).toBe(0);
  });

  it('removes the file of an upload whose row is refused under the lock', async () => {
    useFolder();
    const org = await actorWith('ORGANIZATION');
    const { taskId } = await createDraft(org, fullContent());
    let refused!: Promise<ValidationError>;
    await prisma.$transaction(
      async (tx) => {
        await lockTask(tx, taskId);
        refused = caught<ValidationError>(uploadAttachment(org, { taskId, kind: 'PROPOSAL_DOC', fileName: 'a.pdf', bytes: pdf() }));
        // The file lands, then the upload waits for the task's lock, which is held while the task moves on.
        while (filesUnder(folder).length === 0) await new Promise((r) => setTimeout(r, 10));
        await tx.task.update({ where: { id: taskId }, data: { status: 'PROPOSED' } });
      },
      { timeout: 30_000 },
    );
    expect((await refused).messageKey).toBe('attachmentKindNotNow');
    expect(await prisma.attachment.count({ where: { taskId } })).toBe(0);
    expect(filesUnder(folder)).toEqual([]);
  });
});
