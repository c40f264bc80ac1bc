// The real worker (lib/jobs/worker.ts) in a process of its own, for tests/integration/mail-durability.test.ts: the
// test starts it (`node --import tsx --conditions=react-server`, as `npm run worker` runs) with DATABASE_URL, SMTP_URL
// and KHCN_TEST_PAUSE_AT, and kills it (SIGKILL) in the middle of a batch. Argument, as JSON: the pg-boss schema of
// the test and the shorter timings it runs with. The worker's log goes to stderr, one JSON line each; stdout is the
// test's: `started`, and `paused <point>` (lib/server/crash-point.ts). SIGTERM stops it cleanly.
import { startWorker, type WorkerTiming } from '@/lib/jobs/worker';

const { schema, timing } = JSON.parse(process.argv[2]) as { schema: string; timing: Partial<WorkerTiming> };
const worker = await startWorker({
  schema,
  timing,
  log: (level, message, fields = {}) => process.stderr.write(`${JSON.stringify({ level, message, ...fields })}\n`),
});
process.stdout.write('started\n');
process.on('SIGTERM', () => {
  void worker.stop().then(() => process.exit(0));
});
