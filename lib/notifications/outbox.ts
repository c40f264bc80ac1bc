import 'server-only';
import type { Tx } from '@/lib/server/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { areaOf } from '@/lib/domain/roles';
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/format';
import { mailCategoryOf, mailPath, noticePath, wantsMail } from '@/lib/domain/mail';
import { appUrl, mailMode } from '@/lib/mail/config';
import { buildMail, mailTranslator } from '@/lib/mail/content';
import { seatLinks } from './seats';

// The e-mail outbox: the mails of some notices, written in the notices' own transaction (a rolled-back action
// mails nothing; a committed one's mails are never lost) for the recipients who receive that kind. The commit
// wakes the workers (PostgreSQL's NOTIFY is delivered at commit, dropped at rollback), which deliver them;
// a worker's sweep every minute picks up any it missed.

/** The channel the workers listen on for new mail (lib/jobs/worker.ts). */
export const MAIL_CHANNEL = 'khcn_mail';

export type Notice = {
  userId: string;
  kind: string;
  taskId: string | null;
  params: Record<string, unknown>;
  /** The reminder's key: its mail is keyed "mail:<key>", so it is written once. */
  dedupeKey?: string | null;
};

/** What a mail needs of its recipient: read with the recipients when the caller can (departmentRecipients). */
export const mailRecipientSelect = { id: true, email: true, name: true, role: true, locale: true, mailOptOut: true } as const;
export type MailRecipient = Prisma.UserGetPayload<{ select: typeof mailRecipientSelect }>;

/**
 * Writes the mails of `notices` inside `tx`; returns how many. `known` are recipients already read in this
 * transaction (active users, with mailRecipientSelect): when they cover every notice, the users are not read again.
 */
export async function queueMails(tx: Tx, notices: readonly Notice[], known: readonly MailRecipient[] = []): Promise<number> {
  if (mailMode() === 'off') return 0;
  const mailed = notices.filter((n) => mailCategoryOf(n.kind));
  if (mailed.length === 0) return 0;
  const byId = new Map(known.map((u) => [u.id, u]));
  const missing = [...new Set(mailed.map((n) => n.userId))].filter((id) => !byId.has(id));
  if (missing.length > 0) {
    const users = await tx.user.findMany({ where: { id: { in: missing }, active: true }, select: mailRecipientSelect });
    for (const u of users) byId.set(u.id, u);
  }
  const base = appUrl();
  const rows = [];
  for (const n of mailed) {
    const user = byId.get(n.userId);
    if (!user || !wantsMail(n.kind, user.mailOptOut)) continue;
    const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
    const area = areaOf(user.role);
    const seatPath = area === 'evaluator' && n.taskId ? await seatLinks(tx, user.id, [n.taskId]) : () => `/${area}`;
    const path = mailPath(area, n.kind, noticePath(area, n, seatPath));
    const content = buildMail(await mailTranslator(locale), locale, {
      kind: n.kind,
      params: n.params,
      name: user.name,
      link: `${base}${path}`,
      preferencesLink: `${base}/${area}/profile`,
    });
    rows.push({
      userId: user.id,
      kind: n.kind,
      to: user.email,
      locale,
      ...content,
      dedupeKey: n.dedupeKey ? `mail:${n.dedupeKey}` : null,
    });
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.mailMessage.createMany({ data: rows, skipDuplicates: true });
  await tx.$executeRaw`SELECT pg_notify(${MAIL_CHANNEL}, '')`;
  return count;
}
