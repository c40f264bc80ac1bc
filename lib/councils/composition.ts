import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import { ValidationError } from '@/lib/server/errors';
import { compositionErrors, ineligibility, type Position, type TaskParties } from '@/lib/domain/council-rules';
import type { Settings } from '@/lib/domain/settings';

/**
 * The members of a council being formed (any stage), read from the database and checked against the composition
 * and conflict rules: every one an active evaluator, one chair, two reviewers, one secretary, size within the
 * settings, nobody barred by the parties. Refused with the error on the member (or on the list) and nothing
 * written; otherwise the candidates, ready to be created.
 */
export async function checkedMembers(tx: Tx, members: { userId: string; position: Position }[], parties: TaskParties, settings: Settings) {
  const users = await tx.user.findMany({
    where: { id: { in: members.map((m) => m.userId) }, role: 'EVALUATOR', active: true },
    select: { id: true, name: true, email: true, evaluatorProfile: { select: { organizationId: true } } },
  });
  if (users.length !== new Set(members.map((m) => m.userId)).size)
    throw new ValidationError('invalidInput', { members: ['validation.evaluatorUnknown'] });
  const byId = new Map(users.map((u) => [u.id, u]));
  const candidates = members.map((m) => {
    const u = byId.get(m.userId)!;
    return { userId: u.id, name: u.name, email: u.email, organizationId: u.evaluatorProfile?.organizationId ?? null, position: m.position };
  });
  const errors = compositionErrors(candidates, parties, settings);
  if (errors.length) {
    const fieldErrors: Record<string, string[]> = {};
    for (const e of errors) {
      if (e.code === 'ineligible') (fieldErrors[`member.${e.userId}`] ??= []).push(`validation.ineligible.${e.reason}`);
      else (fieldErrors.members ??= []).push(`validation.council.${e.code}`);
    }
    throw new ValidationError('councilInvalid', fieldErrors, { min: settings.councilSizeMin, max: settings.councilSizeMax });
  }
  return candidates;
}

/** The active evaluators a council may be formed from, by name, with their field, expertise and organization. */
export async function activeEvaluators() {
  const evaluators = await prisma.user.findMany({
    where: { role: 'EVALUATOR', active: true },
    orderBy: { name: 'asc' },
    take: 500,
    select: {
      id: true,
      name: true,
      email: true,
      evaluatorProfile: { select: { field: true, expertise: true, affiliation: true, organizationId: true } },
    },
  });
  return evaluators.map((e) => ({
    id: e.id,
    name: e.name,
    email: e.email,
    field: e.evaluatorProfile?.field ?? null,
    expertise: e.evaluatorProfile?.expertise ?? '',
    affiliation: e.evaluatorProfile?.affiliation ?? '',
    organizationId: e.evaluatorProfile?.organizationId ?? null,
  }));
}

/** The pool for a council: every active evaluator with the reason they may not sit with these parties (or null). */
export async function evaluatorPool(parties: TaskParties) {
  return (await activeEvaluators()).map(({ organizationId, ...e }) => ({
    ...e,
    ineligible: ineligibility({ userId: e.id, organizationId, email: e.email, name: e.name }, parties),
  }));
}
