import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { mailFrom } from './config';

// The SMTP transport (nodemailer, pooled), one per SMTP_URL and process. Timeouts are short: a mail that cannot go now is
// retried by its job, and a delivery holds its row only for a short lease (lib/mail/delivery.ts).

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    // A small pool: a worker's batch of mails shares a few connections instead of opening one per mail.
    t = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 3,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
    transports.set(url, t);
  }
  return t;
}

export type OutgoingMail = { id: string; to: string; subject: string; text: string; html: string };

/** Hands one mail to the SMTP server; its Message-ID is fixed by the outbox row, so a resend is recognisable. */
export async function sendSmtp(url: string, mail: OutgoingMail): Promise<void> {
  await transportFor(url).sendMail({
    from: mailFrom(),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: `<${mail.id}@khcn-tasks>`,
    headers: { 'X-KHCN-Mail-Id': mail.id },
  });
}

/** Closes the pooled connections (tests, worker shutdown). */
export function closeTransports() {
  for (const t of transports.values()) t.close();
  transports.clear();
}
