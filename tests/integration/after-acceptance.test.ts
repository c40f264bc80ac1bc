// After acceptance (domain.md): result registration, contract liquidation and the yearly application reports,
// through the real services on the real database, as the users who make each move; who may see and do what;
// and the obligations (overdue lists, "what you owe", reminders) read from the same records.
// Every task is built through the real lifecycle (Journey); its acceptance decision is dated 01/08/2028 unless a
// test moves it. The database is shared with the other test files: counts are scoped to this file's task ids.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { deleteAttachment, getAttachmentFile, uploadAttachment } from '@/lib/attachments/service';
import { getTaskDossier, terminateTask } from '@/lib/tasks/service';
import {
  recordLiquidation,
  registerResults,
  returnRegistration,
  reviewApplicationReport,
  submitApplicationReport,
  submitRegistration,
} from '@/lib/after-acceptance/service';
import { afterAcceptancePanel } from '@/lib/after-acceptance/panel';
import { obligationRows, overdueLists, owedByOrganization } from '@/lib/deadlines/obligations';
import { scanDeadlines } from '@/lib/notifications/reminders';
import { listNotifications, unreadCount } from '@/lib/notifications/service';
import { getSettings } from '@/lib/settings/service';
import { actorWith } from '../support/fixtures';
import { caught, Journey, makeCast, makeEvaluator, pdf, uniq, type Cast } from '../support/lifecycle';

let cast: Cast;

beforeAll(async () => {
  cast = await makeCast();
  // The expectations below are hand-written for the default settings.
  const s = await getSettings();
  expect([s.registrationDueDays, s.liquidationDueDays, s.applicationYears, s.reminderDaysBefore]).toEqual([30, 60, 5, 14]);
});

/** A fresh organization's task, taken to `status` through the real services. */
async function taskIn(status: 'ACCEPTED' | 'NOT_ACCEPTED' | 'RUNNING' | 'APPROVED', org?: Actor) {
  const j = await Journey.start(cast, org ?? (await actorWith('ORGANIZATION')));
  await j.driveTo(status);
  return j;
}

const fields = (e: unknown) => (e as ValidationError).fieldErrors;
const SUMMARY = 'Bàn giao báo cáo tổng hợp, bộ cảm biến và phần mềm giám sát cho Trung tâm Thông tin.';
const registrationOf = (taskId: string) => prisma.resultRegistration.findUnique({ where: { taskId } });
const auditsOf = (taskId: string, prefix: string) =>
  prisma.auditEvent.findMany({
    where: { taskId, action: { startsWith: prefix } },
    orderBy: { id: 'asc' },
    select: { action: true, actorId: true, entityType: true, entityId: true, before: true, after: true },
  });
const noticesOf = (taskId: string, kind: string) =>
  prisma.notification.findMany({ where: { taskId, kind }, select: { userId: true, params: true } });
/** A moment of a Vietnamese calendar day (10:00 in Hanoi). */
const on = (d: string) => new Date(`${d}T03:00:00Z`);

// ---------------------------------------------------------------------------------------------------------
// Result registration
// ---------------------------------------------------------------------------------------------------------
describe('result registration', () => {
  it('is submitted with its form, returned with a note, resubmitted and registered with a certificate', async () => {
    const j = await taskIn('ACCEPTED');
    const { org, taskId } = j;

    // Without the registration form: refused, nothing stored.
    const missing = await caught(submitRegistration(org, { taskId, resultsSummary: SUMMARY }));
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.messageKey).toBe('registrationFormMissing');
    expect(await registrationOf(taskId)).toBeNull();
    expect(await auditsOf(taskId, 'registration.')).toEqual([]);

    const form = await j.upload('REGISTRATION_FORM');
    expect(await submitRegistration(org, { taskId, resultsSummary: SUMMARY })).toMatchObject({ status: 'SUBMITTED' });
    let reg = await registrationOf(taskId);
    expect(reg).toMatchObject({ status: 'SUBMITTED', version: 1, resultsSummary: SUMMARY, submittedById: org.id });
    expect(await auditsOf(taskId, 'registration.')).toEqual([
      {
        action: 'registration.submit',
        actorId: org.id,
        entityType: 'ResultRegistration',
        entityId: reg!.id,
        before: null,
        after: { status: 'SUBMITTED', resultsSummary: SUMMARY },
      },
    ]);
    const submitted = (await noticesOf(taskId, 'registrationSubmitted')).map((n) => n.userId);
    expect(submitted).toEqual(expect.arrayContaining([cast.staff.id, cast.admin.id]));
    expect(submitted).not.toContain(org.id);

    // The form stays as submitted.
    const kept = await caught(deleteAttachment(org, form.id));
    expect(kept).toBeInstanceOf(ValidationError);
    expect(kept.messageKey).toBe('attachmentRegistered');

    // Returned for completion, with what is missing.
    const note = 'Thiếu biên bản bàn giao sản phẩm.';
    expect(await returnRegistration(cast.staff, { taskId, version: 1, note })).toMatchObject({ status: 'RETURNED' });
    reg = await registrationOf(taskId);
    expect(reg).toMatchObject({ status: 'RETURNED', version: 2, returnNote: note });
    expect((await auditsOf(taskId, 'registration.')).map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ['registration.submit', org.id, null, { status: 'SUBMITTED', resultsSummary: SUMMARY }],
      ['registration.return', cast.staff.id, { status: 'SUBMITTED' }, { status: 'RETURNED', returnNote: note }],
    ]);
    expect((await noticesOf(taskId, 'registrationReturned')).map((n) => n.userId)).toEqual([org.id]);

    // After a return the form may be replaced; the resubmission needs one again.
    await deleteAttachment(org, form.id);
    expect((await caught(submitRegistration(org, { taskId, resultsSummary: SUMMARY }))).messageKey).toBe('registrationFormMissing');
    expect((await registrationOf(taskId))!.status).toBe('RETURNED');
    await j.upload('REGISTRATION_FORM');
    const summary2 = `${SUMMARY} Bổ sung biên bản bàn giao.`;
    expect(await submitRegistration(org, { taskId, resultsSummary: summary2 })).toMatchObject({ status: 'SUBMITTED' });
    reg = await registrationOf(taskId);
    expect(reg).toMatchObject({ status: 'SUBMITTED', version: 3, resultsSummary: summary2 });
    expect((await auditsOf(taskId, 'registration.')).at(-1)).toMatchObject({
      action: 'registration.resubmit',
      actorId: org.id,
      before: { status: 'RETURNED' },
    });

    // The organization never registers its own results.
    const certificateNo = `GCN-${uniq()}`;
    const now = on('2028-09-15');
    expect(await caught(registerResults(org, { taskId, version: 3, certificateNo, certificateDate: '2028-09-10' }, now))).toBeInstanceOf(
      ForbiddenError,
    );

    // Certificate dates: not after today in Vietnam, not before the acceptance decision (01/08/2028).
    const future = await caught(registerResults(cast.staff, { taskId, version: 3, certificateNo, certificateDate: '2028-09-16' }, now));
    expect(future).toBeInstanceOf(ValidationError);
    expect(fields(future)).toEqual({ certificateDate: ['validation.dateInFuture'] });
    const early = await caught(registerResults(cast.staff, { taskId, version: 3, certificateNo, certificateDate: '2028-07-31' }, now));
    expect(fields(early)).toEqual({ certificateDate: ['validation.beforeAcceptance'] });
    // A stale version: someone moved the registration since the page was loaded.
    const stale = await caught(registerResults(cast.staff, { taskId, version: 2, certificateNo, certificateDate: '2028-09-10' }, now));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await registrationOf(taskId)).toMatchObject({ status: 'SUBMITTED', version: 3, certificateNo: null, certificateDate: null });
    expect(await auditsOf(taskId, 'registration.register')).toEqual([]);

    // 01:00 on 16/09 in Hanoi is still 15/09 in UTC: the 16th is today, not the future.
    const lateEvening = new Date('2028-09-15T18:00:00Z');
    expect(
      await registerResults(cast.staff, { taskId, version: 3, certificateNo, certificateDate: '2028-09-16' }, lateEvening),
    ).toMatchObject({ status: 'REGISTERED' });
    reg = await registrationOf(taskId);
    expect(reg).toMatchObject({ status: 'REGISTERED', version: 4, certificateNo, registeredById: cast.staff.id });
    expect(reg!.certificateDate!.toISOString().slice(0, 10)).toBe('2028-09-16');
    expect((await auditsOf(taskId, 'registration.')).at(-1)).toMatchObject({
      action: 'registration.register',
      actorId: cast.staff.id,
      before: { status: 'SUBMITTED' },
      after: { status: 'REGISTERED', certificateNo },
    });
    expect((await noticesOf(taskId, 'resultsRegistered')).map((n) => n.userId)).toEqual([org.id]);

    // Registered: the form stays, and there is nothing left to return.
    const form2 = await prisma.attachment.findFirstOrThrow({ where: { taskId, kind: 'REGISTRATION_FORM' }, select: { id: true } });
    expect((await caught(deleteAttachment(org, form2.id))).messageKey).toBe('attachmentRegistered');
    const late = await caught(returnRegistration(cast.staff, { taskId, version: 4, note }));
    expect(late).toBeInstanceOf(ValidationError);
    expect(late.messageKey).toBe('registrationNotNow');

    // Another task's registration cannot carry the same certificate number.
    const k = await taskIn('ACCEPTED');
    await k.upload('REGISTRATION_FORM');
    await submitRegistration(k.org, { taskId: k.taskId, resultsSummary: SUMMARY });
    const taken = await caught(
      registerResults(cast.admin, { taskId: k.taskId, version: 1, certificateNo, certificateDate: '2028-09-10' }, now),
    );
    expect(fields(taken)).toEqual({ certificateNo: ['validation.certificateTaken'] });
    expect(await registrationOf(k.taskId)).toMatchObject({ status: 'SUBMITTED', version: 1, certificateNo: null });
    // With its own number the admin registers it.
    await registerResults(cast.admin, { taskId: k.taskId, version: 1, certificateNo: `GCN-${uniq()}`, certificateDate: '2028-09-10' }, now);
    expect((await registrationOf(k.taskId))!.status).toBe('REGISTERED');
  });

  it('is refused on a task still running, whose files are not yet registration files', async () => {
    const j = await taskIn('RUNNING');
    const upload = await caught(j.upload('REGISTRATION_FORM'));
    expect(upload.messageKey).toBe('attachmentKindNotNow');
    const e = await caught(submitRegistration(j.org, { taskId: j.taskId, resultsSummary: SUMMARY }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.messageKey).toBe('registrationNotNow');
    expect(await registrationOf(j.taskId)).toBeNull();
    expect(await afterAcceptancePanel(j.org, j.taskId)).toBeNull();
  });

  it('is not offered to a failed task', async () => {
    const j = await taskIn('NOT_ACCEPTED');
    expect((await caught(submitRegistration(j.org, { taskId: j.taskId, resultsSummary: SUMMARY }))).messageKey).toBe('registrationNotNow');
    const panel = await afterAcceptancePanel(j.org, j.taskId);
    expect(panel).toMatchObject({ status: 'NOT_ACCEPTED', registration: null, application: null });
    expect(panel!.liquidation).not.toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Contract liquidation
// ---------------------------------------------------------------------------------------------------------
describe('contract liquidation', () => {
  const liquidationCount = (taskId: string) => prisma.liquidation.count({ where: { taskId } });
  const auditCount = (taskId: string) => prisma.auditEvent.count({ where: { taskId } });
  const record = (over: Record<string, unknown>) => ({
    recordNo: `TL-${uniq()}`,
    liquidatedOn: '2028-09-15',
    disbursed: '1.200.000.000',
    spent: '1.150.000.000',
    refunded: '50.000.000',
    note: '',
    ...over,
  });

  it('of an accepted task: amounts and date checked, stored once with its audit row, the organization told', async () => {
    // Contract 1.200.000.000 đ (CONTRACT in tests/support/lifecycle.ts); accepted on 01/08/2028.
    const j = await taskIn('ACCEPTED');
    const { taskId } = j;
    const now = on('2028-09-15');
    const audits = await auditCount(taskId);
    const refused: [Record<string, unknown>, Record<string, string[]>][] = [
      // 1.000 disbursed, 900 spent: at least 100 must come back.
      [{ disbursed: '1.000.000.000', spent: '900.000.000', refunded: '50.000.000' }, { refunded: ['validation.refundBelowUnspent'] }],
      [{ disbursed: '1.000.000.000', spent: '1.100.000.000', refunded: '0' }, { spent: ['validation.spentAboveDisbursed'] }],
      [{ disbursed: '1.300.000.000', spent: '1.300.000.000', refunded: '0' }, { disbursed: ['validation.disbursedAboveContract'] }],
      [
        { disbursed: '1.000.000.000', spent: '1.000.000.000', refunded: '1.000.000.001' },
        { refunded: ['validation.refundAboveDisbursed'] },
      ],
      [{ liquidatedOn: '2028-07-31' }, { liquidatedOn: ['validation.beforeClosing'] }],
      [{ liquidatedOn: '2028-09-16' }, { liquidatedOn: ['validation.dateInFuture'] }],
      [{ disbursed: 'một tỷ' }, { disbursed: ['validation.money'] }],
    ];
    for (const [over, want] of refused) {
      const e = await caught(recordLiquidation(cast.staff, { taskId, ...record(over) }, now));
      expect(e, JSON.stringify(over)).toBeInstanceOf(ValidationError);
      expect(fields(e), JSON.stringify(over)).toEqual(want);
    }
    expect(await liquidationCount(taskId)).toBe(0);
    expect(await auditCount(taskId)).toBe(audits);

    // The host organization does not draw up the liquidation.
    expect(await caught(recordLiquidation(j.org, { taskId, ...record({}) }, now))).toBeInstanceOf(ForbiddenError);
    expect(await liquidationCount(taskId)).toBe(0);

    const recordNo = `TL-${uniq()}`;
    const { liquidationId } = await recordLiquidation(
      cast.staff,
      { taskId, ...record({ recordNo, liquidatedOn: '2028-08-01', note: 'Hoàn trả kinh phí chưa sử dụng.' }) },
      now,
    );
    const stored = await prisma.liquidation.findUniqueOrThrow({ where: { taskId } });
    expect(stored).toMatchObject({
      id: liquidationId,
      recordNo,
      disbursed: 1_200_000_000n,
      spent: 1_150_000_000n,
      refunded: 50_000_000n,
      note: 'Hoàn trả kinh phí chưa sử dụng.',
      recordedById: cast.staff.id,
    });
    expect(stored.liquidatedOn.toISOString().slice(0, 10)).toBe('2028-08-01');
    expect(await auditsOf(taskId, 'liquidation.')).toEqual([
      expect.objectContaining({ action: 'liquidation.record', actorId: cast.staff.id, entityType: 'Liquidation', entityId: liquidationId }),
    ]);
    expect((await noticesOf(taskId, 'contractLiquidated')).map((n) => n.userId)).toEqual([j.org.id]);

    const again = await caught(recordLiquidation(cast.admin, { taskId, ...record({}) }, now));
    expect(again).toBeInstanceOf(ValidationError);
    expect(again.messageKey).toBe('liquidationExists');
    expect(await liquidationCount(taskId)).toBe(1);
  });

  it('of a task terminated after its contract, from the day it was terminated in Vietnam, the whole disbursement refunded', async () => {
    const j = await taskIn('RUNNING');
    await terminateTask(cast.admin, { ...(await j.ref()), reason: 'Phát hiện sai phạm trong sử dụng kinh phí.' });
    // The termination's instant is moved (directly in the database) to 00:30 on 01/04/2027 in Hanoi, 31/03 in
    // UTC, so the closing day's edge is tested whatever the hour the suite runs at.
    await prisma.task.update({ where: { id: j.taskId }, data: { closedAt: new Date('2027-03-31T17:30:00Z') } });
    const now = on('2027-04-02');
    const before = await caught(
      recordLiquidation(
        cast.staff,
        {
          taskId: j.taskId,
          ...record({ liquidatedOn: '2027-03-31', disbursed: '600.000.000', spent: '200.000.000', refunded: '600.000.000' }),
        },
        now,
      ),
    );
    expect(fields(before)).toEqual({ liquidatedOn: ['validation.beforeClosing'] });
    expect(await liquidationCount(j.taskId)).toBe(0);
    // Everything it received back, more than its 400.000.000 unspent: allowed for a terminated task.
    await recordLiquidation(
      cast.admin,
      {
        taskId: j.taskId,
        ...record({ liquidatedOn: '2027-04-01', disbursed: '600.000.000', spent: '200.000.000', refunded: '600.000.000' }),
      },
      now,
    );
    expect(await prisma.liquidation.findUniqueOrThrow({ where: { taskId: j.taskId } })).toMatchObject({
      disbursed: 600_000_000n,
      spent: 200_000_000n,
      refunded: 600_000_000n,
      recordedById: cast.admin.id,
    });
  });

  it('of a failed task, with a refund above the unspent money', async () => {
    const j = await taskIn('NOT_ACCEPTED');
    await recordLiquidation(
      cast.staff,
      {
        taskId: j.taskId,
        ...record({ liquidatedOn: '2028-08-20', disbursed: '800.000.000', spent: '500.000.000', refunded: '400.000.000' }),
      },
      on('2028-08-20'),
    );
    expect(await prisma.liquidation.findUniqueOrThrow({ where: { taskId: j.taskId } })).toMatchObject({ refunded: 400_000_000n });
    expect((await auditsOf(j.taskId, 'liquidation.')).map((a) => a.action)).toEqual(['liquidation.record']);
  });

  it('is refused for a task never contracted, and for one still running', async () => {
    const approved = await taskIn('APPROVED');
    await terminateTask(cast.admin, { ...(await approved.ref()), reason: 'Không ký được hợp đồng do thiếu vốn đối ứng.' });
    const running = await taskIn('RUNNING');
    for (const j of [approved, running]) {
      const audits = await auditCount(j.taskId);
      const e = await caught(
        recordLiquidation(cast.staff, { taskId: j.taskId, ...record({ liquidatedOn: '2026-11-01' }) }, on('2028-09-15')),
      );
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.messageKey).toBe('liquidationNotNow');
      expect(await liquidationCount(j.taskId)).toBe(0);
      expect(await auditCount(j.taskId)).toBe(audits);
    }
    expect(await afterAcceptancePanel(cast.staff, approved.taskId)).toEqual({
      status: 'TERMINATED',
      registration: null,
      liquidation: null,
      application: null,
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Application reports
// ---------------------------------------------------------------------------------------------------------
describe('application reports', () => {
  const report = (taskId: string, dueDate: string, over: Record<string, unknown> = {}) => ({
    taskId,
    dueDate,
    applicationPlaces: 'Ba hợp tác xã thủy sản ở huyện Phú Tân.',
    benefits: 'Giảm 20% tỷ lệ hao hụt tôm nuôi.',
    revenue: '350.000.000',
    ...over,
  });
  const openYears = async (actor: Actor, taskId: string, now?: Date) =>
    (await afterAcceptancePanel(actor, taskId, now))!.application!.open.map((p) => [p.value, p.year, p.revision]);

  it('come one a year in order; the department reviews each or sends it back for revision', async () => {
    const j = await taskIn('ACCEPTED'); // decision 01/08/2028: year 1 due 01/08/2029, year 2 01/08/2030
    const { org, taskId } = j;
    expect(await openYears(org, taskId)).toEqual([['2029-08-01', 1, false]]);
    // The department is offered nothing to submit.
    expect(await openYears(cast.staff, taskId)).toEqual([]);

    const outOfOrder = await caught(submitApplicationReport(org, report(taskId, '2030-08-01')));
    expect(fields(outOfOrder)).toEqual({ dueDate: ['validation.notAnApplicationPeriod'] });
    const notADue = await caught(submitApplicationReport(org, report(taskId, '2029-08-02')));
    expect(fields(notADue)).toEqual({ dueDate: ['validation.notAnApplicationPeriod'] });
    const badMoney = await caught(submitApplicationReport(org, report(taskId, '2029-08-01', { revenue: '350 triệu' })));
    expect(fields(badMoney)).toEqual({ revenue: ['validation.money'] });
    expect(await prisma.applicationReport.count({ where: { taskId } })).toBe(0);

    // Its evidence, uploaded before the report is sent, is removable until then.
    const sent = await uploadAttachment(org, { taskId, kind: 'APPLICATION_REPORT', fileName: 'ung-dung-nam-1.pdf', bytes: pdf(uniq()) });
    const { reportId } = await submitApplicationReport(org, report(taskId, '2029-08-01'));
    // Once sent, it stays as sent; a file added afterwards may still be removed.
    expect((await caught(deleteAttachment(org, sent.id))).messageKey).toBe('attachmentReportKept');
    expect(await prisma.attachment.count({ where: { id: sent.id } })).toBe(1);
    const later = await uploadAttachment(org, { taskId, kind: 'APPLICATION_REPORT', fileName: 'bo-sung.pdf', bytes: pdf(uniq()) });
    await deleteAttachment(org, later.id);
    expect(await prisma.attachment.count({ where: { id: later.id } })).toBe(0);
    expect(await prisma.applicationReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      yearNo: 1,
      status: 'SUBMITTED',
      revenue: 350_000_000n,
      submittedById: org.id,
    });
    expect(await auditsOf(taskId, 'application.')).toEqual([
      expect.objectContaining({
        action: 'application.submit',
        actorId: org.id,
        entityType: 'ApplicationReport',
        entityId: reportId,
        before: null,
      }),
    ]);
    const notices = await noticesOf(taskId, 'applicationSubmitted');
    expect(notices.map((n) => n.userId)).toEqual(expect.arrayContaining([cast.staff.id, cast.admin.id]));
    expect(notices[0].params).toMatchObject({ year: 1 });

    const twice = await caught(submitApplicationReport(org, report(taskId, '2029-08-01')));
    expect(fields(twice)).toEqual({ dueDate: ['validation.reportExists'] });
    expect(await prisma.applicationReport.count({ where: { taskId } })).toBe(1);

    // Sent back only with a note.
    const noNote = await caught(reviewApplicationReport(cast.staff, { reportId, status: 'NEEDS_REVISION' }));
    expect(fields(noNote)).toEqual({ note: ['validation.revisionNote'] });
    expect((await prisma.applicationReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe('SUBMITTED');
    const note = 'Bổ sung số liệu doanh thu có xác nhận.';
    expect(await reviewApplicationReport(cast.staff, { reportId, status: 'NEEDS_REVISION', note })).toMatchObject({
      status: 'NEEDS_REVISION',
    });
    expect(await prisma.applicationReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: 'NEEDS_REVISION',
      reviewNote: note,
      reviewedById: cast.staff.id,
    });
    expect((await noticesOf(taskId, 'applicationReviewed')).map((n) => n.userId)).toEqual([org.id]);
    // Year 1 reopens for its revision; year 2 has not begun yet (it opens on 01/08/2029).
    expect(await openYears(org, taskId)).toEqual([['2029-08-01', 1, true]]);

    // Resubmitted: the same record, its review cleared.
    expect(await submitApplicationReport(org, report(taskId, '2029-08-01', { revenue: '420.000.000' }))).toEqual({
      reportId,
      status: 'SUBMITTED',
    });
    expect(await prisma.applicationReport.findUniqueOrThrow({ where: { id: reportId } })).toMatchObject({
      status: 'SUBMITTED',
      revenue: 420_000_000n,
      reviewNote: null,
      reviewedById: null,
    });
    await reviewApplicationReport(cast.staff, { reportId, status: 'REVIEWED' });
    expect((await prisma.applicationReport.findUniqueOrThrow({ where: { id: reportId } })).status).toBe('REVIEWED');
    const reviewedAgain = await caught(reviewApplicationReport(cast.admin, { reportId, status: 'REVIEWED' }));
    expect(reviewedAgain.messageKey).toBe('applicationNotNow');
    expect(
      (await auditsOf(taskId, 'application.')).map((a) => [a.action, a.actorId, a.before, (a.after as { status?: string }).status]),
    ).toEqual([
      ['application.submit', org.id, null, undefined],
      ['application.review', cast.staff.id, { status: 'SUBMITTED' }, 'NEEDS_REVISION'],
      ['application.resubmit', org.id, { status: 'NEEDS_REVISION' }, undefined],
      ['application.review', cast.staff.id, { status: 'SUBMITTED' }, 'REVIEWED'],
    ]);

    // Year 2 opens when it begins, on year 1's anniversary (in Vietnam): not the evening before.
    const eve = new Date('2029-07-31T16:59:00Z'); // 23:59 on 31/07 in Vietnam
    const anniversary = new Date('2029-07-31T17:00:00Z'); // 00:00 on 01/08
    expect(await openYears(org, taskId, eve)).toEqual([]);
    const early = await caught<ValidationError>(submitApplicationReport(org, report(taskId, '2030-08-01'), eve));
    expect(early.fieldErrors).toEqual({ dueDate: ['validation.notAnApplicationPeriod'] });
    expect(await openYears(org, taskId, anniversary)).toEqual([['2030-08-01', 2, false]]);
    // Year 2, without revenue (optional).
    const year2 = await submitApplicationReport(org, report(taskId, '2030-08-01', { revenue: '' }), anniversary);
    expect(await prisma.applicationReport.findUniqueOrThrow({ where: { id: year2.reportId } })).toMatchObject({
      yearNo: 2,
      revenue: null,
    });
  });

  it('are not asked of a failed task', async () => {
    const j = await taskIn('NOT_ACCEPTED');
    const e = await caught(submitApplicationReport(j.org, report(j.taskId, '2029-08-01')));
    expect(e.messageKey).toBe('applicationNotNow');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Who may see and do what
// ---------------------------------------------------------------------------------------------------------
describe('access', () => {
  it('the department and the host organization only: another organization and the task’s own council members get 404', async () => {
    const j = await taskIn('ACCEPTED');
    const { org, taskId } = j;
    const other = await actorWith('ORGANIZATION');
    // cast.evaluators[0] chaired the proposal and the acceptance councils of this task (no conflict declared).
    const member = cast.evaluators[0];
    const outsider = await makeEvaluator();
    expect(await prisma.councilMember.count({ where: { userId: member.id, council: { taskId, stage: 'ACCEPTANCE' } } })).toBe(1);

    const form = await j.upload('REGISTRATION_FORM');
    const evidence = await j.upload('APPLICATION_REPORT');
    const proposal = await prisma.attachment.findFirstOrThrow({ where: { taskId, kind: 'PROPOSAL_DOC' }, select: { id: true } });

    // The department may not make the organization's moves.
    for (const dept of [cast.staff, cast.admin])
      expect(await caught(submitRegistration(dept, { taskId, resultsSummary: SUMMARY }))).toBeInstanceOf(ForbiddenError);
    await submitRegistration(org, { taskId, resultsSummary: SUMMARY });
    const appInput = {
      taskId,
      dueDate: '2029-08-01',
      applicationPlaces: 'Ba hợp tác xã thủy sản ở huyện Phú Tân.',
      benefits: 'Giảm 20% tỷ lệ hao hụt tôm nuôi.',
      revenue: '',
    };
    for (const dept of [cast.staff, cast.admin])
      expect(await caught(submitApplicationReport(dept, appInput))).toBeInstanceOf(ForbiddenError);
    const { reportId } = await submitApplicationReport(org, appInput);

    const snapshot = async () => ({
      registration: await registrationOf(taskId),
      reports: await prisma.applicationReport.findMany({ where: { taskId }, orderBy: { dueDate: 'asc' } }),
      liquidations: await prisma.liquidation.count({ where: { taskId } }),
      audits: await prisma.auditEvent.count({ where: { taskId } }),
    });
    const before = await snapshot();
    const now = on('2028-09-15');
    const calls = (who: Actor) => ({
      submitRegistration: () => submitRegistration(who, { taskId, resultsSummary: SUMMARY }),
      returnRegistration: () => returnRegistration(who, { taskId, version: 1, note: 'Thiếu biên bản bàn giao.' }),
      registerResults: () =>
        registerResults(who, { taskId, version: 1, certificateNo: `GCN-${uniq()}`, certificateDate: '2028-09-10' }, now),
      recordLiquidation: () =>
        recordLiquidation(
          who,
          {
            taskId,
            recordNo: `TL-${uniq()}`,
            liquidatedOn: '2028-09-15',
            disbursed: '1.200.000.000',
            spent: '1.200.000.000',
            refunded: '0',
          },
          now,
        ),
      submitApplicationReport: () => submitApplicationReport(who, { ...appInput, dueDate: '2030-08-01' }),
      reviewApplicationReport: () => reviewApplicationReport(who, { reportId, status: 'REVIEWED' }),
      afterAcceptancePanel: () => afterAcceptancePanel(who, taskId, now),
    });

    for (const [label, who] of [
      ['another organization', other],
      ['a member of the task’s councils', member],
      ['an evaluator on no council', outsider],
    ] as const)
      for (const [name, call] of Object.entries(calls(who)))
        expect(await caught(call()), `${name} as ${label}`).toBeInstanceOf(NotFoundError);

    // The organization may not make the department's moves.
    const own = calls(org);
    for (const name of ['returnRegistration', 'registerResults', 'recordLiquidation', 'reviewApplicationReport'] as const)
      expect(await caught(own[name]()), name).toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);

    // The council member sees the proposal it judged, never the files of the life after acceptance.
    const dossier = await getTaskDossier(member, taskId);
    const kinds = dossier.task.attachments.map((a) => a.kind);
    expect(kinds).toContain('PROPOSAL_DOC');
    expect(kinds).not.toContain('REGISTRATION_FORM');
    expect(kinds).not.toContain('APPLICATION_REPORT');
    expect((await getAttachmentFile(member, proposal.id)).bytes.byteLength).toBeGreaterThan(0);
    expect(await caught(getAttachmentFile(member, form.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(getAttachmentFile(member, evidence.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(getAttachmentFile(other, form.id))).toBeInstanceOf(NotFoundError);
    // The host organization and the department do get them.
    for (const who of [org, cast.staff, cast.admin]) {
      expect((await getAttachmentFile(who, form.id)).fileName).toBe(form.fileName);
      expect((await getTaskDossier(who, taskId)).task.attachments.map((a) => a.kind)).toEqual(
        expect.arrayContaining(['PROPOSAL_DOC', 'REGISTRATION_FORM', 'APPLICATION_REPORT']),
      );
    }
    // Uploading to a task of another organization: 404 as well.
    expect(await caught(uploadAttachment(other, { taskId, kind: 'REGISTRATION_FORM', fileName: 'x.pdf', bytes: pdf() }))).toBeInstanceOf(
      NotFoundError,
    );

    // The panel: the department sees the register and liquidation forms, the organization neither.
    const orgPanel = (await afterAcceptancePanel(org, taskId, now))!;
    expect(orgPanel.registration!.decide).toBeNull();
    expect(orgPanel.registration!.submit).toBeNull(); // submitted: nothing to submit until it is returned
    expect(orgPanel.liquidation!.form).toBeNull();
    const staffPanel = (await afterAcceptancePanel(cast.staff, taskId, now))!;
    expect(staffPanel.registration!.decide).toMatchObject({ version: 1 });
    expect(staffPanel.liquidation!.form).toMatchObject({ minDate: '2028-08-01' });
    expect(staffPanel.application!.periods[0]).toMatchObject({ year: 1, canReview: true });

    // Staff and admin both make the department's moves.
    await returnRegistration(cast.staff, { taskId, version: 1, note: 'Thiếu biên bản bàn giao.' });
    expect((await afterAcceptancePanel(org, taskId, now))!.registration!.submit).toMatchObject({ resubmit: true, hasForm: true });
    for (const dept of [cast.staff, cast.admin])
      expect(await caught(submitRegistration(dept, { taskId, resultsSummary: SUMMARY }))).toBeInstanceOf(ForbiddenError);
    await submitRegistration(org, { taskId, resultsSummary: SUMMARY });
    await returnRegistration(cast.admin, { taskId, version: 3, note: 'Thiếu xác nhận của đơn vị tiếp nhận.' });
    await submitRegistration(org, { taskId, resultsSummary: SUMMARY });
    await registerResults(cast.admin, { taskId, version: 5, certificateNo: `GCN-${uniq()}`, certificateDate: '2028-09-10' }, now);
    await reviewApplicationReport(cast.admin, { reportId, status: 'NEEDS_REVISION', note: 'Bổ sung địa chỉ ứng dụng.' });
    await submitApplicationReport(org, appInput);
    await reviewApplicationReport(cast.staff, { reportId, status: 'REVIEWED' });
    await calls(cast.admin).recordLiquidation();
    expect(await snapshot()).toMatchObject({
      registration: { status: 'REGISTERED' },
      reports: [{ status: 'REVIEWED' }],
      liquidations: 1,
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Obligations: the department's overdue lists, the organization's "what you owe", the reminders
// ---------------------------------------------------------------------------------------------------------
describe('obligations after acceptance', () => {
  it('a registration overdue shows, to the exact day, for the department and the host organization only, until it is submitted', async () => {
    const debtor = await actorWith('ORGANIZATION');
    const j = await taskIn('ACCEPTED', debtor);
    const { taskId } = j;
    // The acceptance decision is moved (directly in the database) to 01/05/2025, earlier than any other test's
    // task, so it heads the department's overdue list whatever else the shared database holds.
    await prisma.task.update({ where: { id: taskId }, data: { acceptanceDecisionDate: new Date('2025-05-01T00:00:00Z') } });
    // 20/06/2025 in Hanoi: the registration was due 31/05 (20 days late); the liquidation 30/06 (due soon, the
    // department's); the first application report 01/05/2026 (not yet).
    const now = new Date('2025-06-20T16:30:00Z'); // 23:30 in Hanoi
    const mine = <R extends { taskId: string }>(rows: R[]) => rows.filter((r) => r.taskId === taskId);

    const registration = {
      kind: 'registration',
      owner: 'organization',
      state: 'overdue',
      daysOverdue: 20,
      taskId,
      title: expect.any(String),
    };
    const deptRows = mine(await obligationRows(cast.staff, now));
    expect(deptRows.map((r) => ({ ...r, dueDate: r.dueDate.toISOString().slice(0, 10) }))).toEqual([
      expect.objectContaining({ ...registration, dueDate: '2025-05-31' }),
      expect.objectContaining({ kind: 'liquidation', owner: 'department', state: 'dueSoon', daysOverdue: 0, dueDate: '2025-06-30' }),
    ]);
    const lists = await overdueLists(cast.admin, now);
    expect(lists.map((l) => l.kind)).toEqual(['report', 'acceptance', 'registration', 'liquidation', 'application']);
    const regList = lists.find((l) => l.kind === 'registration')!;
    expect(regList.rows[0]).toMatchObject(registration);
    expect(mine(lists.find((l) => l.kind === 'liquidation')!.rows)).toEqual([]); // not overdue yet

    // The organization owes the registration; the liquidation is the department's to draw up.
    const owed = await owedByOrganization(debtor, now);
    expect(owed).toEqual([expect.objectContaining(registration)]);
    expect(owed[0].dueDate.toISOString().slice(0, 10)).toBe('2025-05-31');
    // 40 minutes later it is the 21st in Hanoi: 21 days.
    expect((await owedByOrganization(debtor, new Date('2025-06-20T17:10:00Z')))[0].daysOverdue).toBe(21);

    // Nobody else sees it.
    const other = await actorWith('ORGANIZATION');
    expect(mine(await obligationRows(other, now))).toEqual([]);
    expect(mine(await owedByOrganization(other, now))).toEqual([]);
    expect(await obligationRows(cast.evaluators[0], now)).toEqual([]);

    // The daily scan writes the reminders, once however often (and on however many workers) it runs.
    const clerk = await actorWith('DEPARTMENT_STAFF');
    const first = await scanDeadlines(now, [taskId]);
    expect(first.obligations).toBe(2);
    expect(first.created).toBeGreaterThan(0);
    const [again, concurrent] = await Promise.all([scanDeadlines(now, [taskId]), scanDeadlines(now, [taskId])]);
    expect([again.created, concurrent.created]).toEqual([0, 0]);
    const reminders = await prisma.notification.findMany({ where: { userId: debtor.id, taskId }, select: { kind: true, params: true } });
    expect(reminders.filter((n) => n.kind.startsWith('registration') || n.kind.startsWith('liquidation'))).toEqual([
      { kind: 'registrationOverdue', params: { title: expect.any(String), code: expect.any(String), dueDate: '2025-05-31' } },
    ]);
    // The department is reminded of the liquidation it owes, not of the organization's registration.
    expect(
      (await prisma.notification.findMany({ where: { userId: clerk.id, taskId }, select: { kind: true, params: true } })).map((n) => [
        n.kind,
        (n.params as { dueDate: string }).dueDate,
      ]),
    ).toEqual([['liquidationDue', '2025-06-30']]);
    // Reading the bell writes nothing: the reminders come from the scan only.
    const total = await prisma.notification.count();
    const bell = await unreadCount(debtor);
    expect((await listNotifications(debtor)).rows.some((n) => n.kind === 'registrationOverdue')).toBe(true);
    expect(bell).toBeGreaterThan(0);
    expect(await prisma.notification.count()).toBe(total);

    // Submitted: no longer owed.
    await j.upload('REGISTRATION_FORM');
    await submitRegistration(debtor, { taskId, resultsSummary: SUMMARY });
    expect(await owedByOrganization(debtor, now)).toEqual([]);
    expect(mine(await obligationRows(cast.staff, now)).map((r) => r.kind)).toEqual(['liquidation']);
    // Returned: owed again.
    await returnRegistration(cast.staff, { taskId, version: 1, note: 'Thiếu biên bản bàn giao.' });
    expect((await owedByOrganization(debtor, now)).map((r) => [r.kind, r.daysOverdue])).toEqual([['registration', 20]]);
  });

  it('an old accepted task still owes what it never sent, years after the decision', async () => {
    const debtor = await actorWith('ORGANIZATION');
    const j = await taskIn('ACCEPTED', debtor);
    const { taskId } = j;
    const owes = async () =>
      (await owedByOrganization(debtor, on('2035-08-31'))).map((r) => [r.kind, r.dueDate.toISOString().slice(0, 10), r.year ?? null]);
    const application = (dueDate: string) => ({
      taskId,
      dueDate,
      applicationPlaces: 'Ba hợp tác xã thủy sản ở huyện Phú Tân.',
      benefits: 'Giảm 20% tỷ lệ hao hụt tôm nuôi.',
    });
    // Decision 01/08/2028; on 31/08/2035 the five application years are long past. The contract is liquidated,
    // four reports are sent, each once its year has begun; the registration is returned for completion.
    await recordLiquidation(
      cast.staff,
      { taskId, recordNo: `TL-${uniq()}`, liquidatedOn: '2028-09-01', disbursed: '1.000.000.000', spent: '1.000.000.000', refunded: '0' },
      on('2028-09-15'),
    );
    for (const d of ['2029-08-01', '2030-08-01', '2031-08-01', '2032-08-01']) await submitApplicationReport(debtor, application(d), on(d));
    await j.upload('REGISTRATION_FORM');
    await submitRegistration(debtor, { taskId, resultsSummary: SUMMARY });
    await returnRegistration(cast.staff, { taskId, version: 1, note: 'Thiếu biên bản bàn giao.' });
    expect(await owes()).toEqual([
      ['registration', '2028-08-31', null],
      ['application', '2033-08-01', 5],
    ]);
    // The fifth report sent: the registration alone.
    const { reportId } = await submitApplicationReport(debtor, application('2033-08-01'), on('2033-08-01'));
    expect(await owes()).toEqual([['registration', '2028-08-31', null]]);
    // Sent back for revision: owed again.
    await reviewApplicationReport(cast.staff, { reportId, status: 'NEEDS_REVISION', note: 'Bổ sung số liệu năm thứ năm.' });
    expect(await owes()).toEqual([
      ['registration', '2028-08-31', null],
      ['application', '2033-08-01', 5],
    ]);
    // Resubmitted and the registration registered: nothing.
    await submitApplicationReport(debtor, application('2033-08-01'), on('2033-08-02'));
    await submitRegistration(debtor, { taskId, resultsSummary: SUMMARY });
    await registerResults(
      cast.staff,
      { taskId, version: 3, certificateNo: `GCN-${uniq()}`, certificateDate: '2028-09-10' },
      on('2028-09-15'),
    );
    expect(await owes()).toEqual([]);
    expect((await obligationRows(cast.staff, on('2035-08-31'))).filter((r) => r.taskId === taskId)).toEqual([]);
  });
});
