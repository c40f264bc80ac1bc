import 'server-only';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/server/actor';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { ZCall, ZUpdateCall, type CallKind } from './schemas';

const callSelect = {
  id: true,
  kind: true,
  title: true,
  year: true,
  description: true,
  fields: true,
  opensAt: true,
  closesAt: true,
  _count: { select: { tasks: true, needs: true } },
} as const;

/**
 * Calls, newest first, of one kind or both: every call for the department; for organizations too (they pick a
 * selection notice in the proposal form and a needs call in the needs proposal form).
 */
export async function listCalls(actor: Actor, kind?: CallKind) {
  if (!can(actor.role, 'calls.view')) throw new ForbiddenError();
  return prisma.call.findMany({
    where: kind ? { kind } : {},
    orderBy: [{ opensAt: 'desc' }, { id: 'asc' }],
    take: 200,
    select: callSelect,
  });
}

export async function getCall(actor: Actor, rawId: string) {
  const callId = idOrNotFound(rawId);
  if (!can(actor.role, 'calls.manage')) throw new ForbiddenError();
  const call = await prisma.call.findUnique({ where: { id: callId }, select: callSelect });
  if (!call) throw new NotFoundError();
  return call;
}

export async function createCall(actor: Actor, raw: unknown) {
  if (!can(actor.role, 'calls.manage')) throw new ForbiddenError();
  const input = parseInput(ZCall, raw);
  const data = { ...input, description: input.description ?? '' };
  return prisma.$transaction(async (tx) => {
    const call = await tx.call.create({ data: { ...data, createdById: actor.id }, select: { id: true } });
    await recordAudit(tx, actor, { action: 'call.create', entityType: 'Call', entityId: call.id, after: data });
    return { callId: call.id };
  });
}

export async function updateCall(actor: Actor, raw: unknown) {
  if (!can(actor.role, 'calls.manage')) throw new ForbiddenError();
  const { callId, kind: _kind, ...call } = parseInput(ZUpdateCall, raw);
  const input = { callId };
  const data = { ...call, description: call.description ?? '' };
  return prisma.$transaction(async (tx) => {
    // The row's lock orders two updates at once, so the audit row's "before" is what this change replaced.
    await tx.$queryRaw`SELECT 1 FROM "Call" WHERE "id" = ${input.callId} FOR UPDATE`;
    const previous = await tx.call.findUnique({
      where: { id: input.callId },
      select: { title: true, year: true, description: true, fields: true, opensAt: true, closesAt: true },
    });
    if (!previous) throw new NotFoundError();
    await tx.call.update({ where: { id: input.callId }, data });
    const changed = changedFields(previous, { ...previous, ...data });
    await recordAudit(tx, actor, { action: 'call.update', entityType: 'Call', entityId: input.callId, ...changed });
    return { callId: input.callId };
  });
}
