// Bad data posted straight to the services (as a hand-made POST would) is refused with a clear ValidationError
// whose field messages say what is wrong, and nothing at all is stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, ValidationError } from '@/lib/server/errors';
import { deleteAttachment, uploadAttachment, uploadPermit } from '@/lib/attachments/service';
import { storageDir } from '@/lib/attachments/storage';
import { createCall } from '@/lib/calls/service';
import { declareConflict, formCouncil, getTaskCouncils, saveBallot } from '@/lib/councils/service';
import { requestExtension, submitProgressReport } from '@/lib/reports/service';
import { getSettings, updateSettings } from '@/lib/settings/service';
import {
  approveTask,
  contractTask,
  createDraft,
  requestAcceptance,
  returnTask,
  submitTask,
  updateDraft,
  withdrawTask,
} from '@/lib/tasks/service';
import type { Settings } from '@/lib/domain/settings';
import type { Actor } from '@/lib/server/actor';
import { actorWith, makeOrganization } from '../support/fixtures';
import {
  caught,
  CONTRACT,
  fullContent,
  GOOD_VOTE,
  Journey,
  makeCast,
  makeEvaluator,
  pdf,
  positionsFor,
  uniq,
  type Cast,
} from '../support/lifecycle';

let cast: Cast;
let org: Actor;
let originalSettings: Settings;

beforeAll(async () => {
  cast = await makeCast(9);
  org = await actorWith('ORGANIZATION');
  originalSettings = await getSettings();
});

afterAll(async () => {
  await updateSettings(cast.admin, originalSettings);
});

function storedFiles(): number {
  const dir = storageDir();
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length;
}

/** Row counts of everything a refused call might have written, and the files in storage. */
async function everything() {
  const [tasks, events, attachments, councils, members, ballots, calls, notifications, reports, extensions, setting] = await Promise.all([
    prisma.task.count(),
    prisma.taskEvent.count(),
    prisma.attachment.count(),
    prisma.council.count(),
    prisma.councilMember.count(),
    prisma.ballot.count(),
    prisma.call.count(),
    prisma.notification.count(),
    prisma.progressReport.count(),
    prisma.extensionRequest.count(),
    prisma.setting.findUnique({ where: { key: 'department' }, select: { value: true, updatedAt: true } }),
  ]);
  const versions = await prisma.task.aggregate({ _sum: { version: true } });
  return {
    tasks,
    events,
    attachments,
    councils,
    members,
    ballots,
    calls,
    notifications,
    reports,
    extensions,
    setting,
    versions: versions._sum.version,
    files: storedFiles(),
  };
}

/** Runs a call that must be refused with a ValidationError, checks nothing was stored, and returns the error. */
async function refused(call: () => Promise<unknown>): Promise<ValidationError> {
  const before = await everything();
  const e = await caught<ValidationError>(call());
  expect(e).toBeInstanceOf(ValidationError);
  expect(await everything()).toEqual(before);
  return e;
}

const bigPdf = (bytes: number) => {
  const b = Buffer.alloc(bytes, 0x20);
  Buffer.from('%PDF-1.4\n').copy(b);
  Buffer.from('\n%%EOF\n').copy(b, bytes - 7);
  return b;
};

describe('a proposal with bad content', () => {
  it('refuses a draft without a title, or with no data at all', async () => {
    const { title: _omit, ...rest } = fullContent();
    expect((await refused(() => createDraft(org, rest))).fieldErrors).toEqual({ title: ['validation.required'] });
    expect((await refused(() => createDraft(org, { ...rest, title: 'Ngắn' }))).fieldErrors).toEqual({ title: ['validation.tooShort'] });
    expect((await refused(() => createDraft(org, null))).fieldErrors).toEqual({ _form: ['validation.required'] });
  });

  it('refuses a negative budget, an absurd one, and parts that do not add up to the total', async () => {
    expect(
      (await refused(() => createDraft(org, fullContent({ budgetTotal: '-5', budgetState: '-5', budgetOther: '' })))).fieldErrors,
    ).toEqual({ budgetTotal: ['validation.moneyNegative'], budgetState: ['validation.moneyNegative'] });
    // 10 000 billion đồng and 1 đồng: beyond any provincial task.
    expect(
      (
        await refused(() =>
          createDraft(org, fullContent({ budgetTotal: '10.000.000.000.001', budgetState: '10.000.000.000.001', budgetOther: '' })),
        )
      ).fieldErrors,
    ).toEqual({ budgetTotal: ['validation.moneyTooLarge'], budgetState: ['validation.moneyTooLarge'] });
    expect(
      (
        await refused(() =>
          createDraft(org, fullContent({ budgetTotal: '1.500.000.000', budgetState: '1.000.000.000', budgetOther: '300.000.000' })),
        )
      ).fieldErrors,
    ).toEqual({ budgetTotal: ['validation.budgetSum'] });
    expect(
      (await refused(() => createDraft(org, fullContent({ budgetTotal: '12,5', budgetState: '12,5', budgetOther: '' })))).fieldErrors,
    ).toEqual({ budgetTotal: ['validation.money'], budgetState: ['validation.money'] });
    // The largest amount accepted is exactly 10 000 billion.
    const { taskId } = await createDraft(
      org,
      fullContent({ budgetTotal: '10.000.000.000.000', budgetState: '10.000.000.000.000', budgetOther: '' }),
    );
    expect((await prisma.task.findUniqueOrThrow({ where: { id: taskId } })).budgetTotal).toBe(10_000_000_000_000n);
  });

  it('refuses bad edits of a draft on their own fields, keeping the stored draft', async () => {
    const j = await Journey.start(cast, org);
    const e = await refused(async () =>
      updateDraft(org, {
        ...(await j.ref()),
        ...fullContent({ budgetState: '2.000.000.000', piEmail: 'không-phải-email', durationMonths: 0, proposedStart: '2027-02-30' }),
      }),
    );
    // The edit's fields carry the same names as the form's inputs: the messages land on them without renaming.
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['durationMonths', 'piEmail', 'proposedStart']);
    expect(e.fieldErrors.piEmail).toEqual(['validation.email']);
    expect(e.fieldErrors.proposedStart).toEqual(['validation.date']);
    expect((await prisma.task.findUniqueOrThrow({ where: { id: j.taskId } })).budgetState).toBe(1_200_000_000n);
  });

  it('refuses to submit a draft missing required fields, naming each of them', async () => {
    const { taskId, version } = await createDraft(org, { title: 'Đề xuất mới chỉ có tên, chưa điền nội dung' });
    await uploadAttachment(org, { taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.pdf', bytes: pdf() });
    const e = await refused(() => submitTask(org, { taskId, version }));
    expect(e.messageKey).toBe('submissionIncomplete');
    expect(e.fieldErrors).toEqual(
      Object.fromEntries(
        [
          'type',
          'field',
          'piName',
          'piEmail',
          'piPhone',
          'objectives',
          'contentMethods',
          'expectedProducts',
          'applicationPlan',
          'budgetTotal',
          'budgetState',
          'durationMonths',
          'proposedStart',
        ].map((f) => [f, ['validation.requiredForSubmission']]),
      ),
    );
  });

  it('refuses to submit without the detailed proposal (thuyết minh) attached', async () => {
    const j = await Journey.start(cast, org, {}, { proposalDoc: false });
    await j.upload('CV', 'ly-lich.pdf');
    const e = await refused(() => j.submit());
    expect(e.fieldErrors).toEqual({ attachments: ['validation.proposalDocMissing'] });
    expect(await j.status()).toBe('DRAFT');
  });

  it('refuses a withdrawal without a reason and a return without a comment', async () => {
    const j = await Journey.start(cast, org);
    await j.submit();
    expect((await refused(async () => withdrawTask(org, await j.ref()))).fieldErrors).toEqual({ reason: ['validation.required'] });
    expect((await refused(async () => returnTask(cast.staff, { ...(await j.ref()), comment: '   ' }))).fieldErrors).toEqual({
      comment: ['validation.required'],
    });
    expect(
      (await refused(async () => returnTask(cast.staff, { ...(await j.ref()), version: 'abc', comment: 'Sửa lại' }))).fieldErrors,
    ).toEqual({ version: ['validation.number'] });
  });
});

describe('a call and its deadline', () => {
  const window = { opensAt: '2027-03-01T08:00', closesAt: '2027-04-30T17:00' };

  it('refuses a call that closes before it opens, or with a time that does not exist', async () => {
    expect(
      (
        await refused(() =>
          createCall(cast.staff, { title: `Đợt đề xuất ${uniq()}`, year: 2028, opensAt: '2027-04-30T17:00', closesAt: '2027-03-01T08:00' }),
        )
      ).fieldErrors,
    ).toEqual({ closesAt: ['validation.closesBeforeOpens'] });
    expect(
      (
        await refused(() =>
          createCall(cast.staff, { title: `Đợt đề xuất ${uniq()}`, year: 2028, opensAt: '2027-02-30T08:00', closesAt: '2027-04-30T17:00' }),
        )
      ).fieldErrors,
    ).toEqual({ opensAt: ['validation.dateTime'] });
  });

  it('refuses a submission once the call has closed (17:00 Vietnam time), and one before it opens', async () => {
    const { callId } = await createCall(cast.staff, {
      title: `Đợt đề xuất năm 2028 ${uniq()}`,
      year: 2028,
      fields: ['ENGINEERING'],
      ...window,
    });
    const late = await Journey.start(cast, org, { callId });
    // 17:01 on 30/04/2027 in Vietnam.
    const closed = await refused(() => late.submit(new Date('2027-04-30T10:01:00Z')));
    expect(closed.messageKey).toBe('callClosed');
    expect(await late.status()).toBe('DRAFT');
    const early = await refused(() => late.submit(new Date('2027-03-01T00:59:00Z')));
    expect(early.messageKey).toBe('callNotOpen');
    // 16:59 the same day is still in time.
    await late.submit(new Date('2027-04-30T09:59:00Z'));
    expect(await late.status()).toBe('PROPOSED');
    expect((await prisma.task.findUniqueOrThrow({ where: { id: late.taskId } })).year).toBe(2028);
  });

  it('refuses an unknown call on a draft', async () => {
    expect((await refused(() => createDraft(org, fullContent({ callId: 'khong-ton-tai' })))).fieldErrors).toEqual({
      callId: ['validation.choose'],
    });
  });
});

describe('files', () => {
  it('recognises the type from the content: an .exe or a text file named .pdf is refused', async () => {
    const j = await Journey.start(cast, org);
    const exe = Buffer.from([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      0x04,
      0x00,
      0x00,
      0x00,
      0xff,
      0xff,
      0x00,
      0x00,
      ...Buffer.from('This program cannot be run in DOS mode.'),
    ]);
    for (const bytes of [
      exe,
      Buffer.from('Đây là tệp văn bản, không phải PDF.\n'),
      Buffer.from('<html><script>alert(1)</script></html>'),
    ]) {
      const e = await refused(() => uploadAttachment(org, { taskId: j.taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.pdf', bytes }));
      expect(e.fieldErrors).toEqual({ file: ['validation.fileType'] });
    }
    expect(
      (await refused(() => uploadAttachment(org, { taskId: j.taskId, kind: 'PROPOSAL_DOC', fileName: 'rong.pdf', bytes: Buffer.alloc(0) })))
        .fieldErrors,
    ).toEqual({ file: ['validation.fileEmpty'] });
  });

  it('refuses a 21 MB file under the default 20 MB limit, and takes one of exactly 20 MB', async () => {
    const j = await Journey.start(cast, org);
    const e = await refused(() =>
      uploadAttachment(org, { taskId: j.taskId, kind: 'CV', fileName: 'lon.pdf', bytes: bigPdf(21 * 1024 * 1024) }),
    );
    expect(e.fieldErrors).toEqual({ file: ['validation.fileTooLarge'] });
    expect(e.params).toEqual({ mb: 20 });
    const ok = await uploadAttachment(org, { taskId: j.taskId, kind: 'CV', fileName: 'vua-du.pdf', bytes: bigPdf(20 * 1024 * 1024) });
    expect(ok.size).toBe(20 * 1024 * 1024);
    await deleteAttachment(org, ok.id);
  });

  it('decides a refusal on the status as it is when the file has arrived, not as the early permit saw it', async () => {
    const j = await Journey.start(cast, org);
    await prisma.task.update({ where: { id: j.taskId }, data: { status: 'PROPOSED' } }); // a proposal takes no file now
    const permit = await uploadPermit(org, j.taskId); // read by the route before the body arrives
    expect(permit.status).toBe('PROPOSED');
    await prisma.task.update({ where: { id: j.taskId }, data: { status: 'RETURNED' } }); // returned while the file was on its way
    const added = await uploadAttachment(org, { taskId: j.taskId, kind: 'PROPOSAL_DOC', fileName: 'sua-lai.pdf', bytes: pdf() }, permit);
    expect(added.fileName).toBe('sua-lai.pdf');
  });

  it('refuses a kind of file the task cannot take in its status, and an unknown kind', async () => {
    const j = await Journey.start(cast, org);
    expect(
      (await refused(() => uploadAttachment(org, { taskId: j.taskId, kind: 'FINAL_REPORT', fileName: 'bao-cao.pdf', bytes: pdf() })))
        .messageKey,
    ).toBe('attachmentKindNotNow');
    expect(
      (await refused(() => uploadAttachment(org, { taskId: j.taskId, kind: 'VIRUS', fileName: 'x.pdf', bytes: pdf() }))).fieldErrors,
    ).toEqual({ kind: ['validation.choose'] });
  });
});

describe('transitions that do not apply', () => {
  it('refuses approving a DRAFT and contracting a PROPOSED task: transitionNotAllowed', async () => {
    const j = await Journey.start(cast, org);
    const approve = await refused(async () =>
      approveTask(cast.admin, {
        ...(await j.ref()),
        decisionNo: '1/QĐ',
        decisionDate: '2027-01-05',
        approvedBudget: '1000000000',
        approvedDurationMonths: 12,
      }),
    );
    expect(approve.messageKey).toBe('transitionNotAllowed');
    expect(approve.params).toEqual({ action: 'approve', status: 'DRAFT' });
    await j.submit();
    const contract = await refused(async () => contractTask(cast.staff, { ...(await j.ref()), ...CONTRACT, contractNo: 'HĐ-01' }));
    expect(contract.messageKey).toBe('transitionNotAllowed');
    expect(contract.params).toEqual({ action: 'contract', status: 'PROPOSED' });
    const accept = await refused(async () =>
      requestAcceptance(org, {
        ...(await j.ref()),
        finalReportSummary: 'Tóm tắt báo cáo tổng hợp đầy đủ.',
        selfAssessment: 'Tự đánh giá đạt yêu cầu đặt hàng.',
      }),
    );
    expect(accept.messageKey).toBe('transitionNotAllowed');
  });

  it('answers the wrong role with ForbiddenError: staff may not approve', async () => {
    const j = await (await Journey.start(cast, org)).driveTo('UNDER_REVIEW');
    const before = await everything();
    const e = await caught(j.approve(cast.staff));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e).toMatchObject({ messageKey: 'transitionRole' });
    expect(await everything()).toEqual(before);
  });

  it('refuses to start the review without a council, and to decide without a quorum', async () => {
    const j = await Journey.start(cast, org);
    await j.submit();
    expect((await refused(() => j.startReview())).messageKey).toBe('councilRequired');
    await j.formCouncil('PROPOSAL');
    await j.startReview();
    await j.declareNoConflict('PROPOSAL');
    await j.voteProposal(Array(4).fill(GOOD_VOTE));
    // 4 of 7 is short of two thirds (5).
    const e = await refused(() => j.approve());
    expect(e.messageKey).toBe('quorumNotMet');
    expect(e.params).toEqual({ submitted: 4, required: 5 });
  });

  it('refuses a bad approval decision and a contract that ends before it starts', async () => {
    const j = await (await Journey.start(cast, org)).driveTo('UNDER_REVIEW');
    const bad = await refused(async () =>
      approveTask(cast.admin, {
        ...(await j.ref()),
        decisionNo: '',
        decisionDate: '2027-02-30',
        approvedBudget: '0',
        approvedDurationMonths: 61,
      }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['approvedBudget', 'approvedDurationMonths', 'decisionDate', 'decisionNo']);
    expect(bad.fieldErrors).toMatchObject({
      decisionNo: ['validation.required'],
      decisionDate: ['validation.date'],
      approvedBudget: ['validation.moneyPositive'],
    });
    await j.approve();
    expect(
      (
        await refused(async () =>
          contractTask(cast.staff, {
            ...(await j.ref()),
            ...CONTRACT,
            contractNo: 'HĐ-02',
            startDate: '2027-01-15',
            endDate: '2027-01-14',
          }),
        )
      ).fieldErrors,
    ).toEqual({ endDate: ['validation.endBeforeStart'] });
    expect(
      (
        await refused(async () =>
          contractTask(cast.staff, {
            ...(await j.ref()),
            ...CONTRACT,
            contractNo: 'HĐ-03',
            signedAt: '2027-02-01',
            startDate: '2027-01-15',
          }),
        )
      ).fieldErrors,
    ).toEqual({ startDate: ['validation.startBeforeSigning'] });
    // Approved 1.4 billion; the contract cannot fund more.
    expect(
      (
        await refused(async () =>
          contractTask(cast.staff, { ...(await j.ref()), ...CONTRACT, contractNo: 'HĐ-04', fundedAmount: '1.400.000.001' }),
        )
      ).fieldErrors,
    ).toEqual({ fundedAmount: ['validation.fundedAboveApproved'] });
    expect(await j.status()).toBe('APPROVED');
  });
});

describe('ballots', () => {
  it('refuses scores above the criterion maximum and negative ones, storing no ballot', async () => {
    const j = await Journey.start(cast, org);
    await j.submit();
    const [seat] = (await j.formCouncil('PROPOSAL')).seats;
    await declareConflict(seat.actor, { memberId: seat.memberId, hasConflict: false });
    const e = await refused(() =>
      saveBallot(seat.actor, {
        memberId: seat.memberId,
        submit: true,
        scores: { necessity: 16, feasibility: -1, results: 35.5 },
        recommendation: 'APPROVE',
      }),
    );
    expect(e.fieldErrors).toEqual({
      'scores.necessity': ['validation.scoreAboveMax'],
      'scores.feasibility': ['validation.scoreNegative'],
      'scores.results': ['validation.wholeNumber'],
    });
    const incomplete = await refused(() => saveBallot(seat.actor, { memberId: seat.memberId, submit: true, scores: { necessity: 10 } }));
    expect(incomplete.fieldErrors).toEqual({
      'scores.feasibility': ['validation.required'],
      'scores.results': ['validation.required'],
      recommendation: ['validation.required'],
    });
    expect(await prisma.ballot.count({ where: { memberId: seat.memberId } })).toBe(0);
  });

  it('locks a submitted ballot and refuses a conflict declared without a reason', async () => {
    const j = await Journey.start(cast, org);
    await j.submit();
    const [first, second] = (await j.formCouncil('PROPOSAL')).seats;
    expect((await refused(() => declareConflict(second.actor, { memberId: second.memberId, hasConflict: true }))).fieldErrors).toEqual({
      reason: ['validation.conflictReason'],
    });
    await declareConflict(first.actor, { memberId: first.memberId, hasConflict: false });
    await j.voteProposal([GOOD_VOTE], [first]);
    expect(
      (
        await refused(() =>
          saveBallot(first.actor, {
            memberId: first.memberId,
            submit: true,
            scores: { necessity: 1, feasibility: 1, results: 1 },
            recommendation: 'REJECT',
          }),
        )
      ).messageKey,
    ).toBe('ballotLocked');
    expect((await prisma.ballot.findUniqueOrThrow({ where: { memberId: first.memberId } })).totalScore).toBe(80);
  });
});

describe('council composition', () => {
  it('refuses members from the host organization, a partner organization, or the principal investigator', async () => {
    const partner = await makeOrganization();
    const fromHost = await makeEvaluator({ evaluatorOrganizationId: org.organizationId! });
    const fromPartner = await makeEvaluator({ evaluatorOrganizationId: partner.id });
    const pi = await makeEvaluator();
    const j = await Journey.start(cast, org, { partnerOrganizationIds: [partner.id], piEmail: pi.email.toUpperCase() });
    await j.submit();
    const chosen = [fromHost, fromPartner, pi, ...cast.evaluators.slice(0, 4)];
    const e = await refused(async () =>
      formCouncil(cast.staff, {
        ...(await j.ref()),
        stage: 'PROPOSAL',
        members: chosen.map((m, i) => ({ userId: m.id, position: positionsFor(7)[i] })),
      }),
    );
    expect(e.messageKey).toBe('councilInvalid');
    expect(e.fieldErrors).toEqual({
      [`member.${fromHost.id}`]: ['validation.ineligible.hostOrganization'],
      [`member.${fromPartner.id}`]: ['validation.ineligible.partnerOrganization'],
      [`member.${pi.id}`]: ['validation.ineligible.principalInvestigator'],
    });
  });

  it('refuses a council outside 5–9 members or without one chair, two reviewers and one secretary', async () => {
    const j = await Journey.start(cast, org);
    await j.submit();
    const seat = (n: number) => cast.evaluators.slice(0, n).map((m, i) => ({ userId: m.id, position: positionsFor(n)[i] }));
    const four = await refused(async () => formCouncil(cast.staff, { ...(await j.ref()), stage: 'PROPOSAL', members: seat(4) }));
    expect(four.fieldErrors).toEqual({ members: ['validation.council.size'] });
    expect(four.params).toEqual({ min: 5, max: 9 });
    const ten = [...cast.evaluators.slice(0, 9), await makeEvaluator()].map((m, i) => ({ userId: m.id, position: positionsFor(10)[i] }));
    expect(
      (await refused(async () => formCouncil(cast.staff, { ...(await j.ref()), stage: 'PROPOSAL', members: ten }))).fieldErrors,
    ).toEqual({ members: ['validation.council.size'] });
    const twoChairs = seat(7).map((m, i) => (i === 4 ? { ...m, position: 'CHAIR' } : m));
    expect(
      (await refused(async () => formCouncil(cast.staff, { ...(await j.ref()), stage: 'PROPOSAL', members: twoChairs }))).fieldErrors,
    ).toEqual({ members: ['validation.council.chairCount'] });
    const notAnEvaluator = [...seat(6), { userId: cast.staff.id, position: 'MEMBER' }];
    expect(
      (await refused(async () => formCouncil(cast.staff, { ...(await j.ref()), stage: 'PROPOSAL', members: notAnEvaluator }))).fieldErrors,
    ).toEqual({ members: ['validation.evaluatorUnknown'] });
    expect(
      (await refused(async () => formCouncil(cast.staff, { ...(await j.ref()), stage: 'ACCEPTANCE', members: seat(7) }))).messageKey,
    ).toBe('councilWrongStage');
  });
});

describe('running-task requests', () => {
  it('refuses late or backwards extension requests, reports for no period or above the funding, and an incomplete acceptance dossier', async () => {
    const j = await (await Journey.start(cast, org)).driveTo('RUNNING');
    // The contract ends 30/06/2028: a request on 15/05/2028 is 46 days before, under the 60 required.
    const late = await refused(() =>
      requestExtension(
        org,
        { taskId: j.taskId, requestedEndDate: '2028-12-31', reason: 'Cần thêm thời gian thử nghiệm.' },
        new Date('2028-05-15T02:00:00Z'),
      ),
    );
    expect(late.messageKey).toBe('extensionTooLate');
    expect(late.params).toEqual({ days: 60 });
    expect(
      (
        await refused(() =>
          requestExtension(
            org,
            { taskId: j.taskId, requestedEndDate: '2028-06-01', reason: 'Kết thúc sớm hơn dự kiến.' },
            new Date('2028-01-15T02:00:00Z'),
          ),
        )
      ).fieldErrors,
    ).toEqual({ requestedEndDate: ['validation.extensionNotLater'] });

    expect(
      (
        await refused(() =>
          submitProgressReport(org, {
            taskId: j.taskId,
            dueDate: '2027-04-01',
            workDone: 'Khảo sát hiện trạng.',
            productsSoFar: 'Số liệu',
            amountSpent: '1000',
          }),
        )
      ).fieldErrors,
    ).toEqual({ dueDate: ['validation.notAReportPeriod'] });
    expect(
      (
        await refused(() =>
          submitProgressReport(org, {
            taskId: j.taskId,
            dueDate: '2027-03-15',
            workDone: 'Khảo sát hiện trạng.',
            productsSoFar: 'Số liệu',
            amountSpent: '1.200.000.001',
          }),
        )
      ).fieldErrors,
    ).toEqual({ amountSpent: ['validation.spentAboveFunded'] });
    expect(
      (
        await refused(() =>
          submitProgressReport(org, { taskId: j.taskId, dueDate: '2027-03-15', workDone: '', productsSoFar: 'Số liệu', amountSpent: '-1' }),
        )
      ).fieldErrors,
    ).toEqual({ workDone: ['validation.required'], amountSpent: ['validation.moneyNegative'] });

    const incomplete = await refused(() => j.requestAcceptance(undefined, { upload: false }));
    expect(incomplete.messageKey).toBe('acceptanceIncomplete');
    expect(incomplete.fieldErrors).toEqual({
      finalReport: ['validation.finalReportMissing'],
      productEvidence: ['validation.productEvidenceMissing'],
    });
  });
});

describe('the department settings', () => {
  it('refuses settings that do not hold together, keeping the stored ones', async () => {
    const current = await getSettings();
    const e = await refused(() =>
      updateSettings(cast.admin, {
        ...current,
        passMark: 150,
        councilSizeMin: 8,
        councilSizeDefault: 7,
        uploadMaxMb: 0,
        reportDueDays: ['02-30x'],
      }),
    );
    expect(e.fieldErrors).toEqual({
      passMark: ['validation.tooBig', 'validation.passMarkAboveTotal'],
      councilSizeDefault: ['validation.councilSizeOrder'],
      uploadMaxMb: ['validation.tooSmall'],
      'reportDueDays.0': ['validation.monthDay'],
    });
  });

  it('applies a changed upload limit, pass mark and council size at once, and the defaults again when restored', async () => {
    try {
      await updateSettings(cast.admin, { ...originalSettings, uploadMaxMb: 1, passMark: 85, councilSizeMax: 7, councilSizeDefault: 7 });
      const j = await Journey.start(cast, org);
      // 1.5 MB: fine under the default 20 MB, too large under 1 MB.
      const big = await refused(() =>
        uploadAttachment(org, { taskId: j.taskId, kind: 'CV', fileName: 'ly-lich.pdf', bytes: bigPdf(1_572_864) }),
      );
      expect(big.fieldErrors).toEqual({ file: ['validation.fileTooLarge'] });
      expect(big.params).toEqual({ mb: 1 });

      await j.submit();
      const eight = cast.evaluators.slice(0, 8).map((m, i) => ({ userId: m.id, position: positionsFor(8)[i] }));
      const tooMany = await refused(async () => formCouncil(cast.staff, { ...(await j.ref()), stage: 'PROPOSAL', members: eight }));
      expect(tooMany.params).toEqual({ min: 5, max: 7 });

      await j.formCouncil('PROPOSAL');
      await j.startReview();
      await j.declareNoConflict('PROPOSAL');
      await j.voteProposal(); // every member gives 80
      const [council] = await getTaskCouncils(cast.staff, j.taskId);
      expect(council.result).toMatchObject({ meanScore: 80, passMark: 85, outcome: 'RECOMMEND_REJECTION' });

      await updateSettings(cast.admin, originalSettings);
      const [again] = await getTaskCouncils(cast.staff, j.taskId);
      expect(again.result).toMatchObject({ meanScore: 80, passMark: 70, outcome: 'RECOMMEND_APPROVAL' });
      await uploadAttachment(org, {
        taskId: (await Journey.start(cast, org)).taskId,
        kind: 'CV',
        fileName: 'ly-lich.pdf',
        bytes: bigPdf(1_572_864),
      });
    } finally {
      await updateSettings(cast.admin, originalSettings);
    }
  });

  it('ignores settings posted by a non-admin', async () => {
    for (const who of [cast.staff, org, cast.evaluators[0]]) {
      const before = await everything();
      expect(await caught(updateSettings(who, { ...originalSettings, uploadMaxMb: 200 }))).toBeInstanceOf(ForbiddenError);
      expect(await everything()).toEqual(before);
    }
  });
});

describe('input that passes a schema but cannot be stored (issue 6, item 6)', () => {
  it('refuses a NUL byte in any text field, with the message on that field', async () => {
    const e = await refused(() => createDraft(org, fullContent({ title: 'Nghiên cứu ứng dụng\u0000 cảm biến nước' })));
    expect(e.fieldErrors).toEqual({ title: ['validation.invalidCharacters'] });
    const nested = await refused(() =>
      createDraft(org, fullContent({ keyMembers: [{ name: 'Lê Văn\u0000 A', role: 'Thành viên', degree: '', organization: '' }] })),
    );
    expect(nested.fieldErrors).toEqual({ 'keyMembers.0.name': ['validation.invalidCharacters'] });
  });

  it('refuses a lone surrogate in a text that is stored as JSON', async () => {
    const e = await refused(() =>
      createDraft(
        org,
        fullContent({ expectedProducts: [{ name: 'Thiết bị \ud800 đo', kind: 'Thiết bị', quantity: 1, quality: 'Đạt tiêu chuẩn' }] }),
      ),
    );
    expect(e.fieldErrors).toEqual({ 'expectedProducts.0.name': ['validation.invalidCharacters'] });
  });

  it('refuses a NUL byte in an id, a version beyond the integer range, and endless nesting', async () => {
    const j = await Journey.start(cast, org);
    expect((await refused(() => submitTask(org, { taskId: `${j.taskId}\u0000`, version: 1 }))).fieldErrors).toHaveProperty('taskId');
    expect((await refused(() => submitTask(org, { taskId: j.taskId, version: 2_147_483_648 }))).fieldErrors).toEqual({
      version: ['validation.tooBig'],
    });
    let deep: unknown = 'đáy';
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    expect((await refused(() => createDraft(org, { ...fullContent(), extra: deep }))).fieldErrors).toEqual({
      _form: ['validation.tooComplex'],
    });
  });

  it('refuses impossible dates and times instead of moving them: year 0, 10:75, 24:00', async () => {
    const j = await (await Journey.start(cast, org)).driveTo('UNDER_REVIEW');
    const approve = async (decisionDate: string) =>
      approveTask(cast.admin, {
        ...(await j.ref()),
        decisionNo: '12/QĐ-SKHCN',
        decisionDate,
        approvedBudget: '1.000.000.000',
        approvedDurationMonths: 12,
      });
    expect((await refused(() => approve('0000-01-01'))).fieldErrors).toEqual({ decisionDate: ['validation.dateRange'] });
    expect((await refused(() => approve('2201-01-01'))).fieldErrors).toEqual({ decisionDate: ['validation.dateRange'] });
    for (const opensAt of ['2026-11-01T10:75', '2026-11-01T24:00', '0000-11-01T10:00']) {
      const e = await refused(() =>
        createCall(cast.staff, { title: `Đợt đề xuất ${uniq()}`, year: 2028, opensAt, closesAt: '2027-04-30T17:00' }),
      );
      expect(e.fieldErrors, opensAt).toEqual({ opensAt: ['validation.dateTime'] });
    }
    expect(
      (
        await refused(async () =>
          formCouncil(cast.staff, { ...(await j.ref()), stage: 'PROPOSAL', meetingAt: '2027-01-10T25:00', members: [] }),
        )
      ).fieldErrors,
    ).toMatchObject({ meetingAt: ['validation.dateTime'] });
  });

  it('answers a malformed id in a URL with "not found" and a NUL byte in a search with the unfiltered list', async () => {
    const { getTaskDossier, listQueue } = await import('@/lib/tasks/service');
    const { getAttachmentFile } = await import('@/lib/attachments/service');
    const { NotFoundError } = await import('@/lib/server/errors');
    expect(await caught(getTaskDossier(cast.staff, 'abc\u0000def'))).toBeInstanceOf(NotFoundError);
    expect(await caught(getTaskDossier(cast.staff, 'x'.repeat(5000)))).toBeInstanceOf(NotFoundError);
    expect(await caught(getAttachmentFile(cast.staff, '\ud800'))).toBeInstanceOf(NotFoundError);
    const all = await listQueue(cast.staff, {});
    const poisoned = await listQueue(cast.staff, { q: 'nông\u0000nghiệp', callId: 'a\u0000b' });
    expect(poisoned.total).toBe(all.total);
  });
});

describe('Office files that are zip bombs (issue 6, item 7)', () => {
  it('refuses a 300 KB .docx that expands to 300 MB, and stores nothing', async () => {
    const { docxBomb } = await import('../support/zip');
    const bomb = docxBomb(300);
    expect(bomb.byteLength).toBeLessThan(400 * 1024);
    const j = await Journey.start(cast, org, {}, { proposalDoc: false });
    const e = await refused(() =>
      uploadAttachment(org, { taskId: j.taskId, kind: 'PROPOSAL_DOC', fileName: 'thuyet-minh.docx', bytes: bomb }),
    );
    expect(e.fieldErrors).toEqual({ file: ['validation.archiveUnsafe'] });
  });

  it('refuses an archive whose parts lie about their size, and one with too many parts', async () => {
    const { docx } = await import('../support/zip');
    const j = await Journey.start(cast, org, {}, { proposalDoc: false });
    const liar = docx([{ name: 'word/media/a.bin', data: Buffer.alloc(3 * 1024 * 1024, 7), declaredSize: 1000 }]);
    expect(
      (await refused(() => uploadAttachment(org, { taskId: j.taskId, kind: 'PROPOSAL_DOC', fileName: 'a.docx', bytes: liar }))).fieldErrors,
    ).toEqual({ file: ['validation.archiveUnsafe'] });
    const crowded = docx(Array.from({ length: 5_001 }, (_, i) => ({ name: `word/parts/p${i}.xml`, data: Buffer.from('<p/>') })));
    expect(
      (await refused(() => uploadAttachment(org, { taskId: j.taskId, kind: 'PROPOSAL_DOC', fileName: 'b.docx', bytes: crowded })))
        .fieldErrors,
    ).toEqual({ file: ['validation.archiveUnsafe'] });
  });

  it('accepts an ordinary Word document, recognised as DOCX from its content', async () => {
    const { docx } = await import('../support/zip');
    const j = await Journey.start(cast, org, {}, { proposalDoc: false });
    const text = Buffer.from('<w:p>'.concat('Nội dung thuyết minh chi tiết. '.repeat(2000), '</w:p>'));
    const saved = await uploadAttachment(org, {
      taskId: j.taskId,
      kind: 'PROPOSAL_DOC',
      fileName: 'thuyet-minh',
      bytes: docx([{ name: 'word/footnotes.xml', data: text }]),
    });
    expect(saved).toMatchObject({
      fileName: 'thuyet-minh.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });
});
