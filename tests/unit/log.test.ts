// The logger's guards, without a database: secret fields are censored wherever they sit, a Prisma error that
// quotes its query keeps only its first line, request ids from outside are taken only when sane, and a job's
// lines carry its id and queue but not its data.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, outcomeOf } from '@/lib/server/log';
import { requestIdFrom } from '@/lib/server/request-id';
import { runJob, type JobLog } from '@/lib/jobs/run-job';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) {
        raw.push(l);
        lines.push(JSON.parse(l));
      }
      done();
    },
  });
  return { logger: createLogger(sink, 'debug'), lines, raw };
}

describe('the logger', () => {
  it('writes one JSON object per line with an ISO time and the level by name', () => {
    const { logger, lines } = capture();
    logger.info({ requestId: 'r1', userId: 'u1' }, 'action');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'action', requestId: 'r1', userId: 'u1' })]);
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it('censors passwords, tokens, secrets, cookies and file bytes, at the top and one level down', () => {
    const { logger, raw } = capture();
    logger.info(
      {
        password: 'p-top',
        token: 't-top',
        input: { password: 'p-nested', newPassword: 'p-new', token: 't-nested', bytes: 'file-bytes', secret: 's-nested' },
        headers: { cookie: 'c-header', authorization: 'Bearer a-header' },
      },
      'careless',
    );
    for (const value of ['p-top', 't-top', 'p-nested', 'p-new', 't-nested', 'file-bytes', 's-nested', 'c-header', 'a-header'])
      expect(raw.join('\n')).not.toContain(value);
    expect(raw.join('\n')).toContain('[redacted]');
  });

  it("keeps a Prisma validation error's first line only: its text quotes the query's values", () => {
    const { logger, lines, raw } = capture();
    const e = new Error('\nInvalid `prisma.user.create()` invocation:\n\n{ data: { passwordHash: "$2b$11$hash-value" } }');
    e.name = 'PrismaClientValidationError';
    logger.error({ err: e }, 'action');
    expect(raw.join('\n')).not.toContain('hash-value');
    expect(lines[0].err).toMatchObject({ type: 'Error', message: 'Invalid `prisma.user.create()` invocation:' });
    // Any other error keeps its message and stack.
    logger.error({ err: new Error('disk on fire') }, 'action');
    expect((lines[1].err as { stack: string }).stack).toMatch(/^Error: disk on fire\n\s+at /);
  });

  it('names the outcome of each typed error', () => {
    expect(['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', undefined].map(outcomeOf)).toEqual([
      'validation',
      'forbidden',
      'notFound',
      'conflict',
      'error',
    ]);
  });
});

describe('request ids', () => {
  it('keeps a sane incoming id and replaces anything else with a fresh UUID', () => {
    expect(requestIdFrom('abc-DEF_123')).toBe('abc-DEF_123');
    expect(requestIdFrom('x'.repeat(64))).toBe('x'.repeat(64));
    for (const bad of [null, '', 'x'.repeat(65), 'a b', 'a\nb', '<script>', 'id;drop'])
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe('a job', () => {
  const job = { id: 'job-1', name: 'mail', data: { requestId: 'req-9', to: 'a@b.vn', body: 'nội dung thư' }, expireInSeconds: 60 };

  it('logs with its id, queue and the request id that queued it, and never its data', async () => {
    const { logger, lines, raw } = capture();
    const log: JobLog = (level, message, fields) => logger[level](fields ?? {}, message);
    await runJob(log, job, async (jobLog) => {
      jobLog('info', 'sent', { count: 1 });
      return 1;
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'sent', jobId: 'job-1', queue: 'mail', requestId: 'req-9', count: 1 }),
      expect.objectContaining({ level: 'info', msg: 'job done', jobId: 'job-1', queue: 'mail', durationMs: expect.any(Number) }),
    ]);
    expect(raw.join('\n')).not.toContain('a@b.vn');
    expect(raw.join('\n')).not.toContain('nội dung thư');
  });

  it('logs a failure with the error and gives it back to the queue (which retries it)', async () => {
    const { logger, lines } = capture();
    const log: JobLog = (level, message, fields) => logger[level](fields ?? {}, message);
    await expect(
      runJob(log, job, async () => {
        throw new Error('SMTP refused');
      }),
    ).rejects.toThrow('SMTP refused');
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'job failed', jobId: 'job-1', queue: 'mail' })]);
    expect((lines[0].err as { message: string }).message).toBe('SMTP refused');
  });
});
