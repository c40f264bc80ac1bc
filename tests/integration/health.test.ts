// GET /api/health: the database, the attachments folder and the job queue's tables, each "ok" or "down", 503
// when one is down. Real database, real folder, real pg-boss schema; each failure is made through the check's
// parameters (another folder, another schema name, a database that does not answer), never by breaking the
// database the other tests share.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createQueueClient } from '@/lib/jobs/queue';
import { createPrisma } from '@/lib/server/prisma-client';
import { storageDir } from '@/lib/attachments/storage';
import { checkHealth, checkStorage } from '@/lib/server/health';
import { GET } from '@/app/api/health/route';

// The route wrapper's module also loads the session (next-auth, which cannot load outside Next); health has no user.
vi.mock('@/lib/server/session', () => ({ getActor: async () => null }));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-health-'));
const unreachable = createPrisma('postgresql://postgres:postgres@127.0.0.1:1/nowhere');

beforeAll(async () => {
  // The queue's schema exists once any pg-boss client has started on the database (a worker does it first).
  const boss = createQueueClient({ url: process.env.DATABASE_URL, worker: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
});
afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
  await unreachable.$disconnect();
});

describe('GET /api/health', () => {
  it('answers 200 with every part ok, and nothing else in the body', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok', storage: 'ok', jobs: 'ok' });
  });

  it('reports the storage down when its folder cannot take a file', async () => {
    // A folder "inside" a regular file: it can neither be created nor written to, whoever runs the test.
    const file = path.join(scratch, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(await checkHealth({ storageDir: path.join(file, 'storage') })).toEqual({
      status: 'degraded',
      db: 'ok',
      storage: 'down',
      jobs: 'ok',
    });
    // The route answers 503 with the same body when the configured folder is such a one.
    const configured = process.env.STORAGE_DIR;
    process.env.STORAGE_DIR = path.join(file, 'storage');
    try {
      const res = await GET();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'degraded', db: 'ok', storage: 'down', jobs: 'ok' });
    } finally {
      process.env.STORAGE_DIR = configured;
    }
    // A folder that does not exist yet is made, as the first upload would, and leaves no probe file behind.
    const fresh = path.join(scratch, 'new', 'storage');
    expect(await checkStorage(fresh)).toBe(true);
    expect(fs.readdirSync(fresh)).toEqual([]);
  });

  it('reports the jobs down on a database without the queue schema', async () => {
    expect(await checkHealth({ storageDir: storageDir(), jobsSchema: 'pgboss_never_created' })).toEqual({
      status: 'degraded',
      db: 'ok',
      storage: 'ok',
      jobs: 'down',
    });
  });

  it('reports the database (and so the queue on it) down when it does not answer, in time', async () => {
    const started = Date.now();
    expect(await checkHealth({ storageDir: storageDir(), db: unreachable, timeoutMs: 1500 })).toEqual({
      status: 'degraded',
      db: 'down',
      storage: 'ok',
      jobs: 'down',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
