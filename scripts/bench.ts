// Benchmark of the department's reads at scale (figures, not tests):
//   npm run bench                      20 000 tasks, 80 000 events (4 per task)
//   npm run bench -- --size 100k       100 000 tasks, 1 000 000 events (10 per task)
//   npm run bench -- --tasks 50000     any number of tasks, 4 events each
//   npm run bench -- --rounds 50       timed rounds per read (30 by default)
//   npm run bench -- --trace           also print each statement a read sends (its first line), once
//   npm run bench -- --routes          only the first-load JavaScript per route of the last `next build`
// Starts a throwaway embedded PostgreSQL, loads the tasks and events in bulk (generate_series, the tables' indexes
// built after the load, then ANALYZE), then times each read of the real services beside its SQL floor: the same
// rows written as hand-written SQL and sent straight through a pg Pool in this process (scripts/lib/bench-floors.ts).
// Each read prints the app's p50/p95, the floor's p50/p95, the ratio of the p95s and how many SQL statements one
// call sends (counted at the pg driver). The bench ends with the per-route sizes of the build in .next, if any.
// Run with the react-server condition so that the services' `server-only` guard resolves as on the server.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Translate } from '../lib/exports/lists';
import { containsPattern } from '../lib/domain/search';
import { createFloors, type Condition } from './lib/bench-floors';
import { printRouteSizes } from './lib/route-sizes.mjs';
// @ts-expect-error plain .mjs helper without types
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
// @ts-expect-error plain .mjs helper without types
import { migrate } from './lib/migrate-wasm.mjs';

const root = path.resolve(import.meta.dirname, '..');
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES: Record<string, { tasks: number; eventsPerTask: number }> = {
  '20k': { tasks: 20_000, eventsPerTask: 4 },
  '100k': { tasks: 100_000, eventsPerTask: 10 },
};
const size = SIZES[arg('size') ?? '20k'];
if (!size) throw new Error(`--size: one of ${Object.keys(SIZES).join(', ')}`);
const N = arg('tasks') ? Number(arg('tasks')) : size.tasks;
const EVENTS = arg('tasks') ? 4 : size.eventsPerTask;
const ROUNDS = Number(arg('rounds') ?? 30);
const READ_SECONDS = 30;
if (!(N >= 100) || !(ROUNDS >= 1)) throw new Error('--tasks: at least 100; --rounds: at least 1');

if (process.argv.includes('--routes')) {
  printRouteSizes(path.join(root, '.next'));
  process.exit(0);
}

// Every SQL statement any pool of this process sends (Prisma's through its pg adapter, the floors' directly).
const TRACE = process.argv.includes('--trace');
const counter = { on: false, texts: [] as string[] };
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counter.on) {
    const q = args[0] as string | { text: string };
    counter.texts.push(typeof q === 'string' ? q : q.text);
  }
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;
async function statementsOf(fn: () => Promise<unknown>) {
  Object.assign(counter, { on: true, texts: [] });
  try {
    await fn();
    return counter.texts;
  } finally {
    counter.on = false;
  }
}
const traced = (texts: string[]) => texts.map((t) => `      ${t.trim().replace(/\s+/g, ' ').slice(0, 150)}`).join('\n');

const dataDir = path.join(root, `.pgdata-bench-${process.pid}`);
const db = await startEmbeddedPostgres({ dir: dataDir, fresh: true, databases: ['khcn_bench'] });
process.env.DATABASE_URL = db.url('khcn_bench');
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const pool = new pg.Pool({ connectionString: db.url('khcn_bench'), max: poolSize });
// An idle connection that breaks is reported, not left to end the process (pool.end() returns before its
// connections have closed: the server stopping then ends them, which is no error).
let stopping = false;
pool.on('error', (e) => stopping || console.error(`floor pool: ${e.message}`));
try {
  await migrate('deploy', { url: process.env.DATABASE_URL, root, log: () => {} });
  const { prisma } = await import('../lib/server/db');
  const { listQueue, getTaskDossier } = await import('../lib/tasks/service');
  const { getDepartmentOverview } = await import('../lib/tasks/queries');
  const { getStatistics } = await import('../lib/statistics/service');
  const { exportList } = await import('../lib/exports/lists');
  const { loadActor } = await import('../lib/server/actor');
  const { openSession } = await import('../lib/server/sessions');

  const t0 = performance.now();
  const org = await prisma.organization.create({
    data: { name: 'Tổ chức đo hiệu năng', kind: 'UNIVERSITY', taxCode: '9999999999', address: 'An Phú', status: 'ACTIVE' },
  });
  const orgs = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      prisma.organization.create({
        data: { name: `Tổ chức ${i}`, kind: 'INSTITUTE', taxCode: String(8_000_000_000 + i), address: 'An Phú', status: 'ACTIVE' },
      }),
    ),
  );
  const staffUser = await prisma.user.create({
    data: { email: 'bench-staff@khcn.demo', name: 'Bench', role: 'DEPARTMENT_STAFF', passwordHash: 'x' },
  });
  const orgUser = await prisma.user.create({
    data: { email: 'bench-org@khcn.demo', name: 'Bench Org', role: 'ORGANIZATION', organizationId: org.id, passwordHash: 'x' },
  });
  const call = await prisma.call.create({
    data: { title: 'Đợt 2027', year: 2027, opensAt: new Date('2026-10-01'), closesAt: new Date('2026-12-31') },
  });

  // Bulk load with generate_series on one connection: N tasks over every status, field and 50 organizations, their
  // milestones (submitted, approved, contracted, decided, closed) spread over the past years, 30 minutes apart (the
  // search trigger fills "searchText"), then EVENTS events per task (the foreign keys, true by construction, are not
  // checked row by row: session_replication_role). Each table's secondary indexes are dropped before its load and
  // built after it, as a restore does; then ANALYZE.
  const loader = await pool.connect();
  const loadTimes: string[] = [];
  const step = async (name: string, fn: () => Promise<unknown>) => {
    const s = performance.now();
    await fn();
    loadTimes.push(`${name} ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };
  async function withIndexesAfter(table: string, load: () => Promise<unknown>) {
    const { rows: indexes } = await loader.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = $1
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [table],
    );
    for (const i of indexes) await loader.query(`DROP INDEX "${i.name}"`);
    await step(`${table} rows`, load);
    await step(`${table} indexes`, async () => {
      for (const i of indexes) await loader.query(i.def);
    });
  }
  try {
    await loader.query(`SET maintenance_work_mem = '256MB'`);
    await withIndexesAfter('Task', () =>
      loader.query(`
        INSERT INTO "Task" (id, title, year, status, field, "callId", "hostOrganizationId", "createdById", code, "budgetTotal",
          "submittedAt", "approvalDecisionDate", "approvedBudget", "contractNo", "contractSignedAt", "startDate", "endDate",
          "fundedAmount", "acceptanceDecisionDate", "acceptanceGrade", "closedAt", "updatedAt", "createdAt")
        SELECT 'bench' || g, 'Nhiệm vụ nghiên cứu số ' || g || ' về ' || (ARRAY['lúa chịu mặn','IoT','y tế cộng đồng','vật liệu','du lịch'])[1 + g % 5],
          2024 + g % 4,
          (ARRAY['DRAFT','PROPOSED','RETURNED','WITHDRAWN','UNDER_REVIEW','REJECTED','APPROVED','RUNNING','ACCEPTANCE_REVIEW','ACCEPTED','NOT_ACCEPTED','TERMINATED'])[1 + s]::"TaskStatus",
          (ARRAY['NATURAL','ENGINEERING','MEDICAL','AGRICULTURAL','SOCIAL','HUMANITIES'])[1 + g % 6]::"ScienceField",
          CASE WHEN g % 3 = 0 THEN '${call.id}' END,
          (ARRAY[${orgs.map((o) => `'${o.id}'`).join(',')}])[1 + g % 50],
          '${orgUser.id}', CASE WHEN s >= 6 THEN 'KHCN-' || (2024 + g % 4) || '-' || lpad(g::text, 5, '0') END,
          budget, CASE WHEN s > 0 THEN d END,
          CASE WHEN s >= 6 THEN (d + interval '30 days')::date END, CASE WHEN s >= 6 THEN budget * 9 / 10 END,
          CASE WHEN s >= 7 THEN 'HD-' || g END, CASE WHEN s >= 7 THEN (d + interval '45 days')::date END,
          CASE WHEN s >= 7 THEN (d + interval '45 days')::date END, CASE WHEN s >= 7 THEN (d + interval '745 days')::date END,
          CASE WHEN s >= 7 THEN budget * 9 / 10 END,
          CASE WHEN s IN (9, 10) THEN (d + interval '800 days')::date END,
          CASE WHEN s = 9 THEN (ARRAY['EXCELLENT','PASS'])[1 + g % 2]::"Rating" WHEN s = 10 THEN 'FAIL' END,
          CASE WHEN s >= 9 THEN d + interval '800 days' END,
          now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
        FROM (SELECT g, g % 12 AS s, (300 + g % 2700)::bigint * 1000000 AS budget, now() - (g * 30 || ' minutes')::interval AS d
              FROM generate_series(1, ${N}) g) x`),
    );
    await withIndexesAfter('TaskEvent', async () => {
      await loader.query(`SET session_replication_role = replica`);
      await loader.query(`
        INSERT INTO "TaskEvent" (id, "taskId", "actorId", action, "fromStatus", "toStatus", note, "createdAt")
        SELECT 'ev' || g || '-' || k, 'bench' || g, '${orgUser.id}',
          (ARRAY['create','submit','startReview','approve','contract'])[1 + k % 5],
          CASE WHEN k > 1 THEN 'PROPOSED'::"TaskStatus" END, 'PROPOSED', CASE WHEN k % 3 = 0 THEN 'Ghi chú lần ' || k END,
          now() - ((g + ${EVENTS} - k) || ' minutes')::interval
        FROM generate_series(1, ${N}) g, generate_series(1, ${EVENTS}) k`);
      await loader.query(`RESET session_replication_role`);
    });
    await step('ANALYZE', () => loader.query('ANALYZE'));
  } finally {
    loader.release();
  }
  // The dossier read: a running task with files, progress reports (one with its file), an extension and partners.
  const dossierId = 'bench7';
  await prisma.task.update({
    where: { id: dossierId },
    data: { partnerOrganizations: { connect: [{ id: orgs[1].id }, { id: orgs[2].id }] } },
  });
  const reports = await Promise.all(
    ['2026-03-15', '2026-09-15'].map((d) =>
      prisma.progressReport.create({
        data: {
          taskId: dossierId,
          dueDate: new Date(d),
          workDone: 'Đã hoàn thành khảo sát',
          productsSoFar: 'Báo cáo',
          amountSpent: 100_000_000n,
          submittedById: orgUser.id,
        },
      }),
    ),
  );
  await prisma.attachment.createMany({
    data: (['PROPOSAL_DOC', 'PROPOSAL_DOC', 'CV', 'PROGRESS_REPORT'] as const).map((kind, i) => ({
      taskId: dossierId,
      kind,
      fileName: `tep-${i}.pdf`,
      storedName: `bench-${i}`,
      mimeType: 'application/pdf',
      size: 100_000,
      sha256: '0'.repeat(64),
      uploadedById: orgUser.id,
      progressReportId: kind === 'PROGRESS_REPORT' ? reports[0].id : null,
    })),
  });
  await prisma.extensionRequest.create({
    data: {
      taskId: dossierId,
      currentEndDate: new Date('2027-06-30'),
      requestedEndDate: new Date('2027-12-31'),
      reason: 'Thời tiết',
      requestedById: orgUser.id,
    },
  });
  const loadSeconds = ((performance.now() - t0) / 1000).toFixed(1);

  const staff = (await loadActor(staffUser.id, await openSession(prisma, staffUser.id)))!;
  const floor = createFloors(pool);
  const p = (samples: number[], q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const ms = (v: number) => v.toFixed(1).padStart(7);
  const TARGET = 1.5;
  console.log(
    `\nkhcn-tasks benchmark: ${N} tasks, ${N * EVENTS} events, 51 organizations (loaded in ${loadSeconds} s: ${loadTimes.join(', ')})`,
  );
  console.log(
    `${ROUNDS} rounds per read, the app and its SQL floor in turn; pool of ${poolSize} connections each; ` +
      `statements = SQL statements one call sends; * = a read with a target of at most ${TARGET}x its floor\n`,
  );
  console.log(`${''.padEnd(44)}     app p50     p95   floor p50     p95   p95 ratio   statements`);

  /** Times the app's read and its floor over the same rounds, in turn, and prints one line. */
  async function read<A, F>(
    name: string,
    app: () => Promise<A>,
    floorFn: () => Promise<F>,
    opts: { target?: boolean; same?: readonly [(a: A) => unknown, (f: F) => unknown] } = {},
  ) {
    const { target = false, same } = opts;
    const [first, floorFirst] = [await app(), await floorFn()];
    // The floor must read what the app reads: the same total and ids, or counts, in both.
    const differs = same && JSON.stringify(same[0](first)) !== JSON.stringify(same[1](floorFirst));
    const statements = await statementsOf(app);
    const floorStatements = await statementsOf(floorFn);
    if (TRACE) console.log(`    ${name}, the app:\n${traced(statements)}\n    the floor:\n${traced(floorStatements)}`);
    const a: number[] = [];
    const f: number[] = [];
    const timed = async (fn: () => Promise<unknown>, into: number[]) => {
      const s = performance.now();
      await fn();
      into.push(performance.now() - s);
    };
    // Alternating who goes first, so neither always runs on the other's warm cache; a slow read stops after
    // READ_SECONDS (at least 5 rounds), and says how many rounds it had.
    const start = performance.now();
    for (let i = 0; i < ROUNDS && (i < 5 || performance.now() - start < READ_SECONDS * 1000); i++) {
      if (i % 2) await timed(floorFn, f).then(() => timed(app, a));
      else await timed(app, a).then(() => timed(floorFn, f));
    }
    a.sort((x, y) => x - y);
    f.sort((x, y) => x - y);
    const ratio = p(a, 0.95) / p(f, 0.95);
    const verdict = target ? (ratio <= TARGET ? ' ok' : ' over') : '';
    console.log(
      `${`${target ? '* ' : '  '}${name}`.padEnd(44)} ${ms(p(a, 0.5))} ${ms(p(a, 0.95))}     ${ms(p(f, 0.5))} ${ms(p(f, 0.95))}` +
        `   ${`${ratio.toFixed(2)}x${verdict}`.padEnd(9)}   ${String(statements.length).padStart(3)} / ${floorStatements.length}` +
        (a.length < ROUNDS ? `  (${a.length} rounds)` : '') +
        (differs ? `  THE FLOOR READS OTHER ROWS: ${JSON.stringify(same[0](first))} / ${JSON.stringify(same[1](floorFirst))}` : ''),
    );
    return p(a, 0.95);
  }

  type Page = { total: number; rows: { id: string | null }[] };
  const samePage = { same: [(r: Page) => [r.total, r.rows.map((x) => x.id)], (r: Page) => [r.total, r.rows.map((x) => x.id)]] } as const;
  const notDraft: Condition = { sql: `t."status" <> 'DRAFT'`, params: [] };
  const and = (sql: string, ...params: unknown[]): Condition => ({ sql: `t."status" <> 'DRAFT' AND ${sql}`, params });
  const search = (q: string) => and(`t."searchText" LIKE $1`, containsPattern(q));

  await read(
    'queue, first page (no filter)',
    () => listQueue(staff, {}),
    () => floor.queuePage(notDraft),
    { target: true, ...samePage },
  );
  const statusP95 = await read(
    'queue, status RUNNING, page 20',
    () => listQueue(staff, { status: 'RUNNING', page: '20' }),
    () => floor.queuePage({ sql: `t."status" = 'RUNNING'`, params: [] }, { page: 20 }),
    { target: true, ...samePage },
  );
  await read(
    'queue, field + organization + year',
    () => listQueue(staff, { field: 'MEDICAL', organizationId: orgs[7].id, year: '2026' }),
    () => floor.queuePage(and(`t."field" = 'MEDICAL' AND t."hostOrganizationId" = $1 AND t."year" = $2`, orgs[7].id, 2026)),
    samePage,
  );
  await read(
    'queue, call filter',
    () => listQueue(staff, { callId: call.id }),
    () => floor.queuePage(and(`t."callId" = $1`, call.id)),
    samePage,
  );
  await read(
    'queue, search by code',
    () => listQueue(staff, { q: 'KHCN-2026-00' }),
    () => floor.queuePage(search('KHCN-2026-00')),
    samePage,
  );
  await read(
    'queue, search by title words',
    () => listQueue(staff, { q: 'lúa chịu mặn' }),
    () => floor.queuePage(search('lúa chịu mặn')),
    samePage,
  );
  // Typed without diacritics, in capitals (folded on both sides, the stored "searchText" on its trigram index): the
  // same 1 task in 5 as above, every one of them counted; then words that find one task; then a host organization.
  const unaccentedP95 = await read(
    'queue, unaccented title search (1 in 5)',
    () => listQueue(staff, { q: 'LUA CHIU MAN' }),
    () => floor.queuePage(search('LUA CHIU MAN')),
    samePage,
  );
  const oneP95 = await read(
    'queue, unaccented title search (1 task)',
    () => listQueue(staff, { q: 'nhiem vu nghien cuu so 12345 ve' }),
    () => floor.queuePage(search('nhiem vu nghien cuu so 12345 ve')),
    samePage,
  );
  await read(
    'queue, unaccented organization search',
    () => listQueue(staff, { q: 'to chuc 7' }),
    () => floor.queuePage(search('to chuc 7')),
    samePage,
  );
  await read('department overview (counts by status)', () => getDepartmentOverview(staff), floor.overview, {
    target: true,
    same: [
      (o) => [Object.values(o.counts).reduce((x, y) => x + y), o.latest.map((r) => r.id), o.pendingOrganizations],
      (o) => [Object.values(o.counts).reduce((x, y) => x + y), o.latest.map((r) => r.id), o.pendingOrganizations],
    ],
  });
  await read(
    `one dossier (${EVENTS} events, 4 files, 2 reports)`,
    () => getTaskDossier(staff, dossierId),
    () => floor.dossier(staffUser.id, dossierId),
    {
      target: true,
      same: [
        (d) => [
          d.task.id,
          d.events.length,
          d.task.attachments.length,
          d.reports.length,
          d.extensions.length,
          d.task.partnerOrganizations.length,
        ],
        (d) => [d.id, d.events.length, d.attachments.length, d.reports.length, d.extensions.length, d.partnerOrganizations.length],
      ],
    },
  );
  await read(
    'statistics of a year (figures, breakdowns)',
    () => getStatistics(staff, { year: '2026' }),
    () => floor.statistics(2026),
    {
      same: [
        (s) => [s.tasks.total.dossiers, s.tasks.total.approved, s.tasks.byOrganization.length, Object.keys(s.names.organization).length],
        (s) => [
          Number(s.tasks.rows.find((r) => r.g === 15)?.dossiers ?? 0),
          Number(s.tasks.rows.find((r) => r.g === 15)?.approved ?? 0),
          s.tasks.byOrganization.length,
          s.names.organizations?.length ?? 0,
        ],
      ],
    },
  );
  await read(
    'statistics drill-down (approved in 2026)',
    () => listQueue(staff, { figure: 'approved', from: '2026', to: '2026' }),
    () =>
      floor.queuePage(
        and(`t."approvalDecisionDate" >= $1 AND t."approvalDecisionDate" < $2`, new Date('2026-01-01'), new Date('2027-01-01')),
      ),
    samePage,
  );

  // The whole queue to .xlsx and .csv, read to the last byte, once each (it streams: memory stays flat), beside the
  // floor: the same rows in one statement (no file written). Headers by their catalog keys: the bench measures rows.
  const translate: Translate = (key) => key;
  const f0 = performance.now();
  const floorRows = (await floor.exportRows()).length;
  const floorSeconds = (performance.now() - f0) / 1000;
  console.log(`\n${'  export floor: the rows in one statement'.padEnd(44)} ${floorSeconds.toFixed(2).padStart(7)} s   ${floorRows} rows`);
  for (const format of ['xlsx', 'csv'] as const) {
    let bytes = 0;
    const e0 = performance.now();
    const statements = await statementsOf(async () => {
      const res = await exportList(staff, 'tasks', { format }, translate);
      bytes = (await res.arrayBuffer()).byteLength;
    });
    const seconds = (performance.now() - e0) / 1000;
    console.log(
      `${`  export of the whole queue to .${format}`.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   ${(seconds / floorSeconds).toFixed(1)}x the floor, ` +
        `${statements.length} statements, ${(bytes / 2 ** 20).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  const ratio = (p95: number) => `${p95.toFixed(1)} ms, ${(p95 / statusP95).toFixed(2)}x`;
  console.log(
    `\nunaccented title search p95 beside the status filter's p95 ${statusP95.toFixed(1)} ms (target within 2x): ` +
      `1 task in 5 ${ratio(unaccentedP95)}; 1 task ${ratio(oneP95)}`,
  );
  const mem = process.memoryUsage();
  console.log(`\nmemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await prisma.$disconnect();
} finally {
  stopping = true;
  await pool.end();
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (fs.existsSync(path.join(root, '.next', 'build-manifest.json'))) {
  console.log('');
  printRouteSizes(path.join(root, '.next'));
}
