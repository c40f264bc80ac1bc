import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { DEFAULT_SETTINGS, ZSettings, type Settings } from '@/lib/domain/settings';
import type { Actor } from '@/lib/server/actor';
import { changedFields, recordAudit } from '@/lib/audit/record';

const KEY = 'department';

/** The department's settings: the stored ones over the defaults (a stored value that no longer parses is ignored). */
export async function getSettings(db: Tx | typeof prisma = prisma): Promise<Settings> {
  const row = await db.setting.findUnique({ where: { key: KEY }, select: { value: true } });
  if (!row) return DEFAULT_SETTINGS;
  const parsed = ZSettings.safeParse({ ...DEFAULT_SETTINGS, ...(row.value as object) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The leader changes the settings; the audit row keeps the values that changed, before and after. */
export async function updateSettings(actor: Actor, raw: unknown): Promise<Settings> {
  if (!can(actor.role, 'settings.manage')) throw new ForbiddenError();
  const settings = parseInput(ZSettings, raw);
  return prisma.$transaction(async (tx) => {
    // The row's lock (when it exists) orders two leaders saving at once, so each audit row's "before" is exact.
    await tx.$queryRaw`SELECT 1 FROM "Setting" WHERE "key" = ${KEY} FOR UPDATE`;
    const previous = await getSettings(tx);
    await tx.setting.upsert({
      where: { key: KEY },
      create: { key: KEY, value: settings, updatedById: actor.id },
      update: { value: settings, updatedById: actor.id },
    });
    await recordAudit(tx, actor, { action: 'settings.update', entityType: 'Setting', entityId: KEY, ...changedFields(previous, settings) });
    return settings;
  });
}
