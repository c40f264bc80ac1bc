import 'server-only';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { idOrNotFound, parseInput } from '@/lib/server/validation';
import { can } from '@/lib/domain/permissions';
import { vietnamDay } from '@/lib/domain/format';
import { extensionRequestAllowed, reportDueDates, reportSchedule } from '@/lib/domain/deadlines';
import { departmentRecipients, notify, organizationRecipients } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { taskScope } from '@/lib/workflow/scope';
import { lockTask, runTransition } from '@/lib/workflow/transition';
import { checkTransition } from '@/lib/domain/workflow';
import type { Actor } from '@/lib/server/actor';
import { recordAudit } from '@/lib/audit/record';
import { ZExtensionDecision, ZExtensionRequest, ZProgressReport, ZReviewReport } from './schemas';

async function ownRunningTask(actor: Actor, taskId: string) {
  if (!can(actor.role, 'tasks.propose') || actor.organizationStatus !== 'ACTIVE') throw new ForbiddenError();
  const task = await prisma.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: { id: true, title: true, status: true, startDate: true, endDate: true },
  });
  if (!task) throw new NotFoundError();
  if (task.status !== 'RUNNING' || !task.startDate || !task.endDate) throw new ValidationError('notRunning');
  return task as typeof task & { startDate: Date; endDate: Date };
}

/** The due periods of a running task (for the report form): dates and whether each has a report. */
export async function reportPeriods(actor: Actor, rawId: string, now = new Date()) {
  const taskId = idOrNotFound(rawId);
  const task = await prisma.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: { startDate: true, endDate: true, progressReports: { select: { dueDate: true } } },
  });
  if (!task) throw new NotFoundError();
  if (!task.startDate || !task.endDate) return [];
  const settings = await getSettings();
  // The one schedule of the app (lib/domain/deadlines.ts): the same periods and states the reminders use.
  return reportSchedule({
    start: task.startDate,
    end: task.endDate,
    dueDays: settings.reportDueDays,
    submitted: task.progressReports.map((r) => r.dueDate),
    today: vietnamDay(now),
    reminderDays: settings.reminderDaysBefore,
  }).map((p) => ({ ...p, submitted: p.state === 'submitted' }));
}

/** The host organization reports progress for one due period of a RUNNING task (once per period). */
export async function submitProgressReport(actor: Actor, raw: unknown) {
  const input = parseInput(ZProgressReport, raw);
  const task = await ownRunningTask(actor, input.taskId);
  const settings = await getSettings();
  const periods = reportDueDates(task.startDate, task.endDate, settings.reportDueDays);
  if (!periods.some((d) => d.getTime() === input.dueDate.getTime()))
    throw new ValidationError('invalidInput', { dueDate: ['validation.notAReportPeriod'] });
  const approved = await prisma.task.findUniqueOrThrow({ where: { id: task.id }, select: { fundedAmount: true } });
  if (approved.fundedAmount !== null && input.amountSpent > approved.fundedAmount)
    throw new ValidationError('invalidInput', { amountSpent: ['validation.spentAboveFunded'] });
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, task.id);
    const existing = await tx.progressReport.findUnique({
      where: { taskId_dueDate: { taskId: task.id, dueDate: input.dueDate } },
      select: { id: true, status: true },
    });
    if (existing && existing.status !== 'NEEDS_REVISION')
      throw new ValidationError('invalidInput', { dueDate: ['validation.reportExists'] });
    const data = {
      workDone: input.workDone,
      productsSoFar: input.productsSoFar,
      amountSpent: input.amountSpent,
      submittedById: actor.id,
      submittedAt: new Date(),
      status: 'SUBMITTED' as const,
      reviewNote: null,
      reviewedAt: null,
      reviewedById: null,
    };
    const report = existing
      ? await tx.progressReport.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.progressReport.create({ data: { taskId: task.id, dueDate: input.dueDate, ...data }, select: { id: true } });
    await recordAudit(tx, actor, {
      action: 'report.submit',
      entityType: 'ProgressReport',
      entityId: report.id,
      taskId: task.id,
      before: existing ? { status: existing.status } : null,
      after: { dueDate: input.dueDate, workDone: input.workDone, productsSoFar: input.productsSoFar, amountSpent: input.amountSpent },
    });
    await notify(tx, await departmentRecipients(tx), 'reportSubmitted', task.id, {
      title: task.title,
      dueDate: input.dueDate.toISOString().slice(0, 10),
    });
    return { reportId: report.id };
  });
}

/** Department staff review a progress report: accepted as is, or sent back for revision with a note. */
export async function reviewProgressReport(actor: Actor, raw: unknown) {
  if (!can(actor.role, 'reports.review')) throw new ForbiddenError();
  const input = parseInput(ZReviewReport, raw);
  const found = await prisma.progressReport.findUnique({ where: { id: input.reportId }, select: { taskId: true } });
  if (!found) throw new NotFoundError();
  return prisma.$transaction(async (tx) => {
    // Under the task's lock, like every write about a task: a file added to the report meanwhile is seen first.
    await lockTask(tx, found.taskId);
    const report = await tx.progressReport.findUniqueOrThrow({
      where: { id: input.reportId },
      select: { id: true, status: true, task: { select: { id: true, title: true, hostOrganizationId: true } } },
    });
    const { count } = await tx.progressReport.updateMany({
      where: { id: report.id, status: 'SUBMITTED' },
      data: { status: input.status, reviewNote: input.note ?? null, reviewedById: actor.id, reviewedAt: new Date() },
    });
    if (count === 0) throw new ValidationError('reportNotAwaitingReview');
    await recordAudit(tx, actor, {
      action: 'report.review',
      entityType: 'ProgressReport',
      entityId: report.id,
      taskId: report.task.id,
      before: { status: report.status },
      after: { status: input.status, reviewNote: input.note ?? null },
    });
    await notify(tx, await organizationRecipients(tx, report.task.hostOrganizationId), 'reportReviewed', report.task.id, {
      title: report.task.title,
    });
    return { reportId: report.id, status: input.status };
  });
}

/** The host organization asks for a later end date, at least the configured number of days before the end. */
export async function requestExtension(actor: Actor, raw: unknown, now = new Date()) {
  const input = parseInput(ZExtensionRequest, raw);
  const task = await ownRunningTask(actor, input.taskId);
  const settings = await getSettings();
  if (input.requestedEndDate <= task.endDate)
    throw new ValidationError('invalidInput', { requestedEndDate: ['validation.extensionNotLater'] });
  if (!extensionRequestAllowed(task.endDate, vietnamDay(now), settings.extensionMinDaysBeforeEnd)) {
    throw new ValidationError('extensionTooLate', {}, { days: settings.extensionMinDaysBeforeEnd });
  }
  return prisma.$transaction(async (tx) => {
    await lockTask(tx, task.id);
    if (await tx.extensionRequest.findFirst({ where: { taskId: task.id, status: 'PENDING' }, select: { id: true } }))
      throw new ValidationError('extensionPending');
    const request = await tx.extensionRequest.create({
      data: {
        taskId: task.id,
        currentEndDate: task.endDate,
        requestedEndDate: input.requestedEndDate,
        reason: input.reason,
        requestedById: actor.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: 'extension.request',
      entityType: 'ExtensionRequest',
      entityId: request.id,
      taskId: task.id,
      after: { currentEndDate: task.endDate, requestedEndDate: input.requestedEndDate, reason: input.reason },
    });
    await notify(tx, await departmentRecipients(tx), 'extensionRequested', task.id, { title: task.title });
    return { requestId: request.id };
  });
}

/**
 * The department leader decides an extension. Approval moves the end date through the workflow's "extend"
 * transition (RUNNING stays RUNNING, with its audit event); refusal records the reason. Either way the
 * request and the task change in one transaction.
 */
export async function decideExtension(actor: Actor, raw: unknown) {
  const input = parseInput(ZExtensionDecision, raw);
  if (!checkTransition('RUNNING', 'extend', actor.role).ok) throw new ForbiddenError('transitionRole');
  const request = await prisma.extensionRequest.findUnique({
    where: { id: input.requestId },
    select: { id: true, taskId: true, status: true, requestedEndDate: true },
  });
  if (!request) throw new NotFoundError();
  if (request.status !== 'PENDING') throw new ValidationError('extensionDecided');
  const decide = async (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => {
    const { count } = await tx.extensionRequest.updateMany({
      where: { id: request.id, status: 'PENDING' },
      data: {
        status: input.approve ? 'APPROVED' : 'REJECTED',
        decisionNote: input.note ?? null,
        decidedById: actor.id,
        decidedAt: new Date(),
      },
    });
    if (count === 0) throw new ValidationError('extensionDecided');
  };
  if (input.approve) {
    return runTransition(
      actor,
      { taskId: request.taskId, version: input.version },
      'extend',
      async (_task, tx) => {
        await decide(tx);
        return { data: { endDate: request.requestedEndDate }, note: input.note ?? null };
      },
      async (task, tx) => {
        await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'extensionDecided', task.id, { title: task.title });
      },
    );
  }
  return prisma.$transaction(async (tx) => {
    // Same lock order as an approval (task, then request), so two leaders deciding at once queue up.
    await lockTask(tx, request.taskId);
    await decide(tx);
    // An approval is the task's "extend" event (runTransition); a refusal changes no status, so it is audited here.
    await recordAudit(tx, actor, {
      action: 'extension.decide',
      entityType: 'ExtensionRequest',
      entityId: request.id,
      taskId: request.taskId,
      before: { status: 'PENDING' },
      after: { status: 'REJECTED', decisionNote: input.note ?? null },
    });
    const task = await tx.task.findUniqueOrThrow({
      where: { id: request.taskId },
      select: { id: true, title: true, hostOrganizationId: true },
    });
    await notify(tx, await organizationRecipients(tx, task.hostOrganizationId), 'extensionDecided', task.id, { title: task.title });
    return { taskId: task.id };
  });
}
