import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma, type Tx } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import { AFTER_ACCEPTANCE_KINDS } from '@/lib/domain/attachment-rules';
import { can } from '@/lib/domain/permissions';
import { yearInVietnam } from '@/lib/domain/format';
import { parseYearRange, type YearRange } from '@/lib/domain/statistics';
import { figureConditions } from '@/lib/statistics/figures';
import { inBatches } from '@/lib/domain/batches';
import { checkTransition, EDITABLE_BY_ORGANIZATION } from '@/lib/domain/workflow';
import { decisionBlock, type Decision, type DecisionBlock } from '@/lib/domain/decisions';
import { acceptanceCameLate } from '@/lib/domain/deadlines';
import { departmentRecipients, notify, organizationRecipients } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { councilResult } from '@/lib/councils/result';
import type { Actor } from '@/lib/server/actor';
import { logAccess, logDossierOfAnyTask } from '@/lib/audit/record';
import { taskMatch, taskPage } from '@/lib/server/search';
import { seesEveryTask, taskScope } from '@/lib/workflow/scope';
import { bumpVersion, runTransition, type TaskRow, type TransitionPlan } from '@/lib/workflow/transition';
import {
  ZReadyToSubmit,
  ZAcceptanceDecision,
  ZApprove,
  ZContract,
  ZCreateTask,
  ZFail,
  ZQueueFilter,
  type QueueFilter,
  type QueueSort,
  ZReject,
  ZRequestAcceptance,
  ZReturn,
  ZTaskRef,
  ZTerminate,
  ZUpdateTask,
  ZWithdraw,
} from './schemas';
import { fieldErrorsOf, type output } from '@/lib/domain/zod';
import { storedTaskSelect, taskToFormValues, type StoredTask } from './form-values';
import { listSelect } from './queries';
import { dossierTarget } from '@/lib/lists/dossiers';
import { assertProgramChoice } from '@/lib/programs/service';
import { isEnterpriseSupport } from '@/lib/domain/task-status';

function assertProposer(actor: Actor) {
  if (!can(actor.role, 'tasks.propose') || !actor.organizationId) throw new ForbiddenError();
  if (actor.organizationStatus !== 'ACTIVE') throw new ForbiddenError('organizationNotVerified');
}

type Content = Omit<output<typeof ZCreateTask>, 'partnerOrganizationIds'> & { partnerOrganizationIds: string[] };

/** The proposal's content as rows of the task: what is absent is stored as null; partners are checked. */
async function contentData(
  tx: Tx,
  actor: Actor,
  { partnerOrganizationIds, keyMembers, expectedProducts, partnerNames, ...fields }: Content,
  current?: { id: string; programId: string | null },
) {
  // A dossier for a listed task answers the notice the task is open in (and only an eligible organization's), and
  // belongs to the listed task's program (or none); any other dossier may name a program active this year.
  if (fields.listedTaskId) {
    const target = await dossierTarget(tx, actor, fields.listedTaskId, current?.id);
    fields.callId = target.callId ?? fields.callId;
    fields.programId = target.programId ?? undefined;
  } else {
    fields.programId = (await assertProgramChoice(tx, fields.programId, current?.programId ?? null)) ?? undefined;
  }
  // The beneficiary enterprise and the support amount belong to the enterprise support kinds only.
  if (!isEnterpriseSupport(fields.type)) {
    fields.beneficiaryEnterprise = undefined;
    fields.supportAmount = undefined;
  }
  // A dossier answers a selection notice, never a needs call; its year is the notice's.
  const call = fields.callId ? await tx.call.findFirst({ where: { id: fields.callId, kind: 'SELECTION' }, select: { year: true } }) : null;
  if (fields.callId && !call) throw new ValidationError('invalidInput', { callId: ['validation.choose'] });
  const partners = [...new Set(partnerOrganizationIds.filter((id) => id !== actor.organizationId))];
  if (partners.length) {
    const found = await tx.organization.count({ where: { id: { in: partners }, status: 'ACTIVE' } });
    if (found !== partners.length) throw new ValidationError('invalidInput', { partnerOrganizationIds: ['validation.choose'] });
  }
  const nulls = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v ?? null])) as {
    [K in keyof typeof fields]-?: Exclude<(typeof fields)[K], undefined> | null;
  };
  return {
    scalar: {
      ...nulls,
      title: fields.title,
      partnerNames,
      keyMembers: keyMembers as Prisma.InputJsonValue,
      expectedProducts: expectedProducts as Prisma.InputJsonValue,
    },
    partners,
    callYear: call?.year ?? null,
  };
}

/** An organization user starts a proposal: a DRAFT of their own organization, with its "create" event. */
export async function createDraft(actor: Actor, raw: unknown) {
  assertProposer(actor);
  const content = parseInput(ZCreateTask, raw);
  // The workflow table says what a new proposal is, and who may create one.
  const created = checkTransition(null, 'create', actor.role);
  if (!created.ok) throw new ForbiddenError('transitionRole');
  return prisma.$transaction(async (tx) => {
    const { scalar, partners, callYear } = await contentData(tx, actor, content);
    const task = await tx.task.create({
      data: {
        ...scalar,
        year: callYear ?? yearInVietnam(new Date()) + 1,
        hostOrganizationId: actor.organizationId!,
        createdById: actor.id,
        status: created.to,
        // (No nested write when there is no partner: the insert is then one statement.)
        ...(partners.length > 0 && { partnerOrganizations: { connect: partners.map((id) => ({ id })) } }),
      },
      select: { id: true, version: true },
    });
    await tx.taskEvent.create({ data: { taskId: task.id, actorId: actor.id, action: 'create', fromStatus: null, toStatus: created.to } });
    return { taskId: task.id, version: task.version };
  });
}

/** Edits the proposal while it is a DRAFT or RETURNED, naming the version the user loaded. */
export async function updateDraft(actor: Actor, raw: unknown) {
  assertProposer(actor);
  const { taskId, version, ...content } = parseInput(ZUpdateTask, raw);
  return prisma.$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: taskId, ...taskScope(actor) },
      select: { id: true, status: true, programId: true },
    });
    if (!task) throw new NotFoundError();
    if (!EDITABLE_BY_ORGANIZATION.includes(task.status)) throw new ValidationError('notEditable');
    const { scalar, partners, callYear } = await contentData(tx, actor, content, task);
    const next = await bumpVersion(tx, task.id, version, EDITABLE_BY_ORGANIZATION, { ...scalar, ...(callYear ? { year: callYear } : {}) });
    await tx.task.update({ where: { id: task.id }, data: { partnerOrganizations: { set: partners.map((id) => ({ id })) } } });
    return { taskId: task.id, version: next };
  });
}

/** What of a stored proposal keeps it from being submitted: field messages by path (empty when it is ready). */
export function submissionProblems(
  stored: StoredTask & { field: string | null; call: { fields: string[]; _count: { listedTasks: number } } | null; proposalDocs: number },
): Record<string, string[]> {
  const parsed = ZReadyToSubmit.safeParse(taskToFormValues(stored));
  const problems = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (stored.proposalDocs === 0) problems.attachments = ['validation.proposalDocMissing'];
  // A call may be limited to some fields of science.
  if (stored.call?.fields.length && stored.field && !stored.call.fields.includes(stored.field))
    (problems.field ??= []).push('validation.fieldNotInCall');
  // A notice over listed tasks receives dossiers for one of them.
  if (stored.call?._count.listedTasks && !stored.listedTaskId) problems.listedTaskId = ['validation.chooseListedTask'];
  return problems;
}

/** What submissionProblems reads of a task. */
export const submissionSelect = {
  ...storedTaskSelect,
  call: { select: { id: true, opensAt: true, closesAt: true, fields: true, _count: { select: { listedTasks: true } } } },
  _count: { select: { attachments: { where: { kind: 'PROPOSAL_DOC' as const } } } },
} as const;

/** Submit (DRAFT) or resubmit (RETURNED): ready to submit (ZReadyToSubmit), the detailed proposal, an open call. */
export async function submitTask(actor: Actor, raw: unknown, now = new Date()) {
  const ref = parseInput(ZTaskRef, raw);
  return runTransition(
    actor,
    ref,
    (status) => (status === 'RETURNED' ? 'resubmit' : 'submit'),
    async (stored, tx) => {
      const problems = submissionProblems({ ...stored, proposalDocs: stored._count.attachments });
      if (Object.keys(problems).length) throw new ValidationError('submissionIncomplete', problems);
      if (stored.call && (now < stored.call.opensAt || now > stored.call.closesAt)) {
        throw new ValidationError(now > stored.call.closesAt ? 'callClosed' : 'callNotOpen');
      }
      // Still open, still this organization's to answer (a direct assignment), still its only dossier.
      if (stored.listedTaskId) await dossierTarget(tx, actor, stored.listedTaskId, stored.id);
      return { data: { submittedAt: now } };
    },
    async (task, tx) => {
      await notify(tx, await departmentRecipients(tx), 'proposalSubmitted', task.id, { title: task.title });
    },
    submissionSelect, // read with the task, under its lock
  );
}

export async function withdrawTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZWithdraw, raw);
  return runTransition(
    actor,
    input,
    'withdraw',
    async (task, tx) => {
      // A proposal council formed before the withdrawal stops work on it.
      await tx.council.updateMany({ where: { taskId: task.id, status: 'ACTIVE' }, data: { status: 'CLOSED', closedAt: new Date() } });
      return { note: input.reason, data: { closedAt: new Date() } };
    },
    async (task, tx) => {
      if (task.status !== 'DRAFT') await notify(tx, await departmentRecipients(tx), 'taskWithdrawn', task.id, { title: task.title });
    },
  );
}

export async function returnTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZReturn, raw);
  return runTransition(
    actor,
    input,
    'return',
    async (task, tx) => {
      // The council judged the content now sent back: it stops, and the revised proposal gets a council of its own.
      await tx.council.updateMany({ where: { taskId: task.id, status: 'ACTIVE' }, data: { status: 'CLOSED', closedAt: new Date() } });
      return { note: input.comment };
    },
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskReturned', task.id, { title: task.title });
    },
  );
}

/** Start review: the proposal council must have been formed. */
export async function startReview(actor: Actor, raw: unknown) {
  const input = parseInput(ZTaskRef, raw);
  return runTransition(actor, input, 'startReview', async (task, tx) => {
    const council = await tx.council.findFirst({ where: { taskId: task.id, stage: 'PROPOSAL', status: 'ACTIVE' }, select: { id: true } });
    if (!council) throw new ValidationError('councilRequired');
    return {};
  });
}

/** The service's message for each reason a decision is refused (lib/domain/decisions.ts). */
const BLOCK_MESSAGE: Record<DecisionBlock['code'], string> = {
  noCouncil: 'councilRequired',
  quorum: 'quorumNotMet',
  meeting: 'meetingNotValid',
  gradeFail: 'gradeIsFail',
  gradeNotFail: 'gradeIsPass',
};

/** The active council of the decision's stage and its result, when the decision may be taken on it. */
async function requireDecidable(tx: Tx, taskId: string, decision: Decision) {
  const stage = decision === 'approve' || decision === 'reject' ? 'PROPOSAL' : 'ACCEPTANCE';
  const council = await tx.council.findFirst({ where: { taskId, stage, status: 'ACTIVE' }, select: { id: true, listedTaskId: true } });
  // A dossier judged by a selection council is decided with the other dossiers of its listed task.
  if (council?.listedTaskId) throw new ValidationError('decideOnListedTask');
  const result = council ? await councilResult(council.id, tx) : null;
  const block = decisionBlock(
    decision,
    result && { quorum: result.quorum, meeting: result.meeting, grade: result.stage === 'ACCEPTANCE' ? result.grade : undefined },
  );
  if (block)
    throw new ValidationError(
      BLOCK_MESSAGE[block.code],
      {},
      block.code === 'quorum' ? { submitted: block.submitted, required: block.required } : {},
    );
  return { councilId: council!.id, result: result! };
}

async function nextCode(tx: Tx, year: number) {
  const counter = await tx.taskCodeCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
  return `KHCN-${year}-${String(counter.last).padStart(3, '0')}`;
}

export type ApprovalDecision = Pick<
  output<typeof ZApprove>,
  'decisionNo' | 'decisionDate' | 'approvedBudget' | 'approvedDurationMonths' | 'note'
>;

/**
 * What approving a dossier writes (its council closed, its code, the decision, the approved budget and duration),
 * and the host organization's notice: one place for the single dossier's approval and a listed task's selection.
 */
export async function approvalPlan(tx: Tx, task: TaskRow, councilId: string | null, input: ApprovalDecision): Promise<TransitionPlan> {
  if (councilId) await tx.council.update({ where: { id: councilId }, data: { status: 'CLOSED', closedAt: new Date() } });
  const code = task.code ?? (await nextCode(tx, input.decisionDate.getUTCFullYear()));
  return {
    data: {
      code,
      approvalDecisionNo: input.decisionNo,
      approvalDecisionDate: input.decisionDate,
      approvedBudget: input.approvedBudget,
      approvedDurationMonths: input.approvedDurationMonths,
    },
    note: input.note ?? null,
  };
}

export async function notifyApproved(task: TaskRow, tx: Tx) {
  await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskApproved', task.id, { title: task.title });
}

/** Approve (admin): decision number and date, approved budget and duration; the task gets its code. */
export async function approveTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZApprove, raw);
  return runTransition(
    actor,
    input,
    'approve',
    async (task, tx) => {
      // An appraised dossier is approved with the appraisal's amounts (approveAppraised), not amounts typed here.
      if (task.status === 'APPRAISED') throw new ValidationError('approveWithAppraisal');
      return approvalPlan(tx, task, (await requireDecidable(tx, task.id, 'approve')).councilId, input);
    },
    notifyApproved,
  );
}

export async function rejectTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZReject, raw);
  return runTransition(
    actor,
    input,
    'reject',
    async (task, tx) => {
      const { councilId } = await requireDecidable(tx, task.id, 'reject');
      await tx.council.update({ where: { id: councilId }, data: { status: 'CLOSED', closedAt: new Date() } });
      return { note: input.reason, data: { closedAt: new Date() } };
    },
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskRejected', task.id, { title: task.title });
    },
  );
}

/** Record the contract (staff or admin): the task starts RUNNING. */
export async function contractTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZContract, raw);
  return runTransition(
    actor,
    input,
    'contract',
    (task) => {
      if (task.approvedBudget !== null && input.fundedAmount > task.approvedBudget) {
        throw new ValidationError('invalidInput', { fundedAmount: ['validation.fundedAboveApproved'] });
      }
      return {
        data: {
          contractNo: input.contractNo,
          contractSignedAt: input.signedAt,
          startDate: input.startDate,
          endDate: input.endDate,
          originalEndDate: input.endDate,
          fundedAmount: input.fundedAmount,
        },
      };
    },
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'contractSigned', task.id, { title: task.title });
    },
  );
}

export async function terminateTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZTerminate, raw);
  return runTransition(
    actor,
    input,
    'terminate',
    async (task, tx) => {
      await tx.council.updateMany({ where: { taskId: task.id, status: 'ACTIVE' }, data: { status: 'CLOSED', closedAt: new Date() } });
      // An extension still waiting for a decision has nothing left to extend.
      await tx.extensionRequest.updateMany({
        where: { taskId: task.id, status: 'PENDING' },
        data: { status: 'REJECTED', decisionNote: input.reason, decidedById: actor.id, decidedAt: new Date() },
      });
      return { note: input.reason, data: { closedAt: new Date() } };
    },
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskTerminated', task.id, { title: task.title });
    },
  );
}

/** The host organization asks for acceptance with its final report, self-assessment and product evidence. */
export async function requestAcceptance(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZRequestAcceptance, raw);
  return runTransition(
    actor,
    input,
    'requestAcceptance',
    async (task, tx) => {
      const kinds = await tx.attachment.groupBy({
        by: ['kind'],
        where: { taskId: task.id, kind: { in: ['FINAL_REPORT', 'PRODUCT_EVIDENCE'] } },
        _count: { _all: true },
      });
      const has = new Set(kinds.map((k) => k.kind));
      const fieldErrors: Record<string, string[]> = {};
      if (!has.has('FINAL_REPORT')) fieldErrors.finalReport = ['validation.finalReportMissing'];
      if (!has.has('PRODUCT_EVIDENCE')) fieldErrors.productEvidence = ['validation.productEvidenceMissing'];
      if (Object.keys(fieldErrors).length) throw new ValidationError('acceptanceIncomplete', fieldErrors);
      const pending = await tx.extensionRequest.count({ where: { taskId: task.id, status: 'PENDING' } });
      if (pending) throw new ValidationError('extensionPending');
      return { data: { acceptanceRequestedAt: now, finalReportSummary: input.finalReportSummary, selfAssessment: input.selfAssessment } };
    },
    async (task, tx) => {
      await notify(tx, await departmentRecipients(tx), 'acceptanceRequested', task.id, { title: task.title });
    },
  );
}

/** Accept (admin) with the acceptance council's grade, downgraded when the dossier came late. */
export async function acceptTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZAcceptanceDecision, raw);
  return runTransition(
    actor,
    input,
    'accept',
    async (task, tx) => {
      const { councilId, result } = await requireDecidable(tx, task.id, 'accept');
      if (result.stage !== 'ACCEPTANCE' || !result.grade) throw new ValidationError('gradeIsFail');
      await tx.council.update({ where: { id: councilId }, data: { status: 'CLOSED', closedAt: new Date() } });
      return {
        data: {
          acceptanceDecisionNo: input.decisionNo,
          acceptanceDecisionDate: input.decisionDate,
          acceptanceGrade: result.grade,
          closedAt: new Date(),
        },
        note: input.note ?? null,
      };
    },
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskAccepted', task.id, { title: task.title });
    },
  );
}

export async function failTask(actor: Actor, raw: unknown) {
  const input = parseInput(ZFail, raw);
  return runTransition(
    actor,
    input,
    'fail',
    async (task, tx) => {
      // The decision follows the council's grade, both ways: a passing grade cannot be recorded as a failure.
      const { councilId } = await requireDecidable(tx, task.id, 'fail');
      await tx.council.update({ where: { id: councilId }, data: { status: 'CLOSED', closedAt: new Date() } });
      return {
        data: {
          acceptanceDecisionNo: input.decisionNo,
          acceptanceDecisionDate: input.decisionDate,
          acceptanceGrade: 'FAIL',
          closedAt: new Date(),
        },
        note: input.note,
      };
    },
    async (task, tx) => {
      await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'taskNotAccepted', task.id, { title: task.title });
    },
  );
}

const dossierSelect = {
  id: true,
  code: true,
  title: true,
  type: true,
  field: true,
  year: true,
  status: true,
  version: true,
  piName: true,
  piDegree: true,
  piTitle: true,
  piEmail: true,
  piPhone: true,
  keyMembers: true,
  partnerNames: true,
  objectives: true,
  contentMethods: true,
  expectedProducts: true,
  applicationPlan: true,
  budgetTotal: true,
  budgetState: true,
  budgetOther: true,
  durationMonths: true,
  proposedStart: true,
  submittedAt: true,
  approvalDecisionNo: true,
  approvalDecisionDate: true,
  approvedBudget: true,
  approvedDurationMonths: true,
  contractNo: true,
  contractSignedAt: true,
  startDate: true,
  originalEndDate: true,
  endDate: true,
  fundedAmount: true,
  acceptanceRequestedAt: true,
  finalReportSummary: true,
  selfAssessment: true,
  acceptanceDecisionNo: true,
  acceptanceDecisionDate: true,
  acceptanceGrade: true,
  createdAt: true,
  updatedAt: true,
  call: { select: { id: true, title: true, opensAt: true, closesAt: true } },
  listedTask: { select: { id: true, code: true, title: true, method: true, callId: true } },
  program: { select: { id: true, code: true, name: true } },
  beneficiaryEnterprise: true,
  supportAmount: true,
  selectionScore: true,
  selectionRank: true,
  selectionOf: true,
  revisionRequestedAt: true,
  revisionNote: true,
  revisedAt: true,
  appraisal: {
    select: {
      contentRemarks: true,
      items: true,
      requestedStateBudget: true,
      approvedStateBudget: true,
      approvedDurationMonths: true,
      overRequestReason: true,
      appraisedAt: true,
    },
  },
  hostOrganization: { select: { id: true, name: true } },
  partnerOrganizations: { select: { id: true, name: true } },
  attachments: {
    orderBy: { createdAt: 'asc' },
    // publishedAt: the file is public in the registry (shown to everyone who sees the list).
    select: { id: true, kind: true, fileName: true, size: true, mimeType: true, createdAt: true, publishedAt: true },
  },
} as const;

/**
 * A task's dossier as this actor may see it (outside the actor's scope: NotFoundError).
 * Department: everything (timeline with internal notes and actors, councils, reports, extensions).
 * Organization: its task, attachments, timeline notes meant for it, reports and extensions, never councils.
 * Evaluator: the proposal and its attachments, read-only.
 */
export async function getTaskDossier(actor: Actor, rawId: string) {
  const taskId = idOrNotFound(rawId);
  const evaluator = can(actor.role, 'councils.sit');
  // One statement for the task and everything its page shows (Prisma's relation joins), beside the settings. The
  // opening is logged before anything is returned (a failed log fails the read): for an actor who sees every task,
  // beside the read (a row only if the task exists); for anyone else, after the scoped read found it.
  const loggedBeside = seesEveryTask(actor)
    ? logDossierOfAnyTask(actor, taskId).then(
        (wrote) => ({ wrote }),
        (failure: unknown) => ({ failure }),
      )
    : null;
  const [task, settings] = await Promise.all([
    prisma.task.findFirst({
      where: { id: taskId, ...taskScope(actor) },
      select: {
        ...dossierSelect,
        // A council member sees the dossier it judged: no timeline, reports or extensions (none read: take 0).
        events: {
          take: evaluator ? 0 : undefined,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            action: true,
            fromStatus: true,
            toStatus: true,
            note: true,
            createdAt: true,
            ...(can(actor.role, 'tasks.viewAll') ? { internalNote: true, actor: { select: { name: true, role: true } } } : {}),
          },
        },
        progressReports: {
          take: evaluator ? 0 : undefined,
          orderBy: { dueDate: 'asc' },
          select: {
            id: true,
            dueDate: true,
            workDone: true,
            productsSoFar: true,
            amountSpent: true,
            status: true,
            reviewNote: true,
            reviewedAt: true,
            submittedAt: true,
            attachments: { select: { id: true, fileName: true, size: true } },
          },
        },
        extensionRequests: {
          take: evaluator ? 0 : undefined,
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            currentEndDate: true,
            requestedEndDate: true,
            reason: true,
            status: true,
            decisionNote: true,
            decidedAt: true,
            createdAt: true,
          },
        },
      },
    }),
    getSettings(),
  ]);
  const beside = await loggedBeside;
  if (!task) throw new NotFoundError();
  if (beside && 'failure' in beside) throw beside.failure;
  // Not logged beside the read (another actor; or the task was not there yet when the insert looked): log it now.
  if (!beside?.wrote) await logAccess(actor, 'DOSSIER', { id: taskId, taskId });
  const late = acceptanceCameLate(task, settings.acceptanceDueDays);
  if (evaluator) {
    // A council member sees the dossier it judged, never the files of the life after acceptance.
    const attachments = task.attachments.filter((a) => !AFTER_ACCEPTANCE_KINDS.includes(a.kind));
    const { events: _e, progressReports: _r, extensionRequests: _x, ...rest } = task;
    return { role: 'EVALUATOR' as const, task: { ...rest, attachments }, late, events: [], reports: [], extensions: [] };
  }
  const { events, progressReports: reports, extensionRequests: extensions, ...rest } = task;
  return { role: actor.role, task: rest, late, events, reports, extensions };
}

export const QUEUE_PAGE_SIZE = 25;

const QUEUE_SORT_COLUMN: Record<QueueSort, Prisma.Sql> = {
  updatedAt: Prisma.sql`t."updatedAt"`,
  code: Prisma.sql`t."code"`,
  year: Prisma.sql`t."year"`,
  budgetTotal: Prisma.sql`t."budgetTotal"`,
};

/**
 * The queue's filters as one SQL condition on "Task" t: the search ignores case and diacritics (code, title,
 * principal investigator, host organization: lib/server/search.ts); a statistics figure's drill-down adds that
 * figure's own condition (lib/statistics/figures.ts); 'none' asks for the tasks without a field, kind or program.
 */
function queueCondition(f: QueueFilter, range: YearRange | null) {
  const conditions: Prisma.Sql[] = [f.status ? Prisma.sql`t."status" = ${f.status}::"TaskStatus"` : Prisma.sql`t."status" <> 'DRAFT'`];
  if (f.callId) conditions.push(Prisma.sql`t."callId" = ${f.callId}`);
  if (f.field) conditions.push(f.field === 'none' ? Prisma.sql`t."field" IS NULL` : Prisma.sql`t."field" = ${f.field}::"ScienceField"`);
  if (f.type) conditions.push(f.type === 'none' ? Prisma.sql`t."type" IS NULL` : Prisma.sql`t."type" = ${f.type}::"TaskType"`);
  if (f.programId) conditions.push(f.programId === 'none' ? Prisma.sql`t."programId" IS NULL` : Prisma.sql`t."programId" = ${f.programId}`);
  if (f.figure && range) conditions.push(figureConditions(range)[f.figure]);
  if (f.organizationId) conditions.push(Prisma.sql`t."hostOrganizationId" = ${f.organizationId}`);
  if (f.year) conditions.push(Prisma.sql`t."year" = ${f.year}`);
  const match = taskMatch(f.q);
  if (match) conditions.push(match);
  return Prisma.join(conditions, ' AND ');
}

/** The queue as the actor asks for it: the condition and the order (the screen's page and its export share them). */
function queueQuery(actor: Actor, rawFilter: unknown) {
  if (!can(actor.role, 'tasks.viewAll')) throw new ForbiddenError();
  const f = ZQueueFilter.parse(rawFilter ?? {});
  const range = f.figure ? parseYearRange(f, yearInVietnam(new Date())) : null;
  const column = QUEUE_SORT_COLUMN[f.sort ?? 'updatedAt'];
  const dir = Prisma.raw((f.dir ?? (f.sort ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC');
  return { f, range, where: queueCondition(f, range), order: Prisma.sql`ORDER BY ${column} ${dir}, t."id" ASC` };
}

/** The rows of some ids, in the order of the ids. */
async function rowsInOrder<S extends Prisma.TaskSelect>(ids: string[], select: S) {
  const found = ids.length ? await prisma.task.findMany({ where: { id: { in: ids } }, select: { ...select, id: true } }) : [];
  const byId = new Map(found.map((r) => [(r as { id: string }).id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The department's work queue: filters and search, paginated and sorted on the server. The page's ids come from
 * one SQL query (the folded search is not expressible in Prisma's filters), its rows from Prisma in that order.
 */
export async function listQueue(actor: Actor, rawFilter: unknown) {
  const { f, range, where, order } = queueQuery(actor, rawFilter);
  const { total, rows } = await taskPage({
    where,
    order,
    page: f.page,
    size: QUEUE_PAGE_SIZE,
    load: (ids) => rowsInOrder(ids, listSelect),
  });
  return { total, page: f.page, pageSize: QUEUE_PAGE_SIZE, rows, filter: { ...f, range } };
}

const exportSelect = {
  ...listSelect,
  piName: true,
  approvedBudget: true,
  fundedAmount: true,
  approvalDecisionDate: true,
  startDate: true,
  endDate: true,
  program: { select: { code: true } },
} as const;

/**
 * Every task of the queue as filtered (all pages, the screen's order), for an export; an organization's own tasks
 * only when an organization asks. Read in batches, so any number streams.
 */
export async function exportTaskRows(actor: Actor, rawFilter: unknown) {
  if (can(actor.role, 'tasks.propose')) {
    const where = taskScope(actor);
    return inBatches((skip, take) =>
      prisma.task.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip, take, select: exportSelect }),
    );
  }
  const { where, order } = queueQuery(actor, rawFilter);
  return inBatches(async (skip, take) => {
    const ids = await prisma.$queryRaw<{ id: string }[]>`SELECT t."id" FROM "Task" t WHERE ${where} ${order} LIMIT ${take} OFFSET ${skip}`;
    return rowsInOrder(
      ids.map((r) => r.id),
      exportSelect,
    );
  });
}

/**
 * The organization's proposal as its form edits it: the stored content, whether it may still be edited, and what
 * would keep it from being submitted now (ZReadyToSubmit, the detailed proposal, the call's fields).
 */
export async function getTaskForEdit(actor: Actor, rawId: string) {
  const taskId = idOrNotFound(rawId);
  if (!can(actor.role, 'tasks.propose')) throw new ForbiddenError();
  const stored = await prisma.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: { ...submissionSelect, id: true, status: true, version: true },
  });
  if (!stored) throw new NotFoundError();
  return {
    task: { id: stored.id, title: stored.title, status: stored.status, version: stored.version },
    stored,
    editable: EDITABLE_BY_ORGANIZATION.includes(stored.status),
    problems: submissionProblems({ ...stored, proposalDocs: stored._count.attachments }),
  };
}
