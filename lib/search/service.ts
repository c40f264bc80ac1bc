import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { foldedMatch, taskMatch } from '@/lib/server/search';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/server/actor';
import { ZSearchQuery } from './schemas';

/** How many of each kind the header search lists; one more is read to know whether there are more. */
export const SEARCH_LIMIT = 8;

/** The rows of `ids` in that order (a row gone since is left out). */
function inOrder<T extends { id: string }>(ids: { id: string }[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap(({ id }) => byId.get(id) ?? []);
}

/**
 * The staff's search from the header: tasks (by code, title, principal investigator or host organization, drafts
 * never), organizations (by name) and people (by name or email), ignoring case and diacritics, each a short list.
 * Department roles only.
 */
export async function searchEverything(actor: Actor, rawQuery: unknown) {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const { q } = ZSearchQuery.parse(rawQuery ?? {});
  const inTask = taskMatch(q);
  const inOrganization = foldedMatch(q, [Prisma.sql`o."name"`]);
  const inUser = foldedMatch(q, [Prisma.sql`u."name"`, Prisma.sql`u."email"`]);
  if (!q || !inTask || !inOrganization || !inUser) return { q, tasks: [], organizations: [], people: [], more: null };
  const take = SEARCH_LIMIT + 1;
  const [taskIds, organizationIds, userIds] = await Promise.all([
    prisma.$queryRaw<{ id: string }[]>`
      SELECT t."id" FROM "Task" t
      WHERE t."status" <> 'DRAFT' AND ${inTask}
      ORDER BY t."updatedAt" DESC, t."id" ASC LIMIT ${take}`,
    prisma.$queryRaw<{ id: string }[]>`
      SELECT o."id" FROM "Organization" o WHERE ${inOrganization} ORDER BY o."name" ASC, o."id" ASC LIMIT ${take}`,
    prisma.$queryRaw<{ id: string }[]>`
      SELECT u."id" FROM "User" u WHERE ${inUser} ORDER BY u."name" ASC, u."id" ASC LIMIT ${take}`,
  ]);
  const [tasks, organizations, people] = await Promise.all([
    prisma.task.findMany({
      where: { id: { in: taskIds.slice(0, SEARCH_LIMIT).map((r) => r.id) } },
      select: { id: true, code: true, title: true, status: true, piName: true, hostOrganization: { select: { name: true } } },
    }),
    prisma.organization.findMany({
      where: { id: { in: organizationIds.slice(0, SEARCH_LIMIT).map((r) => r.id) } },
      select: { id: true, name: true, taxCode: true, status: true },
    }),
    prisma.user.findMany({
      where: { id: { in: userIds.slice(0, SEARCH_LIMIT).map((r) => r.id) } },
      select: { id: true, name: true, email: true, role: true, active: true, organization: { select: { name: true } } },
    }),
  ]);
  return {
    q,
    tasks: inOrder(taskIds.slice(0, SEARCH_LIMIT), tasks),
    organizations: inOrder(organizationIds.slice(0, SEARCH_LIMIT), organizations),
    people: inOrder(userIds.slice(0, SEARCH_LIMIT), people),
    more: {
      tasks: taskIds.length > SEARCH_LIMIT,
      organizations: organizationIds.length > SEARCH_LIMIT,
      people: userIds.length > SEARCH_LIMIT,
    },
  };
}
