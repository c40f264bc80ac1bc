import 'server-only';
import type { Tx } from '@/lib/server/db';
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

/** Writes the mails of `notices` inside `tx`; returns how many. */
export async function queueMails(tx: Tx, notices: readonly Notice[]): Promise<number> {
  if (mailMode() === 'off') return 0;
  const mailed = notices.filter((n) => mailCategoryOf(n.kind));
  if (mailed.length === 0) return 0;
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set(mailed.map((n) => n.userId))] }, active: true },
    select: { id: true, email: true, name: true, role: true, locale: true, mailOptOut: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
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
