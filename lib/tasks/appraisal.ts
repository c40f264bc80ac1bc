import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ValidationError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { appraisalTotals } from '@/lib/domain/appraisal';
import { departmentRecipients, notify, organizationRecipients } from '@/lib/notifications/service';
import { runTransition } from '@/lib/workflow/transition';
import { approvalPlan, notifyApproved } from './service';
import { ZApproveAppraised, ZAppraise, ZRequireRevision, ZTaskRef } from './schemas';

// After the selection decision (domain.md phase 2 step 6): the department may require the selected dossier's
// revision per the council's conclusions (the organization sends the revised detailed proposal back), then the
// appraisal group records the content remarks and the state budget item by item; the leader's approval takes its
// amounts from the appraisal. Every step is a move of the one task table, through runTransition.

/** The department requires the selected dossier to be revised (what to revise, from the council's conclusions). */
export async function requireRevision(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZRequireRevision, raw);
  return runTransition(
    actor,
    input,
    'requireRevision',
    () => ({ data: { revisionRequestedAt: now, revisionNote: input.note, revisedAt: null }, note: input.note }),
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskRevisionRequired', task.id, { title: task.title });
    },
  );
}

/** The organization sends its revised dossier back: a detailed proposal uploaded since the revision was required. */
export async function submitRevision(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZTaskRef, raw);
  return runTransition(
    actor,
    input,
    'submitRevision',
    async (task, tx) => {
      const { revisionRequestedAt } = await tx.task.findUniqueOrThrow({ where: { id: task.id }, select: { revisionRequestedAt: true } });
      const revised = await tx.attachment.count({
        where: { taskId: task.id, kind: 'PROPOSAL_DOC', ...(revisionRequestedAt && { createdAt: { gte: revisionRequestedAt } }) },
      });
      if (revised === 0) throw new ValidationError('revisedProposalMissing', { attachments: ['validation.revisedProposalMissing'] });
      return { data: { revisedAt: now } };
    },
    async (task, tx) => {
      await notify(tx, await departmentRecipients(tx), 'taskRevised', task.id, { title: task.title });
    },
  );
}

/**
 * The appraisal of the selected dossier: remarks, the state budget per item, the duration. The approved state
 * budget is the items' sum, never above the dossier's requested state budget without a reason.
 */
export async function appraiseTask(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZAppraise, raw);
  return runTransition(actor, input, 'appraise', async (task, tx) => {
    const { budgetState } = await tx.task.findUniqueOrThrow({ where: { id: task.id }, select: { budgetState: true } });
    const requested = budgetState ?? 0n;
    const totals = appraisalTotals(input.items, requested);
    if (totals.approved <= 0n) throw new ValidationError('invalidInput', { items: ['validation.appraisalZero'] });
    if (totals.aboveRequest && !input.overRequestReason)
      throw new ValidationError('invalidInput', { overRequestReason: ['validation.appraisalAboveRequest'] });
    const data = {
      contentRemarks: input.contentRemarks,
      items: input.items.map((i) => ({
        name: i.name,
        requested: Number(i.requested),
        appraised: Number(i.appraised),
      })) as Prisma.InputJsonValue,
      requestedStateBudget: requested,
      approvedStateBudget: totals.approved,
      approvedDurationMonths: input.approvedDurationMonths,
      overRequestReason: totals.aboveRequest ? (input.overRequestReason ?? null) : null,
      appraisedById: actor.id,
      appraisedAt: now,
    };
    await tx.appraisal.upsert({ where: { taskId: task.id }, create: { taskId: task.id, ...data }, update: data });
    return { internalNote: input.contentRemarks };
  });
}

/** The leader approves an appraised dossier: the decision; budget and duration are the appraisal's. */
export async function approveAppraised(actor: Actor, raw: unknown) {
  const input = parseInput(ZApproveAppraised, raw);
  return runTransition(
    actor,
    input,
    'approve',
    async (task, tx) => {
      const appraisal = await tx.appraisal.findUnique({
        where: { taskId: task.id },
        select: { approvedStateBudget: true, approvedDurationMonths: true },
      });
      if (task.status !== 'APPRAISED' || !appraisal) throw new ValidationError('appraisalRequired');
      return approvalPlan(tx, task, null, {
        decisionNo: input.decisionNo,
        decisionDate: input.decisionDate,
        approvedBudget: appraisal.approvedStateBudget,
        approvedDurationMonths: appraisal.approvedDurationMonths,
        note: input.note,
      });
    },
    notifyApproved,
  );
}
