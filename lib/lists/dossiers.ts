import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import { ForbiddenError, ValidationError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { LIVE_DOSSIER_EXCLUDED } from '@/lib/domain/listed-task-workflow';

// Dossiers for listed tasks (domain.md phase 2 step 4): a listed task open in a selection notice receives
// dossiers from any eligible organization when put to selection, from the named organization alone when assigned
// directly. One live dossier per organization and listed task. An organization never learns anything of the
// other dossiers (not even their number).

/**
 * Whether this organization user may have a dossier for the listed task: open in a notice; for direct assignment,
 * only the named organization (others are refused); not a second live dossier of the same organization. Returns
 * the notice the dossier then answers (null: it keeps its own) and the program the dossier then belongs to (the
 * listed task's; null: the dossier's own choice).
 */
export async function dossierTarget(tx: Tx, actor: Actor, listedTaskId: string, taskId?: string) {
  const listed = await tx.listedTask.findUnique({
    where: { id: listedTaskId },
    select: { id: true, status: true, callId: true, method: true, directOrganizationId: true, programId: true },
  });
  // (A listed task made from an older dossier has no notice of its own: its dossier keeps its call.)
  if (!listed || listed.status !== 'OPEN') throw new ValidationError('invalidInput', { listedTaskId: ['validation.listedNotOpen'] });
  if (listed.method === 'DIRECT' && listed.directOrganizationId !== actor.organizationId) throw new ForbiddenError('directAssignmentOnly');
  const other = await tx.task.findFirst({
    where: {
      listedTaskId,
      hostOrganizationId: actor.organizationId!,
      status: { notIn: [...LIVE_DOSSIER_EXCLUDED] },
      ...(taskId ? { id: { not: taskId } } : {}),
    },
    select: { id: true },
  });
  if (other) throw new ValidationError('invalidInput', { listedTaskId: ['validation.dossierExists'] });
  return { callId: listed.callId, programId: listed.programId };
}

/**
 * The listed tasks an organization may register a dossier for now: open in a notice that is open now; each says
 * whether this organization may apply (selection, or assigned directly to it) and its own dossier if it has one.
 */
export async function listOpenListedTasks(actor: Actor, now = new Date()) {
  if (!can(actor.role, 'tasks.propose') || !actor.organizationId) throw new ForbiddenError();
  const organizationId = actor.organizationId;
  const rows = await prisma.listedTask.findMany({
    where: { status: 'OPEN', call: { opensAt: { lte: now }, closesAt: { gte: now } } },
    orderBy: [{ code: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      code: true,
      title: true,
      field: true,
      objectives: true,
      products: true,
      method: true,
      durationMonths: true,
      budgetEstimate: true,
      programId: true,
      directOrganizationId: true,
      directOrganization: { select: { name: true } },
      call: { select: { id: true, title: true, closesAt: true } },
      dossiers: {
        where: { hostOrganizationId: organizationId, status: { notIn: [...LIVE_DOSSIER_EXCLUDED] } },
        select: { id: true, status: true },
        take: 1,
      },
    },
  });
  return rows.map(({ dossiers, directOrganizationId, ...r }) => ({
    ...r,
    mayApply: r.method === 'SELECTION' || directOrganizationId === organizationId,
    ownDossier: dossiers[0] ?? null,
  }));
}

export type OpenListedTask = Awaited<ReturnType<typeof listOpenListedTasks>>[number];

/** The listed task a dossier already answers, as the form offers it (even when it no longer receives dossiers). */
export async function listedTaskOption(listedTaskId: string) {
  return prisma.listedTask.findUnique({
    where: { id: listedTaskId },
    select: { id: true, code: true, title: true, programId: true, call: { select: { id: true, title: true, closesAt: true } } },
  });
}
