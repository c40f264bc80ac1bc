import 'server-only';
import type PgBoss from 'pg-boss';

/** How the worker writes a line: scripts/worker.ts sends it to the app's logger (lib/server/log.ts). */
export type JobLog = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => void;

/**
 * Runs one job with a log bound to it: every line the job writes carries its id, its queue and, when the code
 * that queued it passed one in the job's data, the request id; one more line when it ends (done, or failed with
 * the error, before pg-boss retries it). Never the job's data itself, which may hold addresses or text.
 */
export async function runJob<T>(log: JobLog, job: PgBoss.Job<unknown>, work: (log: JobLog) => Promise<T>): Promise<T> {
  const requestId = (job.data as { requestId?: unknown } | null)?.requestId;
  const bound: JobLog = (level, message, fields = {}) =>
    log(level, message, { jobId: job.id, queue: job.name, ...(typeof requestId === 'string' && { requestId }), ...fields });
  const start = performance.now();
  const durationMs = () => Math.round(performance.now() - start);
  try {
    const result = await work(bound);
    bound('info', 'job done', { durationMs: durationMs() });
    return result;
  } catch (e) {
    bound('error', 'job failed', { err: e, durationMs: durationMs() });
    throw e;
  }
}
