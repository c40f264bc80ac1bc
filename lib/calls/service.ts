import 'server-only';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import type { Actor } from '@/lib/server/actor';
import { ZCall, ZUpdateCall } from './schemas';

const callSelect = {
  id: true,
  title: true,
  year: true,
  description: true,
  fields: true,
  opensAt: true,
  closesAt: true,
  _count: { select: { tasks: true } },
} as const;

/** Calls, newest first: every call for the department; for organizations too (they pick one in the form). */
export async function listCalls(actor: Actor) {
  if (!can(actor.role, 'department.view') && actor.role !== 'ORGANIZATION') throw new ForbiddenError();
  return prisma.call.findMany({ orderBy: [{ opensAt: 'desc' }, { id: 'asc' }], take: 200, select: callSelect });
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
  const call = await prisma.call.create({
    data: { ...input, description: input.description ?? '', createdById: actor.id },
    select: { id: true },
  });
  return { callId: call.id };
}

export async function updateCall(actor: Actor, raw: unknown) {
  if (!can(actor.role, 'calls.manage')) throw new ForbiddenError();
  const input = parseInput(ZUpdateCall, raw);
  const { count } = await prisma.call.updateMany({
    where: { id: input.callId },
    data: { ...input.call, description: input.call.description ?? '' },
  });
  if (count === 0) throw new NotFoundError();
  return { callId: input.callId };
}
