import 'server-only';
import type PgBoss from 'pg-boss';
import type pg from 'pg';
import { QUEUES } from './queue';

// The bridge from the outbox (MailMessage rows, written with the notices) to the "mail" queue: each QUEUED mail
// without a job gets one, in the same transaction that marks it queued, so no mail is queued twice or skipped
// when several workers sweep at once (FOR UPDATE SKIP LOCKED), nor left without a job by a crash in between.

/** A mail queued this long ago and still not delivered (its job gone, its last try lost) gets a new job. */
export const MAIL_REQUEUE_AFTER_HOURS = 6;
const BATCH = 500;

/** Queues a delivery job for each outbox mail that needs one; returns how many. */
export async function sweepOutbox(boss: PgBoss, pool: pg.Pool): Promise<number> {
  let total = 0;
  for (;;) {
    const client = await pool.connect();
    let n: number;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `SELECT "id" FROM "MailMessage"
          WHERE "status" = 'QUEUED'
            AND ("enqueuedAt" IS NULL OR "enqueuedAt" < now() - make_interval(hours => $1))
          ORDER BY "createdAt", "id"
          LIMIT $2
          FOR UPDATE SKIP LOCKED`,
        [MAIL_REQUEUE_AFTER_HOURS, BATCH],
      );
      if (rows.length) {
        const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
        await boss.insert(
          rows.map((r) => ({ name: QUEUES.mail, data: { id: r.id } })),
          { db },
        );
        await client.query(`UPDATE "MailMessage" SET "enqueuedAt" = now() WHERE "id" = ANY($1::text[])`, [rows.map((r) => r.id)]);
      }
      await client.query('COMMIT');
      n = rows.length;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    total += n;
    if (n < BATCH) return total;
  }
}
