import 'server-only';
import { prisma } from '@/lib/server/db';
import { crashPoint } from '@/lib/server/crash-point';
import { mailMode } from './config';
import { sendSmtp } from './transport';

// Delivering one outbox row: the worker's "mail" job (lib/jobs/worker.ts) calls it with the row's id. A delivery
// first takes the row for a short lease (so two workers, or two jobs of one mail, never send it together), then
// sends, then marks it SENT. A failure releases the lease, keeps the error (never the body nor a credential) and
// throws so that the job is retried with backoff; the last try marks the row FAILED. A worker killed between the send
// and the SENT mark sends that mail again once its lease ends (at least once): the copies share the row's
// Message-ID (lib/mail/transport.ts), by which a mail client or the test (tests/integration/mail-durability.test.ts)
// tells them for one.

/**
 * How long a delivery holds its row: longer than nodemailer's timeouts, shorter than the job's expiry (lib/jobs/queue.ts,
 * QUEUE_TIMING), so that the job of a worker killed mid-send, retried when it expires, finds the mail free.
 */
export const MAIL_LEASE_MS = 2 * 60_000;

export class MailDeliveryError extends Error {}

/** An error as stored and logged: its message only, credentials in a URL masked, bounded. */
export function describeMailError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***:***@').slice(0, 500);
}

export type DeliveryOutcome = 'sent' | 'done-already';

/** `leaseMs`: MAIL_LEASE_MS but where a test kills a worker and would not wait minutes for the retry. */
export async function deliverMail(
  id: string,
  opts: { lastAttempt: boolean; now?: () => Date; leaseMs?: number },
): Promise<DeliveryOutcome> {
  const now = opts.now ?? (() => new Date());
  const at = now();
  const claimed = await prisma.mailMessage.updateMany({
    where: { id, status: 'QUEUED', OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] },
    data: { lockedUntil: new Date(at.getTime() + (opts.leaseMs ?? MAIL_LEASE_MS)), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) {
    const row = await prisma.mailMessage.findUnique({ where: { id }, select: { status: true } });
    // Sent or failed already, or gone: nothing to do. Under way elsewhere: come back later (the job's retry).
    if (!row || row.status !== 'QUEUED') return 'done-already';
    throw new MailDeliveryError('mail delivery under way elsewhere');
  }
  const mail = await prisma.mailMessage.findUniqueOrThrow({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, html: true },
  });
  const mode = mailMode();
  try {
    if (mode === 'smtp') await sendSmtp(process.env.SMTP_URL!, mail);
    else if (mode === 'off') throw new MailDeliveryError('no mail transport: SMTP_URL is not set');
    // 'dev': the row itself is the delivered mail, read at /department/dev/mailbox.
  } catch (e) {
    const lastError = describeMailError(e);
    await prisma.mailMessage.update({
      where: { id },
      data: { lockedUntil: null, lastError, ...(opts.lastAttempt ? { status: 'FAILED' as const } : {}) },
    });
    throw new MailDeliveryError(lastError);
  }
  // The worst moment to die: the server has the mail, the row does not say so (a test kills the worker here).
  await crashPoint('mail:sent');
  await prisma.mailMessage.update({
    where: { id },
    data: { status: 'SENT', sentAt: now(), transport: mode, lockedUntil: null, lastError: null },
  });
  return 'sent';
}
