import 'server-only';
import { prisma } from '@/lib/server/db';
import { NotFoundError } from '@/lib/server/errors';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/server/actor';
import { devMailboxEnabled, mailMode } from './config';

export const MAILBOX_PAGE_SIZE = 20;

/**
 * The development mailbox: every mail the app wrote, newest first, with its text. The leader's alone, and only
 * where it is enabled (outside production, or MAIL_DEV_MAILBOX=1): to anyone else, and in production, it does
 * not exist (404).
 */
export async function listDevMailbox(actor: Actor, page = 1) {
  if (!devMailboxEnabled() || !can(actor.role, 'mail.devMailbox')) throw new NotFoundError();
  const current = Math.max(1, page);
  const [total, rows] = await Promise.all([
    prisma.mailMessage.count(),
    prisma.mailMessage.findMany({
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      skip: (current - 1) * MAILBOX_PAGE_SIZE,
      take: MAILBOX_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        to: true,
        locale: true,
        subject: true,
        text: true,
        status: true,
        attempts: true,
        lastError: true,
        transport: true,
        createdAt: true,
        sentAt: true,
      },
    }),
  ]);
  return { total, page: current, pageSize: MAILBOX_PAGE_SIZE, rows, mode: mailMode() };
}
