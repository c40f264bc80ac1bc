import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { vietnamDay } from '@/lib/domain/format';
import { toDay } from '@/lib/domain/deadlines';
import {
  APPLICATION_REPORT_MACHINE,
  LIQUIDABLE,
  REGISTRABLE,
  REGISTRATION_MACHINE,
  applicationDueDates,
  closingDate,
  liquidationProblems,
  openApplicationPeriods,
  type ApplicationReportAction,
  type RegistrationAction,
} from '@/lib/domain/after-acceptance';
import type { TaskStatus } from '@/lib/domain/task-status';
import { departmentRecipients, notify, organizationRecipients } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { lockTask } from '@/lib/workflow/transition';
import { recordAudit } from '@/lib/audit/record';
import type { Actor } from '@/lib/server/actor';
import {
  ZApplicationReport,
  ZApplicationReview,
  ZLiquidation,
  ZRegistrationRegister,
  ZRegistrationReturn,
  ZRegistrationSubmit,
} from './schemas';

// After acceptance (domain.md): result registration, contract liquidation and the yearly application reports.
// Each move is asked of the tables in lib/domain/after-acceptance.ts, written under the task's row lock with its
// audit row and notices in one transaction. Only the department and the host organization see these records:
// an evaluator, who may have sat on the task's councils, gets a 404 like any other outsider.

/**
 * The tasks whose after-acceptance records an actor may see: the department all, an organization its own; nobody
 * else (an evaluator's council seat gives no sight of them).
 */
export function afterAcceptanceScope(actor: Actor): { hostOrganizationId?: string } | null {
  if (can(actor.role, 'tasks.viewAll')) return {};
  if (can(actor.role, 'tasks.propose') && actor.organizationId) return { hostOrganizationId: actor.organizationId };
  return null;
}

const taskSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  hostOrganizationId: true,
  contractNo: true,
  fundedAmount: true,
  acceptanceDecisionDate: true,
  closedAt: true,
} as const;

/** The task, if the actor may see its after-acceptance records (else 404), read under its lock when `tx` is given. */
async function scopedTask(actor: Actor, taskId: string, tx: Tx | typeof prisma = prisma) {
  const scope = afterAcceptanceScope(actor);
  if (!scope) throw new NotFoundError();
  const task = await tx.task.findFirst({ where: { id: taskId, ...scope }, select: taskSelect });
  if (!task) throw new NotFoundError();
  return task;
}

function assertOrganizationActive(actor: Actor) {
  if (actor.organizationId && actor.organizationStatus !== 'ACTIVE') throw new ForbiddenError();
}

function registrationCheck(from: Parameters<typeof REGISTRATION_MACHINE.check>[0], action: RegistrationAction, actor: Actor) {
  const check = REGISTRATION_MACHINE.check(from, action, actor.role);
  if (!check.ok) {
    if (check.reason === 'roleNotAllowed') throw new ForbiddenError();
    throw new ValidationError('registrationNotNow');
  }
  return check.to;
}

function applicationCheck(from: Parameters<typeof APPLICATION_REPORT_MACHINE.check>[0], action: ApplicationReportAction, actor: Actor) {
  const check = APPLICATION_REPORT_MACHINE.check(from, action, actor.role);
  if (!check.ok) {
    if (check.reason === 'roleNotAllowed') throw new ForbiddenError();
    throw new ValidationError('applicationNotNow');
  }
  return check.to;
}

// ---------------------------------------------------------------------------------------------------------
// Result registration
// ---------------------------------------------------------------------------------------------------------

/** The host organization submits its accepted task's results for registration (or resubmits them after a return). */
export async function submitRegistration(actor: Actor, raw: unknown) {
  const input = parseInput(ZRegistrationSubmit, raw);
  assertOrganizationActive(actor);
  await scopedTask(actor, input.taskId);
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, input.taskId);
    const task = await scopedTask(actor, input.taskId, tx);
    if (!REGISTRABLE.includes(task.status as TaskStatus)) throw new ValidationError('registrationNotNow');
    const existing = await tx.resultRegistration.findUnique({ where: { taskId: task.id }, select: { id: true, status: true } });
    const action: RegistrationAction = existing ? 'resubmit' : 'submit';
    const to = registrationCheck(existing?.status ?? null, action, actor);
    // The registration form (with the products handed over) is the file the department registers.
    const form = await tx.attachment.count({ where: { taskId: task.id, kind: 'REGISTRATION_FORM' } });
    if (form === 0) throw new ValidationError('registrationFormMissing');
    const data = { status: to, resultsSummary: input.resultsSummary, submittedById: actor.id, submittedAt: new Date() };
    const registration = existing
      ? await tx.resultRegistration.update({
          where: { id: existing.id },
          data: { ...data, version: { increment: 1 } },
          select: { id: true },
        })
      : await tx.resultRegistration.create({ data: { taskId: task.id, ...data }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: `registration.${action}`,
      entityType: 'ResultRegistration',
      entityId: registration.id,
      taskId: task.id,
      before: existing ? { status: existing.status } : null,
      after: { status: to, resultsSummary: input.resultsSummary },
    });
    await notify(tx, await departmentRecipients(tx), 'registrationSubmitted', task.id, { title: task.title, code: task.code ?? '' });
    return { registrationId: registration.id, status: to };
  });
}

/** The department's two moves on a submitted registration: return it for completion, or register it. */
async function decideRegistration(
  actor: Actor,
  taskId: string,
  version: number,
  action: 'return' | 'register',
  data: (task: Awaited<ReturnType<typeof scopedTask>>) => { update: object; after: Record<string, unknown> },
) {
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, taskId);
    const task = await scopedTask(actor, taskId, tx);
    const registration = await tx.resultRegistration.findUnique({
      where: { taskId: task.id },
      select: { id: true, status: true, version: true },
    });
    if (!registration) throw new ValidationError('registrationNotNow');
    if (registration.version !== version) throw new ConflictError('staleRecord');
    const to = registrationCheck(registration.status, action, actor);
    const { update, after } = data(task);
    const { count } = await tx.resultRegistration
      .updateMany({ where: { id: registration.id, version }, data: { ...update, status: to, version: { increment: 1 } } })
      .catch((e: unknown) => {
        if ((e as { code?: string }).code === 'P2002')
          throw new ValidationError('invalidInput', { certificateNo: ['validation.certificateTaken'] });
        throw e;
      });
    if (count === 0) throw new ConflictError('staleRecord');
    await recordAudit(tx, actor, {
      action: `registration.${action}`,
      entityType: 'ResultRegistration',
      entityId: registration.id,
      taskId: task.id,
      before: { status: registration.status },
      after: { status: to, ...after },
    });
    await notify(
      tx,
      await organizationRecipients(tx, task.hostOrganizationId),
      action === 'return' ? 'registrationReturned' : 'resultsRegistered',
      task.id,
      { title: task.title, code: task.code ?? '' },
    );
    return { registrationId: registration.id, status: to };
  });
}

export async function returnRegistration(actor: Actor, raw: unknown) {
  const input = parseInput(ZRegistrationReturn, raw);
  return decideRegistration(actor, input.taskId, input.version, 'return', () => ({
    update: { returnNote: input.note },
    after: { returnNote: input.note },
  }));
}

export async function registerResults(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZRegistrationRegister, raw);
  const taken = await prisma.resultRegistration.findFirst({
    where: { certificateNo: input.certificateNo, NOT: { taskId: input.taskId } },
    select: { id: true },
  });
  // The number is unique in the database too: two registrations of one number at the same moment, one is refused.
  return decideRegistration(actor, input.taskId, input.version, 'register', (task) => {
    const fields: FieldErrors = {};
    if (taken) fields.certificateNo = ['validation.certificateTaken'];
    if (input.certificateDate > vietnamDay(now)) fields.certificateDate = ['validation.dateInFuture'];
    else if (task.acceptanceDecisionDate && input.certificateDate < toDay(task.acceptanceDecisionDate))
      fields.certificateDate = ['validation.beforeAcceptance'];
    if (Object.keys(fields).length) throw new ValidationError('invalidInput', fields);
    return {
      update: { certificateNo: input.certificateNo, certificateDate: input.certificateDate, registeredById: actor.id, registeredAt: now },
      after: { certificateNo: input.certificateNo, certificateDate: input.certificateDate },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Contract liquidation
// ---------------------------------------------------------------------------------------------------------

/** The department records the contract's liquidation of an accepted, failed or terminated task (once). */
export async function recordLiquidation(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZLiquidation, raw);
  await scopedTask(actor, input.taskId);
  if (!can(actor.role, 'reports.review')) throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, input.taskId);
    const task = await scopedTask(actor, input.taskId, tx);
    if (!LIQUIDABLE.includes(task.status as TaskStatus) || !task.contractNo) throw new ValidationError('liquidationNotNow');
    if (await tx.liquidation.findUnique({ where: { taskId: task.id }, select: { id: true } }))
      throw new ValidationError('liquidationExists');
    const fields: FieldErrors = {};
    const closed = closingDate(task);
    if (input.liquidatedOn > vietnamDay(now)) fields.liquidatedOn = ['validation.dateInFuture'];
    else if (closed && input.liquidatedOn < closed) fields.liquidatedOn = ['validation.beforeClosing'];
    if (task.fundedAmount !== null && input.disbursed > task.fundedAmount) fields.disbursed = ['validation.disbursedAboveContract'];
    for (const p of liquidationProblems(input)) {
      if (p === 'spentAboveDisbursed') fields.spent = ['validation.spentAboveDisbursed'];
      if (p === 'refundAboveDisbursed') fields.refunded = ['validation.refundAboveDisbursed'];
      if (p === 'refundBelowUnspent') fields.refunded = ['validation.refundBelowUnspent'];
    }
    if (Object.keys(fields).length) throw new ValidationError('invalidInput', fields);
    const liquidation = await tx.liquidation.create({
      data: {
        taskId: task.id,
        recordNo: input.recordNo,
        liquidatedOn: input.liquidatedOn,
        disbursed: input.disbursed,
        spent: input.spent,
        refunded: input.refunded,
        note: input.note ?? null,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'liquidation.record',
      entityType: 'Liquidation',
      entityId: liquidation.id,
      taskId: task.id,
      after: {
        recordNo: input.recordNo,
        liquidatedOn: input.liquidatedOn,
        disbursed: input.disbursed,
        spent: input.spent,
        refunded: input.refunded,
        note: input.note ?? null,
      },
    });
    await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'contractLiquidated', task.id, {
      title: task.title,
      code: task.code ?? '',
    });
    return { liquidationId: liquidation.id };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Application reports
// ---------------------------------------------------------------------------------------------------------

/** The host organization reports one year's application of an accepted task's results (or a revision of it). */
export async function submitApplicationReport(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZApplicationReport, raw);
  assertOrganizationActive(actor);
  await scopedTask(actor, input.taskId);
  const settings = await getSettings();
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, input.taskId);
    const task = await scopedTask(actor, input.taskId, tx);
    if (task.status !== 'ACCEPTED' || !task.acceptanceDecisionDate) throw new ValidationError('applicationNotNow');
    const reports = await tx.applicationReport.findMany({ where: { taskId: task.id }, select: { id: true, dueDate: true, status: true } });
    const existing = reports.find((r) => r.dueDate.getTime() === input.dueDate.getTime());
    const open = openApplicationPeriods(
      applicationDueDates(task.acceptanceDecisionDate, settings.applicationYears),
      reports.map((r) => ({ dueDate: r.dueDate, status: r.status })),
      vietnamDay(now),
    );
    const period = open.find((p) => p.dueDate.getTime() === input.dueDate.getTime());
    if (!period)
      throw new ValidationError('invalidInput', { dueDate: [existing ? 'validation.reportExists' : 'validation.notAnApplicationPeriod'] });
    const action: ApplicationReportAction = existing ? 'resubmit' : 'submit';
    const to = applicationCheck(existing?.status ?? null, action, actor);
    const data = {
      status: to,
      applicationPlaces: input.applicationPlaces,
      benefits: input.benefits,
      revenue: input.revenue ?? null,
      submittedById: actor.id,
      submittedAt: new Date(),
      reviewNote: null,
      reviewedById: null,
      reviewedAt: null,
    };
    const report = existing
      ? await tx.applicationReport.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.applicationReport.create({
          data: { taskId: task.id, dueDate: input.dueDate, yearNo: period.year, ...data },
          select: { id: true },
        });
    await recordAudit(tx, actor, {
      action: `application.${action}`,
      entityType: 'ApplicationReport',
      entityId: report.id,
      taskId: task.id,
      before: existing ? { status: existing.status } : null,
      after: {
        dueDate: input.dueDate,
        yearNo: period.year,
        applicationPlaces: input.applicationPlaces,
        benefits: input.benefits,
        revenue: input.revenue ?? null,
      },
    });
    await notify(tx, await departmentRecipients(tx), 'applicationSubmitted', task.id, {
      title: task.title,
      code: task.code ?? '',
      year: period.year,
    });
    return { reportId: report.id, status: to };
  });
}

/** The department reviews a submitted application report: reviewed, or sent back for revision with a note. */
export async function reviewApplicationReport(actor: Actor, raw: unknown) {
  const input = parseInput(ZApplicationReview, raw);
  const scope = afterAcceptanceScope(actor);
  if (!scope) throw new NotFoundError();
  const found = await prisma.applicationReport.findFirst({ where: { id: input.reportId, task: scope }, select: { taskId: true } });
  if (!found) throw new NotFoundError();
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, found.taskId);
    const report = await tx.applicationReport.findUniqueOrThrow({
      where: { id: input.reportId },
      select: { id: true, status: true, yearNo: true, task: { select: { id: true, code: true, title: true, hostOrganizationId: true } } },
    });
    const to = applicationCheck(report.status, input.status === 'REVIEWED' ? 'review' : 'requestRevision', actor);
    const { count } = await tx.applicationReport.updateMany({
      where: { id: report.id, status: report.status },
      data: { status: to, reviewNote: input.note ?? null, reviewedById: actor.id, reviewedAt: new Date() },
    });
    if (count === 0) throw new ConflictError('staleRecord');
    await recordAudit(tx, actor, {
      action: 'application.review',
      entityType: 'ApplicationReport',
      entityId: report.id,
      taskId: report.task.id,
      before: { status: report.status },
      after: { status: to, reviewNote: input.note ?? null },
    });
    await notify(tx, await organizationRecipients(tx, report.task.hostOrganizationId), 'applicationReviewed', report.task.id, {
      title: report.task.title,
      code: report.task.code ?? '',
      year: report.yearNo,
    });
    return { reportId: report.id, status: to };
  });
}
