// Benchmark of the department's lists at scale: `npm run bench [-- --tasks 20000]`.
// Starts a throwaway embedded PostgreSQL, loads N tasks (with events) in bulk, then times the real services
// (work queue with filters and search, overview counts, one dossier) and prints p50/p95 and memory.
// Run with the react-server condition so that the services' `server-only` guard resolves as on the server.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Translate } from '../lib/exports/lists';
// @ts-expect-error plain .mjs helper without types
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
// @ts-expect-error plain .mjs helper without types
import { migrate } from './lib/migrate-wasm.mjs';

const argTasks = process.argv.indexOf('--tasks');
const N = argTasks > 0 ? Number(process.argv[argTasks + 1]) : 20_000;
const ROUNDS = 30;
const root = path.resolve(import.meta.dirname, '..');

const db = await startEmbeddedPostgres({ dir: path.join(root, `.pgdata-bench-${process.pid}`), fresh: true, databases: ['khcn_bench'] });
process.env.DATABASE_URL = db.url('khcn_bench');
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
  // Bulk load with generate_series: N tasks over every status, field and 50 organizations, 4 events each.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Task" (id, title, year, status, field, "callId", "hostOrganizationId", "createdById", code, "budgetTotal", "updatedAt", "createdAt")
    SELECT 'bench' || g, 'Nhiệm vụ nghiên cứu số ' || g || ' về ' || (ARRAY['lúa chịu mặn','IoT','y tế cộng đồng','vật liệu','du lịch'])[1 + g % 5],
      2024 + g % 4,
      (ARRAY['DRAFT','PROPOSED','RETURNED','WITHDRAWN','UNDER_REVIEW','REJECTED','APPROVED','RUNNING','ACCEPTANCE_REVIEW','ACCEPTED','NOT_ACCEPTED','TERMINATED'])[1 + g % 12]::"TaskStatus",
      (ARRAY['NATURAL','ENGINEERING','MEDICAL','AGRICULTURAL','SOCIAL','HUMANITIES'])[1 + g % 6]::"ScienceField",
      CASE WHEN g % 3 = 0 THEN '${call.id}' END,
      (ARRAY[${orgs.map((o) => `'${o.id}'`).join(',')}])[1 + g % 50],
      '${orgUser.id}', CASE WHEN g % 12 >= 6 THEN 'KHCN-' || (2024 + g % 4) || '-' || lpad(g::text, 5, '0') END,
      (300 + g % 2700)::bigint * 1000000, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    FROM generate_series(1, ${N}) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "TaskEvent" (id, "taskId", "actorId", action, "toStatus", "createdAt")
    SELECT 'ev' || g || '-' || k, 'bench' || g, '${orgUser.id}', 'submit', 'PROPOSED', now() - ((g + k) || ' minutes')::interval
    FROM generate_series(1, ${N}) g, generate_series(1, 4) k`);
  await prisma.$executeRawUnsafe('ANALYZE');
  const loadSeconds = ((performance.now() - t0) / 1000).toFixed(1);

  const staff = (await loadActor(staffUser.id, await openSession(prisma, staffUser.id)))!;
  const time = async (name: string, fn: () => Promise<unknown>) => {
    await fn();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const s = performance.now();
      await fn();
      samples.push(performance.now() - s);
    }
    samples.sort((a, b) => a - b);
    const p = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
    console.log(`${name.padEnd(44)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
    return Number(p(0.95));
  };
  console.log(
    `\nkhcn-tasks benchmark: ${N} tasks, ${N * 4} events, 51 organizations (loaded in ${loadSeconds} s), ${ROUNDS} rounds each\n`,
  );
  await time('queue, first page (no filter)', () => listQueue(staff, {}));
  const statusP95 = await time('queue, status RUNNING, page 20', () => listQueue(staff, { status: 'RUNNING', page: '20' }));
  await time('queue, field + organization + year', () => listQueue(staff, { field: 'MEDICAL', organizationId: orgs[7].id, year: '2026' }));
  await time('queue, call filter', () => listQueue(staff, { callId: call.id }));
  await time('queue, search by code', () => listQueue(staff, { q: 'KHCN-2026-00' }));
  await time('queue, search by title words', () => listQueue(staff, { q: 'lúa chịu mặn' }));
  // Typed without diacritics, in capitals (folded on both sides, the stored "searchText" on its trigram index): the
  // same 1 task in 5 as above, every one of them counted; then words that find one task; then a host organization.
  const unaccentedP95 = await time('queue, unaccented title search (1 in 5)', () => listQueue(staff, { q: 'LUA CHIU MAN' }));
  const oneP95 = await time('queue, unaccented title search (1 task)', () => listQueue(staff, { q: 'nhiem vu nghien cuu so 12345 ve' }));
  await time('queue, unaccented organization search', () => listQueue(staff, { q: 'to chuc 7' }));
  await time('department overview (counts by status)', () => getDepartmentOverview(staff));
  await time('one dossier (fields, files, 4 events)', () => getTaskDossier(staff, 'bench123'));
  await time('statistics of a year (figures, breakdowns)', () => getStatistics(staff, { year: '2026' }));
  await time('statistics drill-down (approved in 2026)', () => listQueue(staff, { figure: 'approved', from: '2026', to: '2026' }));
  // The whole queue to .xlsx, read to the last byte, once (it streams: memory stays flat).
  // Headers by their catalog keys: the bench measures the rows.
  const translate: Translate = (key) => key;
  for (const format of ['xlsx', 'csv'] as const) {
    const e0 = performance.now();
    const res = await exportList(staff, 'tasks', { format }, translate);
    const bytes = (await res.arrayBuffer()).byteLength;
    console.log(
      `${`export of the whole queue to .${format}`.padEnd(44)} ${((performance.now() - e0) / 1000).toFixed(2).padStart(7)} s    ${(bytes / 2 ** 20).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
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
  await db.stop();
  (await import('node:fs')).rmSync(path.join(root, `.pgdata-bench-${process.pid}`), { recursive: true, force: true });
}
