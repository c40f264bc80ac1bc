// Where attachments' bytes live: the folder (STORAGE_DIR) or an S3-compatible bucket (S3_*), the same contract
// for both, checked against the folder and a real S3-protocol server (s3rver) started here. An upload through
// the service lands in the bucket, not on the disk, and comes back byte for byte through the authorized read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { prisma } from '@/lib/server/db';
import { probeBucket, readStoredFile, removeStoredFile, storageDir, storageKind, writeStoredFile } from '@/lib/attachments/storage';
import { checkHealth } from '@/lib/server/health';
import { getAttachmentFile, uploadAttachment } from '@/lib/attachments/service';
import { createDraft } from '@/lib/tasks/service';
import { actorWith } from '../support/fixtures';
import { fullContent, pdf } from '../support/lifecycle';

const BUCKET = 'khcn-test';
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-s3rver-'));
let server: S3rver;
let endpoint: string;
const saved = { ...process.env };

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  for (const k of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) delete process.env[k];
  Object.assign(process.env, saved);
  await server.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

/** s3rver's default credentials. */
function useBucket() {
  Object.assign(process.env, { S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' });
}
function useFolder() {
  for (const k of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) delete process.env[k];
}

describe.each([
  ['the folder', useFolder, 'folder'],
  ['an S3 bucket (s3rver)', useBucket, 's3'],
] as const)('the store: %s', (_name, use, kind) => {
  it('keeps bytes under an opaque name, gives them back exactly, and removes them', async () => {
    use();
    expect(storageKind()).toBe(kind);
    const name = `${randomBytes(1).toString('hex')}/${randomBytes(12).toString('hex')}`;
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    await writeStoredFile(name, bytes);
    expect(Buffer.compare(await readStoredFile(name), bytes)).toBe(0);
    await removeStoredFile(name);
    await expect(readStoredFile(name)).rejects.toThrow();
    // A name that is not the store's own (a path, a traversal) is refused before any storage is touched.
    await expect(writeStoredFile('../../etc/passwd', bytes)).rejects.toThrow('invalid stored name');
    await expect(readStoredFile('ab/../../x')).rejects.toThrow('invalid stored name');
  });
});

describe('an upload with S3_* set', () => {
  it('goes to the bucket, not to the folder, and the authorized read returns the same bytes', async () => {
    useBucket();
    const org = await actorWith('ORGANIZATION');
    const { taskId } = await createDraft(org, fullContent());
    const bytes = pdf(`s3 ${randomBytes(8).toString('hex')}`);
    const { id: attachmentId } = await uploadAttachment(org, { taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.pdf', bytes });
    const row = await prisma.attachment.findUniqueOrThrow({ where: { id: attachmentId } });
    expect(fs.existsSync(path.join(storageDir(), row.storedName))).toBe(false);
    const client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `attachments/${row.storedName}` }));
    expect(Buffer.compare(Buffer.from(await object.Body!.transformToByteArray()), bytes)).toBe(0);
    const file = await getAttachmentFile(org, attachmentId);
    expect(Buffer.compare(Buffer.from(file.bytes), bytes)).toBe(0);
    useFolder();
  });
});

describe('the health check with S3_* set', () => {
  it('probes the bucket: ok while it answers, down for a bucket that does not exist', async () => {
    useBucket();
    try {
      expect((await checkHealth({ storageDir: storageDir(), storageProbe: probeBucket })).storage).toBe('ok');
      process.env.S3_BUCKET = 'no-such-bucket';
      expect((await checkHealth({ storageDir: storageDir(), storageProbe: probeBucket })).storage).toBe('down');
    } finally {
      useFolder();
    }
  });
});
