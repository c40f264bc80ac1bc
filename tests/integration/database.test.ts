import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { checkDatabase } from '@/lib/server/health';
import { createPrisma, statementNamer } from '@/lib/server/prisma-client';
import { makeOrganization, makeUser } from '../support/fixtures';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const prismaCli = path.join(root, 'node_modules/prisma/build/index.js');

describe('Prisma CLI through the WebAssembly schema-engine stand-in', () => {
  it('applies every migration to an empty database with `prisma migrate deploy`, then reports it up to date', async () => {
    const dbName = `khcn_cli_${Date.now()}`;
    const url = inject('databaseUrl').replace(/\/[^/]+$/, `/${dbName}`);
    const env = { ...process.env, DATABASE_URL: url };
    const deploy = await run(process.execPath, [prismaCli, 'migrate', 'deploy'], { cwd: root, env });
    expect(deploy.stdout).toMatch(/applied/i);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = (await client.query(`select table_name from information_schema.tables where table_schema = 'public'`)).rows.map(
        (r) => r.table_name,
      );
      expect(tables).toEqual(
        expect.arrayContaining(['Task', 'TaskEvent', 'User', 'Organization', 'Council', 'Ballot', '_prisma_migrations']),
      );
      const applied = await client.query(`select count(*)::int as n from _prisma_migrations where finished_at is not null`);
      const dirs = (await import('node:fs'))
        .readdirSync(path.join(root, 'prisma/migrations'), { withFileTypes: true })
        .filter((d) => d.isDirectory());
      expect(applied.rows[0].n).toBe(dirs.length);
    } finally {
      await client.end();
    }
    const status = await run(process.execPath, [prismaCli, 'migrate', 'status'], { cwd: root, env });
    expect(status.stdout).toMatch(/up to date/i);
  }, 120_000);

  it('finds no drift between the committed migrations and schema.prisma (`prisma migrate diff --exit-code`)', async () => {
    const env = { ...process.env, DATABASE_URL: inject('databaseUrl') };
    // Exit code 0: no difference. 2 would mean schema.prisma changed without a migration (execFile rejects).
    const diff = await run(
      process.execPath,
      [prismaCli, 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
      { cwd: root, env },
    );
    expect(diff.stdout).toMatch(/No difference detected/);
  }, 120_000);
});

describe('audit trail', () => {
  it('refuses to update or delete a task event at the database level', async () => {
    const org = await makeOrganization();
    const user = await makeUser('ORGANIZATION', { organizationId: org.id });
    const task = await prisma.task.create({
      data: { title: 'Nhiệm vụ kiểm thử nhật ký', year: 2027, hostOrganizationId: org.id, createdById: user.id },
    });
    const event = await prisma.taskEvent.create({ data: { taskId: task.id, actorId: user.id, action: 'create', toStatus: 'DRAFT' } });
    await expect(prisma.taskEvent.update({ where: { id: event.id }, data: { note: 'sửa lại' } })).rejects.toThrow(/append-only/);
    await expect(prisma.taskEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE "TaskEvent" CASCADE')).rejects.toThrow(/append-only/);
    expect(await prisma.taskEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ note: null, action: 'create' });
  });
});

describe('health check', () => {
  it('reports the database up, and down when it cannot be reached', async () => {
    expect(await checkDatabase()).toBe(true);
    const unreachable = createPrisma('postgresql://postgres:postgres@127.0.0.1:1/nowhere');
    try {
      expect(await checkDatabase(unreachable, 1500)).toBe(false);
    } finally {
      await unreachable.$disconnect();
    }
  });
});

describe('prepared statements', () => {
  it('prepares a statement once per connection under a stable name, and later calls reuse it', async () => {
    const before = process.env.DATABASE_POOL_SIZE;
    process.env.DATABASE_POOL_SIZE = '1'; // one connection, so the session seen by pg_prepared_statements is the one queried
    const db = createPrisma(inject('databaseUrl'));
    if (before === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = before;
    try {
      const org = await makeOrganization();
      for (let i = 0; i < 3; i++)
        expect(await db.organization.findUnique({ where: { id: org.id }, select: { id: true } })).toEqual({ id: org.id });
      const prepared = await db.$queryRaw<{ name: string; statement: string }[]>`select name, statement from pg_prepared_statements`;
      const lookups = prepared.filter((p) => p.statement.includes('FROM "public"."Organization"'));
      expect(lookups).toHaveLength(1); // three calls, one statement prepared
      expect(lookups[0].name).toMatch(/^s[\w-]{24}$/);
    } finally {
      await db.$disconnect();
    }
  });

  it('names at most the bound of distinct texts, and runs any further one, or one with a long list of values, unnamed', () => {
    const name = statementNamer(2);
    const a = name({ sql: 'select 1', args: [] });
    expect(name({ sql: 'select 1', args: [] })).toBe(a);
    expect(name({ sql: 'select 2', args: [] })).not.toBe(a);
    expect(name({ sql: 'select 3', args: [] })).toBe('');
    expect(name({ sql: 'select 1', args: [] })).toBe(a);
    // A long list of values runs unnamed and takes no place in the bound.
    expect(statementNamer(2)({ sql: 'select $1', args: Array.from({ length: 25 }, (_, i) => i) })).toBe('');
  });
});
