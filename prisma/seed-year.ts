// The demo department's year 2026, in the two-phase process (domain.md, "The year: two phases before a task
// runs"), written on top of the first demo's users, organizations and tasks so that the year's figures read as a
// department states them to the press: "47 tasks submitted for approval (listed by UBND), 30 approved for
// implementation, 19 accepted".
//
// Phase 1: the needs call for plan year 2027 (5 January - 31 March 2026), 62 needs proposals (some returned and
// completed, three merged into another, three withdrawn), one identification council over the other 56 (met on
// 23 April), UBND's list decided on 19 June 2026 (Quyết định 1268/QĐ-UBND): 47 listed, 2 struck.
// Phase 2: the selection notice (1 July - 15 August 2026), 61 dossiers (one withdrawn), a selection council per
// listed task (one Council row per dossier, same members), the leader's selections (one against the council),
// revisions, appraisals, 30 approvals (September - November), 20 contracts.
// And the older tasks (approved in 2023-2024) whose acceptance was decided in 2026.
//
// Rows are made in memory with their ids and written with createMany, in the order of their foreign keys.
import type { Prisma } from '../lib/generated/prisma/client';
import type { Db } from '../lib/server/prisma-client';
import { DEFAULT_SETTINGS } from '../lib/domain/settings';
import { acceptanceResult, proposalResult, type Rating, type Recommendation } from '../lib/domain/grading';
import { selectionResult } from '../lib/domain/selection';
import { batchParties, identificationResult } from '../lib/domain/identification';
import { compositionErrors, type Position, type TaskParties } from '../lib/domain/council-rules';
import { checkTransition, type TaskAction } from '../lib/domain/workflow';
import { NEEDS_MACHINE, type NeedsAction, type NeedsStatus } from '../lib/domain/needs-workflow';
import { planFigures, taskFigures } from '../lib/statistics/figures';
import type { Role } from '../lib/domain/roles';
import type { ScienceField, TaskStatus, TaskType } from '../lib/domain/task-status';
import { EVALUATORS, ORGANIZATIONS, ORGANIZATION_USERS } from './seed-data';
import {
  NEEDS_2027,
  OLDER_TASKS,
  YEAR_EVALUATORS,
  YEAR_ORGANIZATIONS,
  YEAR_ORGANIZATION_USERS,
  YEAR_PIS,
  YEAR_TEAMS,
  type YearNeeds,
  type YearOutcome,
} from './seed-year-data';
import {
  DAY,
  MEETING_PLACES,
  addDays,
  addMonths,
  atVn,
  dateOnly,
  demoPdf,
  idMaker,
  isoDay,
  meetingRows,
  rng,
  storeDemoFile,
  vn,
  vnDay,
  workday,
  type SeedTx,
} from './seed-util';

export type YearContext = {
  passwordHash: string;
  /** Organization ids by key (the year's organizations are added). */
  orgId: Record<string, string>;
  /** User ids by email (the year's users are added). */
  userId: Record<string, string>;
  /** Task codes already given per approval year (KHCN-<year>-<nnn>): continued here. */
  codeSeq: Record<number, number>;
};

const settings = DEFAULT_SETTINGS;
const QUORUM = { numerator: settings.quorumNumerator, denominator: settings.quorumDenominator };
const GRADE = { numerator: settings.gradeNumerator, denominator: settings.gradeDenominator };
/** Notifications older than this were read by their users; the newer ones are still unread. */
const READ_BEFORE = vn('2026-11-15T00:00:00');
const PLAN_YEAR = 2027;
const LIST_DECISION = { number: '1268/QĐ-UBND', date: dateOnly('2026-06-19'), recordedAt: vn('2026-06-22T09:30:00') };
const NOTICE_TITLE =
  'Thông báo tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì nhiệm vụ KH&CN cấp tỉnh đặt hàng (danh mục kế hoạch 2027)';
// Note: the notice's title names no "năm 2026/2027": the browser tests pick the older notices by those words.

const BUDGET_ITEMS: [string, number][] = [
  ['Thuê khoán chuyên môn', 0.46],
  ['Nguyên vật liệu, năng lượng', 0.2],
  ['Thiết bị, máy móc', 0.14],
  ['Hội thảo, công tác phí', 0.08],
  ['Chi khác', 0.12],
];

const APPRAISAL_REMARKS = [
  'Nội dung nghiên cứu phù hợp mục tiêu đặt hàng. Đề nghị gộp nội dung 3 và 4, bổ sung chỉ tiêu kỹ thuật cụ thể cho sản phẩm chính; dự toán thuê khoán chuyên môn điều chỉnh theo định mức hiện hành của tỉnh.',
  'Thuyết minh đã hoàn thiện theo kết luận của Hội đồng. Tổ thẩm định thống nhất nội dung; cắt giảm chi phí hội thảo và công tác phí do trùng lặp, giữ nguyên kinh phí nguyên vật liệu.',
  'Các nội dung đáp ứng yêu cầu đặt hàng; đề nghị làm rõ địa điểm triển khai mô hình và phương án chuyển giao. Kinh phí thiết bị điều chỉnh theo báo giá cạnh tranh.',
  'Tổ thẩm định thống nhất mục tiêu, nội dung và sản phẩm. Đề nghị tổ chức chủ trì bảo đảm nguồn đối ứng như cam kết; điều chỉnh giảm ngày công thuê khoán của nội dung tổng quan.',
  'Nội dung khả thi, sản phẩm rõ ràng. Đề nghị bổ sung kế hoạch kiểm định sản phẩm; dự toán chi khác điều chỉnh theo quy định về quản lý nhiệm vụ khoa học và công nghệ.',
];

const REVISION_NOTES = [
  'Đề nghị hoàn thiện thuyết minh theo kết luận của Hội đồng: làm rõ phương pháp bố trí thí nghiệm, bổ sung chỉ tiêu kỹ thuật của sản phẩm và điều chỉnh dự toán thuê khoán chuyên môn.',
  'Đề nghị hoàn thiện thuyết minh theo kết luận của Hội đồng: thu hẹp phạm vi khảo sát, bổ sung phương án chuyển giao kết quả và cam kết của đơn vị ứng dụng.',
  'Đề nghị hoàn thiện thuyết minh theo kết luận của Hội đồng: tách sản phẩm dạng I và dạng II, nêu rõ tiêu chuẩn đánh giá và tiến độ từng nội dung.',
];

const APPROVE_COMMENTS = [
  'Hồ sơ đáp ứng yêu cầu đặt hàng; phương pháp phù hợp, đội ngũ thực hiện có kinh nghiệm.',
  'Nội dung đầy đủ, sản phẩm rõ ràng; đề nghị cụ thể hóa kế hoạch chuyển giao.',
  'Tổ chức chủ trì có cơ sở vật chất tốt và kết quả nghiên cứu trước đó liên quan.',
];
const REVISE_COMMENTS = [
  'Đề nghị làm rõ phương pháp, bổ sung chỉ tiêu kỹ thuật của sản phẩm và điều chỉnh dự toán.',
  'Cần thu hẹp phạm vi, tập trung vào mô hình ứng dụng; dự toán thuê khoán còn cao.',
];
const REJECT_COMMENTS = [
  'Phương pháp nghiên cứu chưa thuyết phục; sản phẩm chưa đáp ứng yêu cầu đặt hàng.',
  'Thuyết minh sơ sài, đội ngũ thực hiện thiếu chuyên gia đúng chuyên ngành.',
  'Kế hoạch triển khai chưa khả thi, dự toán chưa phù hợp với khối lượng công việc.',
];

type Evaluator = { id: string; email: string; name: string; field: ScienceField; orgKey?: string; orgId: string | null };
type Seat = { userId: string; position: Position };

/** Rows to write, in the order of their foreign keys. */
class Rows {
  organizations: Prisma.OrganizationCreateManyInput[] = [];
  users: Prisma.UserCreateManyInput[] = [];
  profiles: Prisma.EvaluatorProfileCreateManyInput[] = [];
  calls: Prisma.CallCreateManyInput[] = [];
  identificationCouncils: Prisma.IdentificationCouncilCreateManyInput[] = [];
  identificationMembers: Prisma.IdentificationMemberCreateManyInput[] = [];
  needs: Prisma.NeedsProposalCreateManyInput[] = [];
  mergedNeeds: Prisma.NeedsProposalCreateManyInput[] = [];
  ratings: Prisma.NeedsRatingCreateManyInput[] = [];
  lists: Prisma.OrderListCreateManyInput[] = [];
  listed: Prisma.ListedTaskCreateManyInput[] = [];
  tasks: Prisma.TaskCreateManyInput[] = [];
  councils: Prisma.CouncilCreateManyInput[] = [];
  members: Prisma.CouncilMemberCreateManyInput[] = [];
  ballots: Prisma.BallotCreateManyInput[] = [];
  meetings: Prisma.CouncilMeetingCreateManyInput[] = [];
  attendance: Prisma.CouncilAttendanceCreateManyInput[] = [];
  appraisals: Prisma.AppraisalCreateManyInput[] = [];
  attachments: Prisma.AttachmentCreateManyInput[] = [];
  events: Prisma.TaskEventCreateManyInput[] = [];
  reports: Prisma.ProgressReportCreateManyInput[] = [];
  notifications: Prisma.NotificationCreateManyInput[] = [];
  audit: Prisma.AuditEventCreateManyInput[] = [];

  async write(tx: SeedTx) {
    await tx.organization.createMany({ data: this.organizations });
    await tx.user.createMany({ data: this.users });
    await tx.evaluatorProfile.createMany({ data: this.profiles });
    await tx.call.createMany({ data: this.calls });
    await tx.identificationCouncil.createMany({ data: this.identificationCouncils });
    await tx.identificationMember.createMany({ data: this.identificationMembers });
    await tx.needsProposal.createMany({ data: this.needs });
    await tx.needsProposal.createMany({ data: this.mergedNeeds });
    await tx.needsRating.createMany({ data: this.ratings });
    await tx.orderList.createMany({ data: this.lists });
    await tx.listedTask.createMany({ data: this.listed });
    await tx.task.createMany({ data: this.tasks });
    await tx.council.createMany({ data: this.councils });
    await tx.councilMember.createMany({ data: this.members });
    await tx.ballot.createMany({ data: this.ballots });
    await tx.councilMeeting.createMany({ data: this.meetings });
    await tx.councilAttendance.createMany({ data: this.attendance });
    await tx.appraisal.createMany({ data: this.appraisals });
    await tx.attachment.createMany({ data: this.attachments });
    await tx.taskEvent.createMany({ data: this.events });
    await tx.progressReport.createMany({ data: this.reports });
    await tx.notification.createMany({ data: this.notifications });
    await tx.auditEvent.createMany({ data: this.audit });
  }
}

function fail(message: string): never {
  throw new Error(`[seed] year 2026: ${message}`);
}
const later = (a: Date, b: Date) => (a > b ? a : b);
const millions = (m: number) => BigInt(Math.round(m)) * 1_000_000n;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const vnYear = (d: Date) => Number(isoDay(vnDay(d)).slice(0, 4));
const formatVnd = (v: bigint) => v.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export async function seedYear(tx: SeedTx, ctx: YearContext) {
  const R = rng(20260105);
  const newId = idMaker(20260619);
  const pick = <T>(list: readonly T[]) => list[Math.floor(R() * list.length)];
  const between = (lo: number, hi: number) => lo + Math.floor(R() * (hi - lo + 1));
  const rows = new Rows();

  const admin = ctx.userId['admin@khcn.demo'];
  const staff = ctx.userId['staff@khcn.demo'];
  const staff2 = ctx.userId['staff2@khcn.demo'];
  const mainEvaluator = ctx.userId['evaluator@khcn.demo'];
  const departmentUsers = [admin, staff, staff2];

  // ---------------------------------------------------------------------------------------------------------
  // Organizations, their users, and more experts.
  // ---------------------------------------------------------------------------------------------------------
  for (const o of YEAR_ORGANIZATIONS) {
    const id = newId();
    ctx.orgId[o.key] = id;
    const { key: _key, ...data } = o;
    rows.organizations.push({ id, ...data, status: 'ACTIVE', createdAt: vn('2024-02-20T09:00:00') });
  }
  for (const u of YEAR_ORGANIZATION_USERS) {
    const id = newId();
    ctx.userId[u.email] = id;
    rows.users.push({
      id,
      email: u.email,
      name: u.name,
      role: 'ORGANIZATION',
      organizationId: ctx.orgId[u.org],
      passwordHash: ctx.passwordHash,
      createdAt: vn('2024-02-20T09:30:00'),
    });
  }
  for (const e of YEAR_EVALUATORS) {
    const id = newId();
    ctx.userId[e.email] = id;
    rows.users.push({
      id,
      email: e.email,
      name: e.name,
      role: 'EVALUATOR',
      passwordHash: ctx.passwordHash,
      createdAt: vn('2025-12-15T10:00:00'),
    });
    rows.profiles.push({
      userId: id,
      field: e.field,
      expertise: e.expertise,
      affiliation: e.affiliation,
      academicDegree: e.degree,
      organizationId: e.org ? ctx.orgId[e.org] : null,
    });
  }
  const orgName: Record<string, string> = Object.fromEntries(
    [...ORGANIZATIONS, ...YEAR_ORGANIZATIONS].map((o) => [o.key, o.name] as const),
  );
  const orgUser = (key: string) => {
    const u = [...ORGANIZATION_USERS, ...YEAR_ORGANIZATION_USERS].find((x) => x.org === key) ?? fail(`no user for ${key}`);
    return ctx.userId[u.email];
  };
  const evaluators: Evaluator[] = [...EVALUATORS, ...YEAR_EVALUATORS].map((e) => ({
    id: ctx.userId[e.email],
    email: e.email,
    name: e.name,
    field: e.field,
    orgKey: e.org,
    orgId: e.org ? ctx.orgId[e.org] : null,
  }));
  const evaluatorById = new Map(evaluators.map((e) => [e.id, e]));

  // ---------------------------------------------------------------------------------------------------------
  // Small writers.
  // ---------------------------------------------------------------------------------------------------------
  const notify = (userIds: string[], kind: string, taskId: string | null, params: Record<string, unknown>, at: Date) => {
    for (const userId of userIds)
      rows.notifications.push({
        userId,
        taskId,
        kind,
        params: params as Prisma.InputJsonValue,
        createdAt: at,
        readAt: at < READ_BEFORE ? addDays(at, 1) : null,
      });
  };
  const audit = (
    actorId: string,
    action: string,
    entityType: string,
    entityId: string,
    at: Date,
    extra: { taskId?: string; before?: object; after?: object } = {},
  ) => {
    rows.audit.push({
      actorId,
      action,
      entityType,
      entityId,
      taskId: extra.taskId ?? null,
      before: extra.before as Prisma.InputJsonValue | undefined,
      after: extra.after as Prisma.InputJsonValue | undefined,
      createdAt: at,
    });
  };
  const attach = (
    taskId: string,
    kind: Prisma.AttachmentCreateManyInput['kind'],
    fileName: string,
    title: string,
    by: string,
    at: Date,
  ) => {
    rows.attachments.push({
      id: newId(),
      taskId,
      kind,
      fileName,
      mimeType: 'application/pdf',
      uploadedById: by,
      createdAt: at,
      ...storeDemoFile(demoPdf(`${fileName} - ${title}`)),
    });
  };
  /** A task's history: each step checked against the task state machine (lib/domain/workflow.ts). */
  const history = (
    taskId: string,
    steps: { action: TaskAction; at: Date; actor: string; role: Role; note?: string | null; internal?: string }[],
  ) => {
    let status: TaskStatus | null = null;
    steps.forEach((s, k) => {
      if (k > 0 && s.at <= steps[k - 1].at) fail(`task ${taskId}: ${s.action} is not after ${steps[k - 1].action}`);
    });
    for (const s of steps) {
      const check = checkTransition(status, s.action, s.role);
      if (!check.ok) fail(`task ${taskId}: ${s.action} from ${status} by ${s.role} (${check.reason})`);
      rows.events.push({
        id: newId(),
        taskId,
        actorId: s.actor,
        action: s.action,
        fromStatus: status,
        toStatus: check.to,
        note: s.note ?? null,
        internalNote: s.internal ?? null,
        createdAt: s.at,
      });
      status = check.to;
    }
    return { status: status!, version: steps.length, last: steps[steps.length - 1].at };
  };

  /** Seven members for a council: experts of the field first (rotated by `offset`), none from a barred organization. */
  const chooseMembers = (field: ScienceField, barredOrgIds: string[], offset: number, viceChair: boolean): Seat[] => {
    const eligible = evaluators.filter((e) => !e.orgId || !barredOrgIds.includes(e.orgId));
    const rotate = (list: Evaluator[]) => list.map((_, k) => list[(k + offset) % list.length]);
    const ordered = [...rotate(eligible.filter((e) => e.field === field)), ...rotate(eligible.filter((e) => e.field !== field))];
    const positions: Position[] = viceChair
      ? ['CHAIR', 'REVIEWER', 'REVIEWER', 'SECRETARY', 'VICE_CHAIR', 'MEMBER', 'MEMBER']
      : ['CHAIR', 'REVIEWER', 'REVIEWER', 'SECRETARY', 'MEMBER', 'MEMBER', 'MEMBER'];
    return ordered.slice(0, 7).map((e, k) => ({ userId: e.id, position: positions[k] }));
  };
  const assertComposition = (seats: Seat[], parties: TaskParties, what: string) => {
    const errors = compositionErrors(
      seats.map((s) => {
        const e = evaluatorById.get(s.userId)!;
        return { userId: e.id, name: e.name, email: e.email, organizationId: e.orgId, position: s.position };
      }),
      parties,
      settings,
    );
    if (errors.length) fail(`${what}: council composition ${JSON.stringify(errors)}`);
  };
  /** The member who stays away from a meeting (a plain member, never the chair, a reviewer or the main demo expert). */
  const absentee = (seats: Seat[]) => [...seats].reverse().find((s) => s.position === 'MEMBER' && s.userId !== mainEvaluator)?.userId;

  /** Proposal ballots around a target mean: totals split over the criteria, recommendations that fit the scores. */
  const proposalBallots = (voters: number, target: number, revisions: boolean) =>
    Array.from({ length: voters }, (_, k) => {
      const total0 = Math.max(35, Math.min(96, Math.round(target + (R() - 0.5) * 10)));
      let necessity = Math.min(15, Math.round(total0 * 0.15 + (R() - 0.5) * 2));
      let results = Math.min(35, Math.round(total0 * 0.35 + (R() - 0.5) * 3));
      let feasibility = total0 - necessity - results;
      if (feasibility > 50) {
        const over = feasibility - 50;
        feasibility = 50;
        const toResults = Math.min(over, 35 - results);
        results += toResults;
        necessity = Math.min(15, necessity + over - toResults);
      }
      const totalScore = necessity + feasibility + results;
      const recommendation: Recommendation =
        totalScore >= 70
          ? revisions && k % 2 === 0
            ? 'APPROVE_WITH_REVISIONS'
            : 'APPROVE'
          : totalScore >= 64
            ? 'APPROVE_WITH_REVISIONS'
            : 'REJECT';
      const comments =
        recommendation === 'APPROVE'
          ? pick(APPROVE_COMMENTS)
          : recommendation === 'APPROVE_WITH_REVISIONS'
            ? pick(REVISE_COMMENTS)
            : pick(REJECT_COMMENTS);
      return { scores: { necessity, feasibility, results }, totalScore, recommendation, comments };
    });
  type BallotDraft = ReturnType<typeof proposalBallots>[number];
  const resultOf = (members: number, ballots: BallotDraft[]) =>
    proposalResult({
      members,
      ballots: ballots.map((b) => ({ totalScore: b.totalScore, recommendation: b.recommendation })),
      passMark: settings.passMark,
      quorum: QUORUM,
    });

  // ---------------------------------------------------------------------------------------------------------
  // Phase 1: the needs call for plan year 2027.
  // ---------------------------------------------------------------------------------------------------------
  const needsCallId = newId();
  const needsCallCreated = vn('2025-12-22T10:00:00');
  rows.calls.push({
    id: needsCallId,
    kind: 'NEEDS',
    title: 'Đợt đề xuất đặt hàng nhiệm vụ KH&CN cấp tỉnh năm 2027',
    year: PLAN_YEAR,
    description:
      'Sở Khoa học và Công nghệ tiếp nhận phiếu đề xuất đặt hàng nhiệm vụ khoa học và công nghệ cấp tỉnh thực hiện từ năm 2027 của các tổ chức, sở, ngành, địa phương và doanh nghiệp, ưu tiên nông nghiệp công nghệ cao, chuyển đổi số, y tế cộng đồng và thích ứng biến đổi khí hậu.',
    fields: [],
    opensAt: vn('2026-01-05T08:00:00'),
    closesAt: vn('2026-03-31T17:00:00'),
    createdById: staff,
    createdAt: needsCallCreated,
    updatedAt: needsCallCreated,
  });
  audit(staff, 'call.create', 'Call', needsCallId, needsCallCreated, {
    after: { kind: 'NEEDS', title: 'Đợt đề xuất đặt hàng nhiệm vụ KH&CN cấp tỉnh năm 2027', year: PLAN_YEAR },
  });

  type NeedsStep = { action: NeedsAction; at: Date; actor: string; role: Role; after?: object };
  type NeedsPlan = {
    spec: YearNeeds;
    id: string;
    createdAt: Date;
    submitAt: Date;
    steps: NeedsStep[];
    code?: string;
    status?: NeedsStatus;
  };
  const callOpens = vn('2026-01-05T10:00:00');
  const lastDay = dateOnly('2026-03-31');
  const plans: NeedsPlan[] = NEEDS_2027.map((spec) => {
    let submitDay: Date;
    if (spec.returned) submitDay = addDays(dateOnly('2026-01-19'), between(0, 28));
    else if (spec.fate === 'WITHDRAWN') submitDay = addDays(dateOnly('2026-01-26'), between(0, 30));
    else {
      const r = R();
      submitDay = addDays(lastDay, -Math.floor(82 * r * r));
    }
    const submitAt = atVn(submitDay, submitDay.getTime() === lastDay.getTime() ? between(8, 16) : between(8, 17), between(0, 59));
    const createdAt = later(callOpens, atVn(addDays(submitDay, -between(2, 21)), between(8, 11), between(0, 59)));
    return { spec, id: newId(), createdAt, submitAt, steps: [] };
  });
  const planByKey = new Map(plans.map((p) => [p.spec.key, p]));
  // Codes follow the first submission (DX-2027-001 is the earliest).
  [...plans]
    .sort((a, b) => a.submitAt.getTime() - b.submitAt.getTime())
    .forEach((p, k) => (p.code = `DX-${PLAN_YEAR}-${String(k + 1).padStart(3, '0')}`));

  // The identification council over the batch.
  const idCouncilId = newId();
  const idFormedAt = vn('2026-04-10T09:30:00');
  const idMeetingAt = vn('2026-04-23T08:00:00');
  const idConcludedAt = vn('2026-04-28T15:00:00');
  const idCouncilName = 'Hội đồng tư vấn xác định nhiệm vụ KH&CN cấp tỉnh đặt hàng năm 2027';
  const batch = plans.filter((p) => ['LISTED', 'STRUCK', 'NOT_RECOMMENDED'].includes(p.spec.fate));
  const idSeats: Seat[] = (
    [
      ['chuyengia03@khcn.demo', 'CHAIR'],
      ['evaluator@khcn.demo', 'VICE_CHAIR'],
      ['chuyengia02@khcn.demo', 'REVIEWER'],
      ['chuyengia16@khcn.demo', 'REVIEWER'],
      ['chuyengia07@khcn.demo', 'SECRETARY'],
      ['chuyengia06@khcn.demo', 'MEMBER'],
      ['chuyengia13@khcn.demo', 'MEMBER'],
    ] as const
  ).map(([email, position]) => ({ userId: ctx.userId[email], position }));
  assertComposition(idSeats, batchParties(batch.map((p) => ctx.orgId[p.spec.org])), 'identification council');
  rows.identificationCouncils.push({
    id: idCouncilId,
    callId: needsCallId,
    name: idCouncilName,
    status: 'CLOSED',
    version: 2,
    meetingAt: idMeetingAt,
    createdById: staff,
    createdAt: idFormedAt,
    closedAt: idConcludedAt,
  });
  const idMemberIds = idSeats.map((s, k) => {
    const id = newId();
    rows.identificationMembers.push({
      id,
      councilId: idCouncilId,
      userId: s.userId,
      position: s.position,
      conflictStatus: 'NO_CONFLICT',
      declaredAt: atVn(addDays(dateOnly('2026-04-13'), k % 3), 9 + k, 15),
      createdAt: idFormedAt,
    });
    audit(s.userId, 'identification.declareConflict', 'IdentificationMember', id, atVn(addDays(dateOnly('2026-04-13'), k % 3), 9 + k, 15), {
      before: { conflictStatus: 'PENDING' },
      after: { conflictStatus: 'NO_CONFLICT', conflictReason: null },
    });
    notify([s.userId], 'identificationSeatAssigned', null, { title: idCouncilName, seatId: id }, idFormedAt);
    return id;
  });
  audit(staff, 'identification.form', 'IdentificationCouncil', idCouncilId, idFormedAt, {
    after: { name: idCouncilName, needs: batch.length, members: idSeats },
  });
  {
    const { meeting, attendance } = meetingRows({
      id: newId(),
      identificationCouncilId: idCouncilId,
      heldAt: idMeetingAt,
      seats: idSeats,
      online: [ctx.userId['chuyengia13@khcn.demo']],
      place: MEETING_PLACES[0],
      minutesNote: `Hội đồng làm việc cả ngày, xem xét ${batch.length} phiếu đề xuất đặt hàng theo từng lĩnh vực; các thành viên chấm phiếu tại phiên họp.`,
      createdById: staff,
      createdAt: addDays(idMeetingAt, 1),
    });
    rows.meetings.push(meeting);
    rows.attendance.push(...attendance);
  }

  // Each needs proposal's history, its ratings and what the council concluded.
  const conclusion = new Map<string, { method: 'SELECTION' | 'DIRECT'; directOrgId: string | null }>();
  for (const p of plans) {
    const { spec } = p;
    const user = orgUser(spec.org);
    p.steps.push({ action: 'create', at: p.createdAt, actor: user, role: 'ORGANIZATION' });
    p.steps.push({ action: 'submit', at: p.submitAt, actor: user, role: 'ORGANIZATION', after: { code: p.code } });
    if (spec.returned) {
      const returnAt = atVn(workday(addDays(vnDay(p.submitAt), between(4, 7))), 10, 30);
      const resubmitAt = atVn(addDays(vnDay(returnAt), between(6, 12)), 15, between(0, 59));
      p.steps.push({ action: 'return', at: returnAt, actor: staff, role: 'DEPARTMENT_STAFF', after: { returnNote: spec.returned } });
      p.steps.push({ action: 'resubmit', at: resubmitAt, actor: user, role: 'ORGANIZATION', after: { code: p.code } });
      notify([user], 'needsReturned', null, { title: spec.title, needsId: p.id }, returnAt);
    }
    if (spec.fate === 'WITHDRAWN') {
      const at = atVn(addDays(vnDay(p.submitAt), between(8, 25)), 16, 10);
      if (at > vn('2026-03-31T17:00:00')) fail(`${spec.key} withdrawn after the call closed`);
      p.steps.push({ action: 'withdraw', at, actor: user, role: 'ORGANIZATION' });
    }
    if (spec.fate === 'MERGED') {
      const target = planByKey.get(spec.mergedInto!) ?? fail(`${spec.key}: merge target`);
      const at = atVn(dateOnly('2026-04-07'), 10, (5 * plans.indexOf(p)) % 50);
      p.steps.push({ action: 'merge', at, actor: staff, role: 'DEPARTMENT_STAFF', after: { mergedInto: target.id } });
      notify([user], 'needsMerged', null, { title: spec.title, needsId: p.id }, at);
    }
    if (!batch.includes(p)) continue;
    p.steps.push({
      action: 'startIdentification',
      at: idFormedAt,
      actor: staff,
      role: 'DEPARTMENT_STAFF',
      after: { council: idCouncilId },
    });

    // The members' ratings.
    const recommended = spec.fate !== 'NOT_RECOMMENDED';
    const listed = spec.listed;
    const direct = listed?.direct;
    const yes = new Set<number>();
    if (recommended) {
      for (let k = 0; k < 7; k++) yes.add(k);
      const no = pick([0, 0, 0, 1, 1, 2]);
      for (let k = 0; k < no; k++) yes.delete(6 - k * 2);
    } else {
      const count = pick([0, 0, 1, 1, 2]);
      for (let k = 0; k < count; k++) yes.add(3 + k * 2);
    }
    // A dissenting vote for direct assignment to the proposer on some proposals put to selection.
    const dissent = ['L17', 'L21', 'L30'].includes(spec.key) ? 3 : -1;
    const votes = idSeats.map((s, k) => {
      const r = yes.has(k);
      const method: 'SELECTION' | 'DIRECT' | null = !r ? null : direct || (k === dissent && yes.has(k)) ? 'DIRECT' : 'SELECTION';
      const directOrganizationId = method === 'DIRECT' ? ctx.orgId[direct?.org ?? spec.org] : null;
      return { k, recommend: r, method, directOrganizationId };
    });
    const result = identificationResult({ members: 7, votes, quorum: QUORUM });
    if (result.outcome !== (recommended ? 'RECOMMEND' : 'NOT_RECOMMEND')) fail(`${spec.key}: identification outcome ${result.outcome}`);
    if (recommended && result.method !== (direct ? 'DIRECT' : 'SELECTION')) fail(`${spec.key}: identification method ${result.method}`);
    const refinedTitle = listed?.title ?? spec.title;
    const refinedObjectives = listed ? `${capitalize(listed.goal)}.` : '';
    const refinedProducts = listed ? `${listed.products}.` : '';
    for (const v of votes) {
      const at = atVn(dateOnly('2026-04-23'), 10 + ((batch.indexOf(p) * 7 + v.k) % 6), (batch.indexOf(p) * 3 + v.k * 7) % 60);
      const ratingId = newId();
      rows.ratings.push({
        id: ratingId,
        memberId: idMemberIds[v.k],
        needsId: p.id,
        status: 'SUBMITTED',
        recommend: v.recommend,
        method: v.method,
        directOrganizationId: v.directOrganizationId,
        directReason:
          v.method === 'DIRECT'
            ? (direct?.reason ?? 'Tổ chức đề xuất đã có kết quả nghiên cứu nền và cơ sở vật chất phù hợp; đề nghị giao trực tiếp.')
            : '',
        refinedTitle: v.recommend ? refinedTitle : '',
        refinedObjectives: v.recommend ? refinedObjectives : '',
        refinedProducts: v.recommend ? refinedProducts : '',
        comments: !v.recommend
          ? (spec.councilNote ?? 'Tính cấp thiết chưa rõ; đề nghị tổ chức đề xuất hoàn thiện và gửi ở đợt sau.')
          : v.k === 0
            ? 'Đề xuất cấp thiết, phù hợp định hướng phát triển của tỉnh; thống nhất tên, mục tiêu và sản phẩm như trên.'
            : '',
        submittedAt: at,
        updatedAt: at,
      });
      audit(idSeats[v.k].userId, 'identification.rate', 'NeedsRating', ratingId, at, {
        after: { needsId: p.id, status: 'SUBMITTED', recommend: v.recommend, method: v.method },
      });
    }
    if (recommended) {
      conclusion.set(p.id, { method: result.method!, directOrgId: result.directOrganizationId });
      p.steps.push({
        action: 'recommend',
        at: idConcludedAt,
        actor: staff,
        role: 'DEPARTMENT_STAFF',
        after: { method: result.method, recommending: result.recommending, voters: result.voters },
      });
    } else {
      p.steps.push({
        action: 'notRecommend',
        at: idConcludedAt,
        actor: staff,
        role: 'DEPARTMENT_STAFF',
        after: { recommending: result.recommending, voters: result.voters },
      });
    }
    notify([user], recommended ? 'needsRecommended' : 'needsNotRecommended', null, { title: spec.title, needsId: p.id }, idConcludedAt);
  }
  audit(staff, 'identification.conclude', 'IdentificationCouncil', idCouncilId, idConcludedAt, {
    after: { recommended: conclusion.size, notRecommended: batch.length - conclusion.size },
  });
  if (conclusion.size !== 49) fail(`${conclusion.size} needs proposals recommended, expected 49`);

  // UBND's list for 2027: assembled from the recommended proposals (by field), sent, decided.
  const listId = newId();
  const listCreated = vn('2026-05-05T08:30:00');
  const listSubmitted = vn('2026-05-15T15:00:00');
  const FIELD_ORDER: ScienceField[] = ['AGRICULTURAL', 'ENGINEERING', 'MEDICAL', 'NATURAL', 'SOCIAL', 'HUMANITIES'];
  const items = plans
    .filter((p) => conclusion.has(p.id))
    .sort((a, b) => FIELD_ORDER.indexOf(a.spec.field) - FIELD_ORDER.indexOf(b.spec.field) || a.submitAt.getTime() - b.submitAt.getTime());
  rows.lists.push({
    id: listId,
    planYear: PLAN_YEAR,
    title: 'Danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2027',
    status: 'DECIDED',
    version: 4 + items.filter((p) => p.spec.listed?.direct).length,
    letterNumber: '512/TTr-SKHCN',
    submittedAt: listSubmitted,
    decisionNumber: LIST_DECISION.number,
    decisionDate: LIST_DECISION.date,
    decidedAt: LIST_DECISION.recordedAt,
    createdById: staff,
    createdAt: listCreated,
    updatedAt: LIST_DECISION.recordedAt,
  });
  audit(staff, 'list.create', 'OrderList', listId, listCreated, {
    after: { planYear: PLAN_YEAR, title: 'Danh mục nhiệm vụ khoa học và công nghệ cấp tỉnh đặt hàng năm 2027' },
  });
  audit(staff, 'list.addItems', 'OrderList', listId, addDays(listCreated, 0.01), { after: { needsIds: items.map((p) => p.id) } });

  // The selection notice (created before the listed tasks are put to it).
  const noticeId = newId();
  const noticeCreated = vn('2026-06-26T10:00:00');
  const noticeOpens = vn('2026-07-01T08:00:00');
  const noticeCloses = vn('2026-08-15T17:00:00');
  rows.calls.push({
    id: noticeId,
    kind: 'SELECTION',
    title: NOTICE_TITLE,
    year: PLAN_YEAR,
    description: `Tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì 47 nhiệm vụ thuộc Danh mục nhiệm vụ KH&CN cấp tỉnh đặt hàng được UBND tỉnh phê duyệt tại Quyết định số ${LIST_DECISION.number} ngày 19/6/2026. Hồ sơ nộp trên hệ thống trước 17 giờ 00 ngày 15/8/2026; nhiệm vụ giao trực tiếp chỉ nhận hồ sơ của tổ chức được giao.`,
    fields: [...FIELD_ORDER],
    opensAt: noticeOpens,
    closesAt: noticeCloses,
    createdById: staff,
    createdAt: noticeCreated,
    updatedAt: noticeCreated,
  });
  audit(staff, 'call.create', 'Call', noticeId, noticeCreated, { after: { kind: 'SELECTION', title: NOTICE_TITLE, year: PLAN_YEAR } });
  const openedAt = vn('2026-06-29T14:00:00');

  type ListedPlan = {
    id: string;
    code: string | null;
    needs: NeedsPlan;
    spec: YearNeeds;
    title: string;
    method: 'SELECTION' | 'DIRECT';
    directOrgId: string | null;
    outcome: YearOutcome;
    struck: boolean;
    version: number;
    selectedAt?: Date;
    selectionNote?: string;
    updatedAt: Date;
  };
  let dm = 0;
  const listedPlans: ListedPlan[] = items.map((p) => {
    const struck = p.spec.fate === 'STRUCK';
    const c = conclusion.get(p.id)!;
    const id = newId();
    p.steps.push({
      action: struck ? 'strike' : 'list',
      at: LIST_DECISION.recordedAt,
      actor: admin,
      role: 'DEPARTMENT_ADMIN',
      after: { listId, itemId: id },
    });
    notify(
      [orgUser(p.spec.org)],
      struck ? 'needsStruck' : 'needsListed',
      null,
      { title: p.spec.title, needsId: p.id },
      LIST_DECISION.recordedAt,
    );
    if (c.method === 'DIRECT') {
      audit(staff, 'list.updateItem', 'OrderList', listId, vn('2026-05-06T10:00:00'), {
        after: { itemId: id, title: p.spec.listed!.title ?? p.spec.title, method: 'DIRECT' },
      });
    }
    return {
      id,
      code: struck ? null : `DM-${PLAN_YEAR}-${String(++dm).padStart(3, '0')}`,
      needs: p,
      spec: p.spec,
      title: p.spec.listed!.title ?? p.spec.title,
      method: c.method,
      directOrgId: c.directOrgId,
      outcome: p.spec.listed!.outcome,
      struck,
      version: struck ? 2 : 3,
      updatedAt: struck ? LIST_DECISION.recordedAt : openedAt,
    };
  });
  audit(staff, 'list.submit', 'OrderList', listId, listSubmitted, { before: { status: 'DRAFT' }, after: { status: 'SUBMITTED' } });
  audit(admin, 'list.decide', 'OrderList', listId, LIST_DECISION.recordedAt, {
    before: { status: 'SUBMITTED' },
    after: { status: 'DECIDED', decisionNumber: LIST_DECISION.number, listed: dm, struck: listedPlans.length - dm },
  });
  for (const l of listedPlans.filter((x) => !x.struck))
    audit(staff, 'listed.open', 'ListedTask', l.id, openedAt, {
      before: { status: 'LISTED' },
      after: { status: 'OPEN', callId: noticeId },
    });

  // The needs proposals' rows and their audit trail (every step checked against lib/domain/needs-workflow.ts).
  for (const p of plans) {
    let status: NeedsStatus | null = null;
    for (const s of p.steps) {
      const check = NEEDS_MACHINE.check(status, s.action, s.role);
      if (!check.ok) fail(`${p.spec.key}: needs ${s.action} from ${status}`);
      audit(s.actor, `needs.${s.action}`, 'NeedsProposal', p.id, s.at, {
        before: status ? { status } : undefined,
        after: { status: check.to, ...s.after },
      });
      status = check.to;
    }
    p.status = status!;
    const { spec } = p;
    const c = conclusion.get(p.id);
    const resubmitted = p.steps.find((s) => s.action === 'resubmit');
    const row: Prisma.NeedsProposalCreateManyInput = {
      id: p.id,
      code: p.code,
      callId: needsCallId,
      organizationId: ctx.orgId[spec.org],
      createdById: orgUser(spec.org),
      status: p.status,
      version: p.steps.length,
      title: spec.title,
      field: spec.field,
      problem: spec.problem,
      objectives: `Đề xuất giải pháp khoa học và công nghệ để ${spec.title.charAt(0).toLowerCase()}${spec.title.slice(1)}, đáp ứng nhu cầu của ${spec.applyingUnits.split(';')[0].trim()}.`,
      expectedResults: spec.listed
        ? `${spec.listed.products.split(';')[0].trim()}; báo cáo tổng hợp và tài liệu chuyển giao cho đơn vị ứng dụng.`
        : 'Giải pháp, mô hình ứng dụng và báo cáo tổng hợp chuyển giao cho đơn vị ứng dụng.',
      applyingUnits: spec.applyingUnits,
      durationMonths: spec.months,
      budgetEstimate: millions(spec.budgetMillions),
      returnNote: null,
      mergedIntoId: spec.mergedInto ? planByKey.get(spec.mergedInto)!.id : null,
      identificationCouncilId: batch.includes(p) ? idCouncilId : null,
      recommendedMethod: c?.method ?? null,
      recommendedDirectOrgId: c?.directOrgId ?? null,
      refinedTitle: c ? (spec.listed!.title ?? spec.title) : null,
      refinedObjectives: c ? `${capitalize(spec.listed!.goal)}.` : null,
      refinedProducts: c ? `${spec.listed!.products}.` : null,
      submittedAt: resubmitted?.at ?? p.submitAt,
      createdAt: p.createdAt,
      updatedAt: p.steps[p.steps.length - 1].at,
    };
    (spec.fate === 'MERGED' ? rows.mergedNeeds : rows.needs).push(row);
  }
  const lastCode = Math.max(...plans.map((p) => Number(p.code!.slice(-3))));

  // ---------------------------------------------------------------------------------------------------------
  // Phase 2: dossiers, selection councils, the leader's selections, revisions, appraisals, approvals, contracts.
  // ---------------------------------------------------------------------------------------------------------
  const outcomeCount = (o: YearOutcome) => listedPlans.filter((l) => !l.struck && l.outcome === o).length;
  const expected: Record<YearOutcome, number> = {
    RUNNING: 20,
    APPROVED: 10,
    APPRAISED: 2,
    REVISING: 1,
    SELECTED: 1,
    UNASSIGNED: 3,
    UNDER_REVIEW: 7,
    PROPOSED: 3,
  };
  for (const [o, n] of Object.entries(expected))
    if (outcomeCount(o as YearOutcome) !== n) fail(`${outcomeCount(o as YearOutcome)} listed tasks ${o}`);

  // When each listed task's council is formed: the approved ones first (the contracted ones earliest), then the rest.
  const ORDER: YearOutcome[] = ['RUNNING', 'APPROVED', 'UNASSIGNED', 'APPRAISED', 'REVISING', 'SELECTED'];
  const decided = listedPlans
    .filter((l) => !l.struck && ORDER.includes(l.outcome))
    .sort((a, b) => ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome));
  const open = listedPlans.filter((l) => !l.struck && !ORDER.includes(l.outcome));
  const formedDayOf = new Map<string, Date>();
  decided.forEach((l, r) => {
    const extra = l.outcome === 'REVISING' ? 6 : l.outcome === 'SELECTED' ? 16 : 0;
    formedDayOf.set(l.id, workday(addDays(dateOnly('2026-08-18'), Math.round(r * 1.6) + extra)));
  });
  open
    .filter((l) => l.outcome === 'UNDER_REVIEW')
    .forEach((l, j) => formedDayOf.set(l.id, workday(addDays(dateOnly('2026-10-26'), j * 4))));

  const piCursor: Record<string, number> = {};
  const nextPi = (org: string) => {
    const list = YEAR_PIS[org] ?? fail(`no principal investigator for ${org}`);
    piCursor[org] = (piCursor[org] ?? -1) + 1;
    return list[piCursor[org] % list.length];
  };
  type Steps = Parameters<typeof history>[1];
  /** A selected dossier that reached approval: its code and decision numbers are given in date order below. */
  type Approval = {
    task: Prisma.TaskCreateManyInput;
    steps: Steps;
    approveStep: Steps[number];
    approvalDay: Date;
    contractDay: Date | null;
    user: string;
    title: string;
  };
  const approvals: Approval[] = [];
  let councilOffset = 0;
  let meetingIndex = 0;
  let revisions = 0;

  for (const l of listedPlans.filter((x) => !x.struck)) {
    const spec = l.spec;
    const ls = spec.listed!;
    const formedDay = formedDayOf.get(l.id);
    const councilFormed = formedDay !== undefined;
    const isDecided = ORDER.includes(l.outcome);
    const assigned = isDecided && l.outcome !== 'UNASSIGNED';
    const bidders = ls.bidders;
    if (l.method === 'DIRECT' && (bidders.length !== 1 || ctx.orgId[bidders[0]] !== l.directOrgId))
      fail(`${spec.key}: direct assignment dossiers`);
    if (bidders.includes('uni')) fail(`${spec.key}: the university sends no dossier (the browser tests count its tasks)`);

    // The dossiers (Task rows), in the order they were sent.
    type Dossier = {
      id: string;
      org: string;
      user: string;
      createdAt: Date;
      submitAt: Date;
      budgetState: bigint;
      budgetOther: bigint;
      pi: ReturnType<typeof nextPi>;
      team: string[];
      withdrawnAt?: Date;
    };
    const makeDossier = (org: string, withdrawn: boolean): Dossier => {
      const createdDay = addDays(dateOnly('2026-07-03'), between(0, 36));
      // Much of a notice's traffic comes in its last days.
      const submitDay = R() < 0.55 ? addDays(dateOnly('2026-08-13'), between(0, 2)) : addDays(createdDay, between(7, 30));
      const day = submitDay > dateOnly('2026-08-15') ? dateOnly('2026-08-15') : submitDay;
      const submitAt = atVn(day, isoDay(day) === '2026-08-15' ? between(8, 16) : between(8, 21), between(0, 59));
      const state = Math.round((spec.budgetMillions * (0.86 + R() * 0.14)) / 10) * 10;
      const enterprise = ['bio', 'mech', 'fish', 'digital'].includes(org);
      const other = enterprise ? Math.round((state * (0.3 + R() * 0.3)) / 10) * 10 : R() < 0.3 ? Math.round((state * 0.1) / 10) * 10 : 0;
      const team = YEAR_TEAMS[org] ?? fail(`no team for ${org}`);
      const pi = nextPi(org);
      return {
        id: newId(),
        org,
        user: orgUser(org),
        createdAt: atVn(createdDay, between(8, 16), between(0, 59)),
        submitAt: later(submitAt, atVn(addDays(createdDay, 2), 9)),
        budgetState: millions(state),
        budgetOther: millions(other),
        pi,
        team: [team[0], team[1 + (piCursor[org] % 2)]],
        withdrawnAt: withdrawn ? atVn(dateOnly('2026-08-07'), 10, 20) : undefined,
      };
    };
    const dossiers = bidders.map((org) => makeDossier(org, false));
    const withdrawnDossiers = (ls.withdrawn ?? []).map((org) => makeDossier(org, true));
    for (const w of withdrawnDossiers)
      Object.assign(w, { createdAt: atVn(dateOnly('2026-07-14'), 10, 5), submitAt: atVn(dateOnly('2026-07-28'), 15, 40) });
    for (const d of [...dossiers, ...withdrawnDossiers])
      if (d.submitAt > noticeCloses) fail(`${spec.key}: dossier after the notice closed`);

    // The selection council: the same seven for every dossier of the listed task, none from a competing organization.
    let seats: Seat[] = [];
    let formedAt: Date | undefined;
    let heldAt: Date | undefined;
    let meetingAt: Date | null = null;
    let absent: string | undefined;
    let onlineMember: string | undefined;
    let fullyOnline = false;
    let selectedAt: Date | undefined;
    const hosts = dossiers.map((d) => ctx.orgId[d.org]);
    if (councilFormed) {
      formedAt = atVn(formedDay, 9, 30);
      councilOffset += 1;
      seats = chooseMembers(spec.field, hosts, councilOffset, councilOffset % 3 === 0);
      assertComposition(
        seats,
        {
          hostOrganizationId: '',
          partnerOrganizationIds: [],
          competingOrganizationIds: hosts,
          piEmail: null,
          piName: null,
          teamNames: dossiers.flatMap((d) => [...d.team, d.pi.name]),
          recusedUserIds: [],
        },
        spec.key,
      );
      meetingAt = atVn(workday(addDays(formedDay, between(9, 12))), councilOffset % 2 === 0 ? 8 : 14, 0);
      if (isDecided || (l.outcome === 'UNDER_REVIEW' && meetingAt < vn('2026-11-27T00:00:00'))) {
        heldAt = meetingAt;
        meetingIndex += 1;
        absent = meetingIndex % 3 === 0 ? absentee(seats) : undefined;
        onlineMember = meetingIndex % 4 === 1 ? seats.find((s) => s.position === 'MEMBER' && s.userId !== absent)?.userId : undefined;
        fullyOnline = meetingIndex % 11 === 5;
      } else {
        // Not met yet: the meeting is planned for early December.
        meetingAt = atVn(workday(addDays(dateOnly('2026-12-01'), councilOffset % 7)), 8, 30);
      }
      if (isDecided) selectedAt = atVn(workday(addDays(vnDay(heldAt!), between(4, 7))), 15, 0);
      audit(staff, 'selection.form', 'ListedTask', l.id, formedAt, { after: { dossiers: dossiers.map((d) => d.id), members: seats } });
    }

    // Ballots, generated until the council's result tells this listed task's story (lib/domain/selection.ts).
    const voters = seats.filter((s) => s.userId !== absent);
    const winnerIndex = ls.against ? 1 : 0;
    const revisedWinner = ls.revised === true || l.outcome === 'REVISING';
    let ballotsByDossier: BallotDraft[][] = [];
    let ranking: ReturnType<typeof selectionResult> | undefined;
    if (isDecided) {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 300) fail(`${spec.key}: no ballots fit the outcome`);
        ballotsByDossier = dossiers.map((_, j) => {
          const target =
            l.outcome === 'UNASSIGNED'
              ? 52 + R() * 14
              : ls.against
                ? j === 0
                  ? 84 + R() * 4
                  : 75 + R() * 4
                : j === 0
                  ? 79 + R() * 9
                  : R() < 0.5
                    ? 70 + R() * 4
                    : 56 + R() * 10;
          return proposalBallots(voters.length, target, j === winnerIndex && revisedWinner);
        });
        ranking = selectionResult(
          dossiers.map((d, j) => {
            const r = resultOf(seats.length, ballotsByDossier[j]);
            return { taskId: d.id, meanScore: r.meanScore, outcome: r.outcome };
          }),
        );
        const passes = (j: number) => ranking!.ranked.find((x) => x.taskId === dossiers[j].id)!.passes;
        const ok =
          !ranking.tie &&
          ranking.complete &&
          (l.outcome === 'UNASSIGNED'
            ? dossiers.every((_, j) => !passes(j))
            : ls.against
              ? ranking.recommendedTaskId === dossiers[0].id && passes(1)
              : ranking.recommendedTaskId === dossiers[0].id);
        if (ok) break;
      }
    } else if (l.outcome === 'UNDER_REVIEW') {
      ballotsByDossier = dossiers.map(() => proposalBallots(seats.length, 72 + R() * 12, false));
    }

    // The listed task: its version and the leader's decision.
    l.selectedAt = selectedAt;
    l.selectionNote = ls.against;
    l.version = 3 + (councilFormed ? 1 : 0) + (isDecided ? 1 : 0);
    l.updatedAt = selectedAt ?? formedAt ?? openedAt;
    if (isDecided) {
      audit(admin, assigned ? 'listed.assign' : 'listed.leaveUnassigned', 'ListedTask', l.id, selectedAt!, {
        before: { status: 'OPEN' },
        after: {
          status: assigned ? 'ASSIGNED' : 'UNASSIGNED',
          selectedTaskId: assigned ? dossiers[winnerIndex].id : null,
          recommendedTaskId: ranking!.recommendedTaskId,
          againstRecommendation: !!ls.against,
          reason: ls.against ?? null,
        },
      });
    }

    // Each dossier: its row, history, files, council rows, ballots, meeting and notifications.
    const of = dossiers.length;
    const all = [...dossiers.map((d, j) => ({ d, j })), ...withdrawnDossiers.map((d) => ({ d, j: -1 }))];
    for (const { d, j } of all) {
      const withdrawn = j < 0;
      const isWinner = assigned && j === winnerIndex;
      const ranked = ranking?.ranked.find((x) => x.taskId === d.id);
      const title = l.title;
      const steps: Steps = [
        { action: 'create', at: d.createdAt, actor: d.user, role: 'ORGANIZATION' },
        { action: 'submit', at: d.submitAt, actor: d.user, role: 'ORGANIZATION' },
      ];
      if (withdrawn)
        steps.push({
          action: 'withdraw',
          at: d.withdrawnAt!,
          actor: d.user,
          role: 'ORGANIZATION',
          note: 'Tổ chức chủ trì không bố trí được chủ nhiệm nhiệm vụ đúng chuyên ngành, xin rút hồ sơ.',
        });
      else if (councilFormed) steps.push({ action: 'startReview', at: formedAt!, actor: staff, role: 'DEPARTMENT_STAFF' });

      const task: Prisma.TaskCreateManyInput = {
        id: d.id,
        title,
        type: ls.type,
        field: spec.field,
        year: PLAN_YEAR,
        callId: noticeId,
        listedTaskId: l.id,
        selectionScore: ranked?.meanScore ?? null,
        selectionRank: ranked?.rank ?? null,
        selectionOf: ranked ? of : null,
        hostOrganizationId: ctx.orgId[d.org],
        createdById: d.user,
        piName: d.pi.name,
        piDegree: d.pi.degree,
        piTitle: d.pi.title,
        piEmail: d.pi.email,
        piPhone: d.pi.phone,
        keyMembers: d.team.map((name, k) => {
          const [degree, ...rest] = name.split(' ');
          return { name: rest.join(' '), degree, role: k === 0 ? 'Thư ký khoa học' : 'Thành viên chính', organization: orgName[d.org] };
        }),
        partnerNames: R() < 0.3 ? [spec.applyingUnits.split(';').pop()!.trim()] : [],
        objectives: `Mục tiêu chung: ${ls.goal}. Mục tiêu cụ thể: hoàn thành các sản phẩm theo đặt hàng và chuyển giao cho ${spec.applyingUnits.split(';')[0].trim()}.`,
        contentMethods: contentFor(ls.type),
        expectedProducts: productsFor(ls.products),
        applicationPlan: `Chuyển giao kết quả cho ${spec.applyingUnits}; tổ chức hội thảo, tập huấn và hướng dẫn nhân rộng sau khi nghiệm thu.`,
        budgetTotal: d.budgetState + d.budgetOther,
        budgetState: d.budgetState,
        budgetOther: d.budgetOther,
        durationMonths: spec.months,
        proposedStart: dateOnly('2026-11-01'),
        submittedAt: d.submitAt,
        createdAt: d.createdAt,
      };
      let approval: Approval | undefined;
      if (!withdrawn && isDecided && !isWinner) {
        steps.push({ action: 'notSelect', at: selectedAt!, actor: admin, role: 'DEPARTMENT_ADMIN' });
        notify([d.user], 'taskNotSelected', d.id, { title, score: ranked!.meanScore ?? 0, rank: ranked!.rank ?? of }, selectedAt!);
      }
      if (isWinner) {
        steps.push({
          action: 'select',
          at: selectedAt!,
          actor: admin,
          role: 'DEPARTMENT_ADMIN',
          note:
            l.method === 'DIRECT'
              ? 'Giao trực tiếp theo kết quả của Hội đồng tư vấn tuyển chọn, giao trực tiếp.'
              : `Trúng tuyển: xếp hạng ${ranked!.rank}/${of}, điểm trung bình ${String(ranked!.meanScore).replace('.', ',')}.`,
          internal: ls.against,
        });
        let revisedAt: Date | null = null;
        if (revisedWinner) {
          const requestedAt = atVn(workday(addDays(vnDay(selectedAt!), 2)), 10, 0);
          const note = REVISION_NOTES[revisions++ % REVISION_NOTES.length];
          steps.push({ action: 'requireRevision', at: requestedAt, actor: staff, role: 'DEPARTMENT_STAFF', note });
          Object.assign(task, { revisionRequestedAt: requestedAt, revisionNote: note });
          if (l.outcome !== 'REVISING') {
            revisedAt = atVn(addDays(vnDay(requestedAt), between(8, 12)), 16, between(0, 59));
            steps.push({
              action: 'submitRevision',
              at: revisedAt,
              actor: d.user,
              role: 'ORGANIZATION',
              note: 'Đã hoàn thiện thuyết minh theo kết luận của Hội đồng.',
            });
            task.revisedAt = revisedAt;
            attach(d.id, 'PROPOSAL_DOC', 'Thuyet-minh-hoan-thien.pdf', title, d.user, revisedAt);
          }
        }
        if (['RUNNING', 'APPROVED', 'APPRAISED'].includes(l.outcome)) {
          // The appraisal group's state budget, item by item (whole đồng, rounded to the million).
          const appraisedAt = atVn(workday(addDays(vnDay(revisedAt ?? selectedAt!), between(6, 9))), 16, 0);
          const requested: bigint[] = [];
          let rest = d.budgetState;
          BUDGET_ITEMS.forEach(([, share], k) => {
            const v =
              k === BUDGET_ITEMS.length - 1
                ? rest
                : ((d.budgetState * BigInt(Math.round(share * 1000 * (0.9 + R() * 0.2)))) / 1000n / 1_000_000n) * 1_000_000n;
            requested.push(v);
            rest -= v;
          });
          if (requested.some((v) => v <= 0n)) fail(`${spec.key}: budget items`);
          const overRequest = spec.key === 'L21';
          const appraised = requested.map((v, k) => {
            // One dossier's equipment was appraised above the request (with the reason), the total with it.
            if (overRequest && k === 2) return ((v * 140n) / 100n / 1_000_000n) * 1_000_000n;
            const cut = overRequest ? 0.99 : k === 0 ? 0.84 + R() * 0.12 : 0.92 + R() * 0.08;
            return ((v * BigInt(Math.round(cut * 1000))) / 1000n / 1_000_000n) * 1_000_000n;
          });
          const approvedState = appraised.reduce((a, b) => a + b, 0n);
          if (approvedState > d.budgetState !== overRequest) fail(`${spec.key}: appraised against the request`);
          const approvedMonths = spec.key === 'L33' ? spec.months - 6 : spec.months;
          const appraiser = pick([staff, staff2]);
          rows.appraisals.push({
            id: newId(),
            taskId: d.id,
            contentRemarks: APPRAISAL_REMARKS[approvals.length % APPRAISAL_REMARKS.length],
            items: BUDGET_ITEMS.map(([name], k) => ({ name, requested: Number(requested[k]), appraised: Number(appraised[k]) })),
            requestedStateBudget: d.budgetState,
            approvedStateBudget: approvedState,
            approvedDurationMonths: approvedMonths,
            overRequestReason: overRequest
              ? 'Đơn giá thiết bị phân loại quang học tăng theo báo giá mới của nhà cung cấp; tổ thẩm định điều chỉnh tăng để bảo đảm mua đúng cấu hình Hội đồng kiến nghị.'
              : null,
            appraisedById: appraiser,
            appraisedAt,
          });
          steps.push({
            action: 'appraise',
            at: appraisedAt,
            actor: appraiser,
            role: 'DEPARTMENT_STAFF',
            note: `Tổ thẩm định: kinh phí từ ngân sách nhà nước ${formatVnd(approvedState)} đồng, thời gian thực hiện ${approvedMonths} tháng.`,
          });
          if (l.outcome !== 'APPRAISED') {
            const approvalDay = workday(addDays(vnDay(appraisedAt), between(5, 9)));
            if (approvalDay > dateOnly('2026-11-27')) fail(`${spec.key}: approved too late (${isoDay(approvalDay)})`);
            const approveStep: Steps[number] = { action: 'approve', at: atVn(approvalDay, 16, 30), actor: admin, role: 'DEPARTMENT_ADMIN' };
            steps.push(approveStep);
            Object.assign(task, {
              approvalDecisionDate: approvalDay,
              approvedBudget: approvedState,
              approvedDurationMonths: approvedMonths,
            });
            notify([d.user], 'taskApproved', d.id, { title }, approveStep.at);
            let contractDay: Date | null = null;
            if (l.outcome === 'RUNNING') {
              contractDay = workday(addDays(approvalDay, between(7, 13)));
              if (contractDay > dateOnly('2026-11-27')) fail(`${spec.key}: contracted too late (${isoDay(contractDay)})`);
              const contractAt = atVn(contractDay, 9, 0);
              const endDate = addDays(addMonths(contractDay, approvedMonths), -1);
              steps.push({ action: 'contract', at: contractAt, actor: staff, role: 'DEPARTMENT_STAFF' });
              Object.assign(task, {
                contractSignedAt: contractDay,
                startDate: contractDay,
                originalEndDate: endDate,
                endDate,
                fundedAmount: approvedState,
              });
              notify([d.user], 'contractSigned', d.id, { title }, contractAt);
            }
            approval = { task, steps, approveStep, approvalDay, contractDay, user: d.user, title };
            approvals.push(approval);
          }
        }
      }
      rows.tasks.push(task);
      // The history is written once the approval's number is known (below), otherwise now.
      if (!approval) {
        const h = history(d.id, steps);
        Object.assign(task, {
          status: h.status,
          version: h.version,
          updatedAt: h.last,
          closedAt: ['NOT_SELECTED', 'WITHDRAWN'].includes(h.status) ? h.last : null,
        });
      }

      // Files: the detailed proposal, the CV and the budget estimate, sent with the dossier.
      attach(d.id, 'PROPOSAL_DOC', 'Thuyet-minh-nhiem-vu.pdf', title, d.user, addDays(d.submitAt, -0.05));
      attach(d.id, 'CV', 'Ly-lich-khoa-hoc-chu-nhiem.pdf', title, d.user, addDays(d.submitAt, -0.05));
      attach(d.id, 'BUDGET_ESTIMATE', 'Du-toan-kinh-phi.pdf', title, d.user, addDays(d.submitAt, -0.04));
      if (!withdrawn && !councilFormed) notify(departmentUsers, 'proposalSubmitted', d.id, { title }, d.submitAt);
      if (withdrawn || !councilFormed) continue;

      // The council of this dossier (the listed task's seven members).
      const councilId = newId();
      rows.councils.push({
        id: councilId,
        taskId: d.id,
        stage: 'PROPOSAL',
        status: isDecided ? 'CLOSED' : 'ACTIVE',
        meetingAt,
        createdById: staff,
        createdAt: formedAt!,
        closedAt: isDecided ? selectedAt! : null,
        listedTaskId: l.id,
      });
      audit(staff, 'council.form', 'Council', councilId, formedAt!, {
        taskId: d.id,
        after: { stage: 'PROPOSAL', meetingAt, listedTaskId: l.id, members: seats },
      });
      const ballots = ballotsByDossier[j] ?? [];
      let voter = 0;
      seats.forEach((s, k) => {
        const memberId = newId();
        // Not met yet: the last two members have not declared, two members keep a draft.
        const undeclared = !heldAt && k >= 5;
        const declaredAt = atVn(addDays(formedDay!, 1 + (k % 3)), 8 + k, 20);
        rows.members.push({
          id: memberId,
          councilId,
          userId: s.userId,
          position: s.position,
          conflictStatus: undeclared ? 'PENDING' : 'NO_CONFLICT',
          declaredAt: undeclared ? null : declaredAt,
          createdAt: formedAt!,
        });
        if (!undeclared)
          audit(s.userId, 'council.declareConflict', 'CouncilMember', memberId, declaredAt, {
            taskId: d.id,
            before: { conflictStatus: 'PENDING' },
            after: { conflictStatus: 'NO_CONFLICT', conflictReason: null },
          });
        // The main demo expert's open seats are announced by the seed's last step (prisma/seed.ts).
        if (isDecided || s.userId !== mainEvaluator)
          notify([s.userId], 'councilSeatAssigned', d.id, { title, stage: 'PROPOSAL' }, formedAt!);
        if (s.userId === absent || undeclared) return;
        const b = ballots[voter++];
        const status: 'SUBMITTED' | 'DRAFT' | null = isDecided
          ? 'SUBMITTED'
          : heldAt
            ? k === 4
              ? 'DRAFT'
              : 'SUBMITTED'
            : k === 1 || k === 3
              ? 'DRAFT'
              : null;
        if (!b || !status) return;
        const submittedAt = status === 'SUBMITTED' ? addDays(heldAt!, (2 + (k % 3)) / 24) : null;
        const ballotId = newId();
        rows.ballots.push({
          id: ballotId,
          memberId,
          status,
          scores: b.scores,
          totalScore: b.totalScore,
          recommendation: b.recommendation,
          comments: b.comments,
          submittedAt,
          updatedAt: submittedAt ?? addDays(declaredAt, 2),
        });
        if (submittedAt)
          audit(s.userId, 'ballot.submit', 'Ballot', ballotId, submittedAt, {
            taskId: d.id,
            after: { memberId, status, scores: b.scores, totalScore: b.totalScore, recommendation: b.recommendation },
          });
      });
      if (heldAt) {
        // One meeting for the listed task, written for each of its dossiers' councils (same data).
        const { meeting, attendance } = meetingRows({
          id: newId(),
          councilId,
          heldAt,
          seats,
          absent: absent ? [absent] : [],
          online: onlineMember ? [onlineMember] : [],
          fullyOnline,
          place: MEETING_PLACES[meetingIndex % MEETING_PLACES.length],
          minutesNote: `Hội đồng xem xét ${of} hồ sơ đăng ký nhiệm vụ ${l.code}; các thành viên có mặt chấm điểm tại phiên họp.`,
          createdById: staff,
          createdAt: addDays(heldAt, 0.3),
        });
        rows.meetings.push(meeting);
        rows.attendance.push(...attendance);
      }
    }
  }

  // Approvals in date order: KHCN-<year>-<nnn> codes continue the year's sequence, UBND's decision numbers grow with
  // the date, contracts are numbered in signing order; then the histories are written.
  if (approvals.length !== 30) fail(`${approvals.length} dossiers approved`);
  approvals.sort((a, b) => a.approvalDay.getTime() - b.approvalDay.getTime());
  let lastDecision = 0;
  for (const a of approvals) {
    const year = vnYear(atVn(a.approvalDay, 12));
    ctx.codeSeq[year] = (ctx.codeSeq[year] ?? 0) + 1;
    const number = Math.max(lastDecision + 2, 1268 + Math.round(((a.approvalDay.getTime() - LIST_DECISION.date.getTime()) / DAY) * 7.3));
    lastDecision = number;
    a.task.code = `KHCN-${year}-${String(ctx.codeSeq[year]).padStart(3, '0')}`;
    a.task.approvalDecisionNo = `${number}/QĐ-UBND`;
    a.approveStep.note = `Quyết định phê duyệt số ${number}/QĐ-UBND`;
  }
  const contracted = approvals.filter((a) => a.contractDay).sort((a, b) => a.contractDay!.getTime() - b.contractDay!.getTime());
  if (contracted.length !== 20) fail(`${contracted.length} year tasks contracted`);
  contracted.forEach((a, k) => (a.task.contractNo = `${String(k + 1).padStart(2, '0')}/2026/HĐ-SKHCN`));
  for (const a of approvals) {
    const h = history(a.task.id!, a.steps);
    Object.assign(a.task, { status: h.status, version: h.version, updatedAt: h.last });
  }

  // The listed tasks' rows.
  for (const l of listedPlans) {
    const n = l.needs;
    const ls = l.spec.listed!;
    rows.listed.push({
      id: l.id,
      code: l.code,
      planYear: PLAN_YEAR,
      status: l.struck
        ? 'STRUCK'
        : l.outcome === 'UNASSIGNED'
          ? 'UNASSIGNED'
          : ['UNDER_REVIEW', 'PROPOSED'].includes(l.outcome)
            ? 'OPEN'
            : 'ASSIGNED',
      version: l.version,
      listId,
      needsProposalId: n.id,
      urgent: false,
      title: l.title,
      field: l.spec.field,
      objectives: `${capitalize(ls.goal)}.`,
      products: `${ls.products}.`,
      method: l.method,
      directOrganizationId: l.directOrgId,
      directReason: ls.direct?.reason ?? '',
      durationMonths: l.spec.months,
      budgetEstimate: millions(l.spec.budgetMillions),
      decisionNumber: l.struck ? null : LIST_DECISION.number,
      decisionDate: l.struck ? null : LIST_DECISION.date,
      struckReason: l.struck ? (l.spec.struckReason ?? fail(`${l.spec.key}: struck reason`)) : null,
      callId: l.struck ? null : noticeId,
      selectionNote: l.selectionNote ?? null,
      selectedAt: l.selectedAt ?? null,
      createdAt: addDays(listCreated, 0.01),
      updatedAt: l.updatedAt,
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Older tasks (approved 2023-2024) whose acceptance was decided in 2026: 15 accepted, 1 not accepted.
  // ---------------------------------------------------------------------------------------------------------
  OLDER_TASKS.forEach((o, k) => {
    const user = orgUser(o.org);
    const pi = nextPi(o.org);
    const decisionDay = workday(addDays(dateOnly('2026-01-14'), Math.round((k * 312) / (OLDER_TASKS.length - 1))));
    const accMeetingDay = workday(addDays(decisionDay, -between(10, 14)));
    const accFormedDay = workday(addDays(accMeetingDay, -between(18, 25)));
    const requestDay = addDays(accFormedDay, -between(7, 10));
    const endDate = addDays(requestDay, -between(10, 20));
    const startDate = addDays(addMonths(addDays(endDate, 1), -o.months), 0);
    const contractDay = workday(addDays(startDate, -3));
    const approvalDay = workday(addDays(contractDay, -between(20, 35)));
    const approvalYear = vnYear(atVn(approvalDay, 12));
    if (approvalYear > 2024) fail(`older task ${k} approved in ${approvalYear}`);
    const startReviewDay = workday(addDays(approvalDay, -45));
    const submitDay = addDays(startReviewDay, -20);
    const createdDay = addDays(submitDay, -14);
    const propMeetingAt = atVn(workday(addDays(startReviewDay, 12)), 8, 30);
    const budgetState = millions(Math.round((600 + R() * 1600) / 10) * 10);
    const budgetOther = ['bio', 'mech', 'fish', 'digital'].includes(o.org)
      ? millions(Math.round((Number(budgetState / 1_000_000n) * 0.4) / 10) * 10)
      : 0n;
    const approvedBudget = ((budgetState * 94n) / 100n / 1_000_000n) * 1_000_000n;
    const id = newId();
    ctx.codeSeq[approvalYear] = (ctx.codeSeq[approvalYear] ?? 0) + 1;
    const code = `KHCN-${approvalYear}-${String(ctx.codeSeq[approvalYear]).padStart(3, '0')}`;
    const approvalNo = `${between(820, 2400)}/QĐ-UBND`;
    const acceptanceNo = `${40 + k * 23}/QĐ-SKHCN`;
    const requestAt = atVn(requestDay, 10, 0);
    const accFormedAt = atVn(accFormedDay, 9, 0);
    const accHeldAt = atVn(accMeetingDay, 8, 30);
    const decisionAt = atVn(decisionDay, 16, 0);
    const grade = o.grade;
    const steps: Parameters<typeof history>[1] = [
      { action: 'create', at: atVn(createdDay, 9, 10), actor: user, role: 'ORGANIZATION' },
      { action: 'submit', at: atVn(submitDay, 15, 20), actor: user, role: 'ORGANIZATION' },
      { action: 'startReview', at: atVn(startReviewDay, 9, 0), actor: staff, role: 'DEPARTMENT_STAFF' },
      {
        action: 'approve',
        at: atVn(approvalDay, 16, 0),
        actor: admin,
        role: 'DEPARTMENT_ADMIN',
        note: `Quyết định phê duyệt số ${approvalNo}`,
      },
      { action: 'contract', at: atVn(contractDay, 9, 0), actor: staff, role: 'DEPARTMENT_STAFF' },
      { action: 'requestAcceptance', at: requestAt, actor: user, role: 'ORGANIZATION' },
      grade === 'FAIL'
        ? {
            action: 'fail',
            at: decisionAt,
            actor: admin,
            role: 'DEPARTMENT_ADMIN',
            note: 'Sản phẩm chính chưa đạt chỉ tiêu chất lượng đăng ký (độ mặn và chỉ tiêu vi sinh); đề nghị thu hồi kinh phí theo quy định.',
          }
        : {
            action: 'accept',
            at: decisionAt,
            actor: admin,
            role: 'DEPARTMENT_ADMIN',
            note: `Quyết định công nhận kết quả số ${acceptanceNo}`,
          },
    ];
    const h = history(id, steps);
    const products = productsFor(
      o.type === 'PILOT_PRODUCTION'
        ? 'Quy trình công nghệ sản xuất ổn định; sản phẩm thử nghiệm đạt tiêu chuẩn cơ sở; mô hình ứng dụng'
        : 'Báo cáo khoa học tổng hợp; quy trình, giải pháp kỹ thuật; mô hình ứng dụng',
    );
    rows.tasks.push({
      id,
      code,
      title: o.title,
      type: o.type,
      field: o.field,
      year: approvalYear + 1,
      hostOrganizationId: ctx.orgId[o.org],
      createdById: user,
      status: h.status,
      version: h.version,
      piName: pi.name,
      piDegree: pi.degree,
      piTitle: pi.title,
      piEmail: pi.email,
      piPhone: pi.phone,
      keyMembers: (YEAR_TEAMS[o.org] ?? []).slice(0, 2).map((name, m) => {
        const [degree, ...rest] = name.split(' ');
        return { name: rest.join(' '), degree, role: m === 0 ? 'Thư ký khoa học' : 'Thành viên chính', organization: orgName[o.org] };
      }),
      objectives: `Mục tiêu chung: ${o.title.charAt(0).toLowerCase()}${o.title.slice(1)}, góp phần phát triển kinh tế - xã hội tỉnh An Phú. Mục tiêu cụ thể: xây dựng được quy trình, giải pháp và mô hình ứng dụng phù hợp điều kiện địa phương.`,
      contentMethods: contentFor(o.type),
      expectedProducts: products,
      applicationPlan: 'Chuyển giao kết quả cho các đơn vị, địa phương trong tỉnh; tổ chức hội thảo và tập huấn nhân rộng mô hình.',
      budgetTotal: budgetState + budgetOther,
      budgetState,
      budgetOther,
      durationMonths: o.months,
      proposedStart: startDate,
      submittedAt: atVn(submitDay, 15, 20),
      approvalDecisionNo: approvalNo,
      approvalDecisionDate: approvalDay,
      approvedBudget,
      approvedDurationMonths: o.months,
      contractNo: `${41 + k}/${vnYear(atVn(contractDay, 12))}/HĐ-SKHCN`,
      contractSignedAt: contractDay,
      startDate,
      originalEndDate: endDate,
      endDate,
      fundedAmount: approvedBudget,
      acceptanceRequestedAt: requestAt,
      finalReportSummary:
        grade === 'FAIL'
          ? 'Đã hoàn thành quy trình lên men nhanh ở quy mô phòng thí nghiệm; sản phẩm sản xuất thử nghiệm chưa ổn định chất lượng.'
          : 'Nhiệm vụ đã hoàn thành các nội dung theo thuyết minh được phê duyệt; các sản phẩm đã được kiểm định và bàn giao cho đơn vị ứng dụng.',
      selfAssessment:
        grade === 'FAIL'
          ? 'Tổ chức chủ trì tự đánh giá: hoàn thành phần lớn nội dung, sản phẩm chính chưa đạt đầy đủ chỉ tiêu.'
          : 'Tổ chức chủ trì tự đánh giá: hoàn thành đầy đủ sản phẩm, đạt yêu cầu chất lượng.',
      acceptanceDecisionNo: acceptanceNo,
      acceptanceDecisionDate: decisionDay,
      acceptanceGrade: grade,
      closedAt: decisionAt,
      createdAt: atVn(createdDay, 9, 10),
      updatedAt: h.last,
    });
    attach(id, 'PROPOSAL_DOC', 'Thuyet-minh-chi-tiet.pdf', o.title, user, atVn(submitDay, 15, 0));
    attach(id, 'CV', 'Ly-lich-khoa-hoc-chu-nhiem.pdf', o.title, user, atVn(submitDay, 15, 0));
    attach(id, 'FINAL_REPORT', 'Bao-cao-tong-hop-ket-qua.pdf', o.title, user, addDays(requestAt, -0.1));
    attach(id, 'PRODUCT_EVIDENCE', 'Minh-chung-san-pham.pdf', o.title, user, addDays(requestAt, -0.1));
    // Progress reports of every due period while it ran, reviewed.
    for (let y = startDate.getUTCFullYear(); y <= endDate.getUTCFullYear(); y++) {
      for (const md of settings.reportDueDays) {
        const due = dateOnly(`${y}-${md}`);
        if (due <= startDate || due > endDate) continue;
        const share = (due.getTime() - startDate.getTime()) / (endDate.getTime() - startDate.getTime());
        rows.reports.push({
          taskId: id,
          dueDate: due,
          workDone: 'Triển khai các nội dung theo kế hoạch: khảo sát, bố trí thí nghiệm, thu thập và xử lý số liệu.',
          productsSoFar: 'Báo cáo chuyên đề; bộ số liệu thí nghiệm; bài báo khoa học đã gửi đăng.',
          amountSpent: ((approvedBudget * BigInt(Math.round(share * 90))) / 100n / 1_000_000n) * 1_000_000n,
          status: 'REVIEWED',
          reviewNote: 'Tiến độ đảm bảo theo hợp đồng.',
          reviewedById: staff,
          reviewedAt: atVn(addDays(due, 10), 10, 0),
          submittedById: user,
          submittedAt: atVn(addDays(due, -3), 15, 0),
        });
      }
    }
    // Its proposal council (before listed tasks existed) and its acceptance council, each with a meeting.
    const barred = [ctx.orgId[o.org]];
    const propSeats = chooseMembers(o.field, barred, councilOffset++, false);
    const accSeats = chooseMembers(o.field, barred, councilOffset++, k % 4 === 0);
    const parties: TaskParties = {
      hostOrganizationId: ctx.orgId[o.org],
      partnerOrganizationIds: [],
      piEmail: pi.email,
      piName: pi.name,
      teamNames: YEAR_TEAMS[o.org] ?? [],
      recusedUserIds: [],
    };
    assertComposition(propSeats, parties, `older task ${k} (proposal)`);
    assertComposition(accSeats, parties, `older task ${k} (acceptance)`);
    const propCouncilId = newId();
    rows.councils.push({
      id: propCouncilId,
      taskId: id,
      stage: 'PROPOSAL',
      status: 'CLOSED',
      meetingAt: propMeetingAt,
      createdById: staff,
      createdAt: atVn(startReviewDay, 9, 0),
      closedAt: atVn(approvalDay, 16, 0),
    });
    const propAbsent = k % 3 === 0 ? absentee(propSeats) : undefined;
    const propVoters = propSeats.filter((s) => s.userId !== propAbsent);
    let propBallots: BallotDraft[];
    do propBallots = proposalBallots(propVoters.length, 76 + R() * 12, k % 2 === 0);
    while (resultOf(propSeats.length, propBallots).outcome !== 'RECOMMEND_APPROVAL');
    propSeats.forEach((s, m) => {
      const memberId = newId();
      rows.members.push({
        id: memberId,
        councilId: propCouncilId,
        userId: s.userId,
        position: s.position,
        conflictStatus: 'NO_CONFLICT',
        declaredAt: atVn(addDays(startReviewDay, 2), 9, 0),
        createdAt: atVn(startReviewDay, 9, 0),
      });
      const voterIndex = propVoters.indexOf(s);
      if (voterIndex < 0) return;
      const b = propBallots[voterIndex];
      rows.ballots.push({
        id: newId(),
        memberId,
        status: 'SUBMITTED',
        scores: b.scores,
        totalScore: b.totalScore,
        recommendation: b.recommendation,
        comments: b.comments,
        submittedAt: addDays(propMeetingAt, (2 + (m % 3)) / 24),
        updatedAt: addDays(propMeetingAt, (2 + (m % 3)) / 24),
      });
    });
    const propMeeting = meetingRows({
      id: newId(),
      councilId: propCouncilId,
      heldAt: propMeetingAt,
      seats: propSeats,
      absent: propAbsent ? [propAbsent] : [],
      place: MEETING_PLACES[k % MEETING_PLACES.length],
      createdById: staff,
      createdAt: addDays(propMeetingAt, 0.3),
    });
    rows.meetings.push(propMeeting.meeting);
    rows.attendance.push(...propMeeting.attendance);

    const accCouncilId = newId();
    rows.councils.push({
      id: accCouncilId,
      taskId: id,
      stage: 'ACCEPTANCE',
      status: 'CLOSED',
      meetingAt: accHeldAt,
      createdById: staff,
      createdAt: accFormedAt,
      closedAt: decisionAt,
    });
    const accAbsent = k % 3 === 1 ? absentee(accSeats) : undefined;
    const accVoters = accSeats.filter((s) => s.userId !== accAbsent);
    const ratings: Rating[] = accVoters.map((_, v) =>
      grade === 'EXCELLENT'
        ? v === accVoters.length - 1
          ? 'PASS'
          : 'EXCELLENT'
        : grade === 'PASS'
          ? v % 3 === 0
            ? 'EXCELLENT'
            : 'PASS'
          : v < 4
            ? 'FAIL'
            : 'PASS',
    );
    const acc = acceptanceResult({
      members: accSeats.length,
      ratings,
      grade: GRADE,
      late: false,
      lateDowngrade: settings.lateDowngrade,
      quorum: QUORUM,
    });
    if (acc.grade !== grade) fail(`older task ${k}: acceptance grade ${acc.grade}, expected ${grade}`);
    accSeats.forEach((s, m) => {
      const memberId = newId();
      rows.members.push({
        id: memberId,
        councilId: accCouncilId,
        userId: s.userId,
        position: s.position,
        conflictStatus: 'NO_CONFLICT',
        declaredAt: atVn(addDays(accFormedDay, 2), 10, 0),
        createdAt: accFormedAt,
      });
      const v = accVoters.indexOf(s);
      if (v < 0) return;
      const rating = ratings[v];
      rows.ballots.push({
        id: newId(),
        memberId,
        status: 'SUBMITTED',
        overallRating: rating,
        reportRating: rating,
        productRatings: products.map((p) => ({ product: p.name, rating })),
        comments:
          rating === 'FAIL'
            ? 'Sản phẩm chính chưa đạt chỉ tiêu chất lượng đăng ký.'
            : rating === 'EXCELLENT'
              ? 'Hoàn thành vượt mức các sản phẩm, có khả năng nhân rộng cao.'
              : 'Hoàn thành các nội dung, sản phẩm đạt yêu cầu.',
        submittedAt: addDays(accHeldAt, (2 + (m % 3)) / 24),
        updatedAt: addDays(accHeldAt, (2 + (m % 3)) / 24),
      });
    });
    const accMeeting = meetingRows({
      id: newId(),
      councilId: accCouncilId,
      heldAt: accHeldAt,
      seats: accSeats,
      absent: accAbsent ? [accAbsent] : [],
      online: k % 4 === 2 ? [accSeats[5].userId] : [],
      place: MEETING_PLACES[(k + 1) % MEETING_PLACES.length],
      minutesNote: 'Hội đồng nghe chủ nhiệm báo cáo kết quả, kiểm tra sản phẩm và bỏ phiếu đánh giá tại phiên họp.',
      createdById: staff,
      createdAt: addDays(accHeldAt, 0.3),
    });
    rows.meetings.push(accMeeting.meeting);
    rows.attendance.push(...accMeeting.attendance);
    notify(departmentUsers, 'acceptanceRequested', id, { title: o.title }, requestAt);
    notify([user], grade === 'FAIL' ? 'taskNotAccepted' : 'taskAccepted', id, { title: o.title }, decisionAt);
  });

  // Audit and notifications of the needs call and the list were collected above; write everything.
  await rows.write(tx);
  await tx.needsCodeCounter.create({ data: { year: PLAN_YEAR, last: lastCode } });
  await tx.listedTaskCodeCounter.create({ data: { year: PLAN_YEAR, last: dm } });
  if (dm !== 47) fail(`${dm} listed tasks on the list`);
}

/** The detailed content and methods of a dossier, by kind of task. */
function contentFor(type: TaskType): string {
  return type === 'PILOT_PRODUCTION'
    ? 'Nội dung 1: Hoàn thiện quy trình công nghệ ở quy mô sản xuất thử nghiệm. Nội dung 2: Sản xuất thử nghiệm và kiểm định chất lượng sản phẩm. Nội dung 3: Xây dựng mô hình ứng dụng, đánh giá hiệu quả kinh tế - kỹ thuật. Nội dung 4: Đào tạo, chuyển giao. Phương pháp: kế thừa, thực nghiệm, phân tích kinh tế.'
    : type === 'SCHEME'
      ? 'Nội dung 1: Tổng quan kinh nghiệm trong và ngoài nước. Nội dung 2: Khảo sát, đánh giá thực trạng. Nội dung 3: Đề xuất mô hình, giải pháp và lộ trình. Nội dung 4: Thí điểm và hoàn thiện. Phương pháp: điều tra xã hội học, chuyên gia, hội thảo.'
      : 'Nội dung 1: Tổng quan tình hình nghiên cứu. Nội dung 2: Điều tra, khảo sát, đánh giá thực trạng tại địa phương. Nội dung 3: Nghiên cứu, thử nghiệm giải pháp. Nội dung 4: Xây dựng mô hình, đánh giá hiệu quả và hoàn thiện quy trình. Phương pháp: kế thừa, điều tra, thực nghiệm, thống kê.';
}

/** The expected products of a dossier, from the listed task's products ("a; b; c"), and the usual article. */
function productsFor(products: string) {
  const kindOf = (name: string) =>
    /^(Quy trình|Phác đồ|Hướng dẫn)/i.test(name)
      ? 'Quy trình'
      : /^(Mô hình|\d+ mô hình)/i.test(name)
        ? 'Mô hình'
        : /(Phần mềm|Nền tảng|Cơ sở dữ liệu|ứng dụng)/i.test(name)
          ? 'Phần mềm, cơ sở dữ liệu'
          : /^(Báo cáo|Bản đồ|Đề án|Sách|Từ điển|Danh lục|Bộ)/i.test(name)
            ? 'Báo cáo, tài liệu'
            : 'Sản phẩm cụ thể';
  return [
    ...products.split(';').map((s) => {
      const name = capitalize(s.trim());
      return {
        name,
        kind: kindOf(name),
        quantity: 1,
        quality: 'Đạt chỉ tiêu kỹ thuật nêu trong thuyết minh, được Hội đồng nghiệm thu đánh giá Đạt trở lên',
      };
    }),
    { name: 'Bài báo khoa học', kind: 'Công bố', quantity: 2, quality: 'Đăng trên tạp chí chuyên ngành trong nước có mã ISSN' },
  ];
}

/**
 * The year's three figures, as the department states them (domain.md, "What the department reports each year"):
 * the statistics screen's own queries (lib/statistics/figures.ts), each counted by its decision's date. Listed:
 * on a list UBND decided in the year, or urgent and decided by UBND in the year; approved for implementation: the
 * approval decision dated in the year; accepted: accepted, the recognition decision dated in the year.
 */
export async function yearFigures(db: Db, year: number) {
  const range = { from: year, to: year };
  const [plan, tasks] = await Promise.all([planFigures(db, range), taskFigures(db, range)]);
  return { listed: plan.listed, approved: tasks.total.approved, accepted: tasks.total.accepted };
}
