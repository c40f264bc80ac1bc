// Test-only crash points. The durability tests (tests/integration/attachment-durability.test.ts, mail-durability.test.ts)
// run a service or a worker in a process of its own with KHCN_TEST_PAUSE_AT naming one of these points; when it
// reaches it, the process prints `paused <point>` on stdout and waits until the test kills it (SIGKILL), as a crash
// there would.
// Honoured only when NODE_ENV is 'test': a production build has NODE_ENV inlined as 'production' and drops the
// body, `npm run dev` runs with 'development'; everywhere but that test it returns at once.

/** Stops here for good (the test then kills the process) when KHCN_TEST_PAUSE_AT names `point` under NODE_ENV=test. */
export async function crashPoint(point: string): Promise<void> {
  if (process.env.NODE_ENV !== 'test' || process.env.KHCN_TEST_PAUSE_AT !== point) return;
  process.stdout.write(`paused ${point}\n`);
  // A timer keeps the process alive (a bare pending promise would let Node exit).
  await new Promise(() => setInterval(() => {}, 60_000));
}
