// Drives a task through the real services (no shortcuts into the database for anything a user does), so a
// test can start from any status: a full draft with its detailed proposal, a 7-member council whose members
// declare and vote, approval, contract, acceptance dossier, acceptance council and decision.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { prisma } from '@/lib/server/db';
import { type AppError } from '@/lib/server/errors';
import { uploadAttachment, type AttachmentKind } from '@/lib/attachments/service';
import { declareConflict, formCouncil, saveBallot } from '@/lib/councils/service';
import { recordMeeting } from '@/lib/councils/meetings';
import {
  acceptTask,
  approveTask,
  contractTask,
  createDraft,
  failTask,
  rejectTask,
  requestAcceptance,
  startReview,
  submitTask,
} from '@/lib/tasks/service';
import type { Actor } from '@/lib/server/actor';
import type { Position } from '@/lib/domain/council-rules';
import type { TaskStatus } from '@/lib/domain/task-status';
import { actorWith, login, makeUser } from './fixtures';

/** The smallest file the content check recognises as a PDF. */
export function pdf(extra = ''): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% ${extra || randomUUID()}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
}

/** Awaits a promise that must fail and returns its error (fails the test when it succeeds). */
export async function caught<E = AppError>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (e) {
    return e as E;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const uniq = () => randomUUID().slice(0, 8);

/** A full proposal that passes every submission check. */
export function fullContent(overrides: Record<string, unknown> = {}) {
  const n = uniq();
  return {
    title: `Nghiên cứu ứng dụng cảm biến IoT giám sát chất lượng nước ${n}`,
    type: 'RESEARCH',
    field: 'ENGINEERING',
    piName: `TS. Nguyễn Văn Chủ Nhiệm ${n}`,
    piDegree: 'Tiến sĩ',
    piTitle: 'Giảng viên chính',
    piEmail: `chunhiem-${n}@truong.test.vn`,
    piPhone: '0912 345 678',
    keyMembers: [
      { name: `ThS. Lê Thị Thành Viên ${n}`, degree: 'Thạc sĩ', role: 'Thư ký khoa học', organization: 'Trường Đại học An Phú' },
    ],
    objectives: 'Xây dựng hệ thống giám sát chất lượng nước nuôi trồng thủy sản theo thời gian thực.',
    contentMethods: 'Khảo sát hiện trạng; thiết kế cảm biến; thử nghiệm tại 3 hợp tác xã; đánh giá hiệu quả.',
    expectedProducts: [
      { name: 'Hệ thống cảm biến giám sát', kind: 'Thiết bị', quantity: 3, quality: 'Đo pH, DO, nhiệt độ với sai số dưới 2%' },
      { name: 'Báo cáo tổng hợp kết quả', kind: 'Báo cáo', quantity: 1, quality: 'Được hội đồng nghiệm thu đánh giá đạt' },
    ],
    applicationPlan: 'Chuyển giao cho các hợp tác xã thủy sản trong tỉnh.',
    budgetTotal: '1.500.000.000',
    budgetState: '1.200.000.000',
    budgetOther: '300.000.000',
    durationMonths: 18,
    proposedStart: '2027-01-01',
    ...overrides,
  };
}

export type Seat = { actor: Actor; memberId: string; position: Position };

/** The department and a pool of evaluators, logged in with the real credentials check. */
export type Cast = { admin: Actor; staff: Actor; evaluators: Actor[] };

export async function makeCast(evaluatorCount = 7): Promise<Cast> {
  const [admin, staff] = await Promise.all([actorWith('DEPARTMENT_ADMIN'), actorWith('DEPARTMENT_STAFF')]);
  const evaluators = await Promise.all(Array.from({ length: evaluatorCount }, () => actorWith('EVALUATOR')));
  return { admin, staff, evaluators };
}

/** Fresh evaluators, logged in (e.g. to build an ineligible or extra member). */
export async function makeEvaluator(opts: { evaluatorOrganizationId?: string } = {}) {
  const u = await makeUser('EVALUATOR', opts);
  return login(u.email);
}

export const positionsFor = (n: number): Seat['position'][] =>
  Array.from({ length: n }, (_, i) => (i === 0 ? 'CHAIR' : i <= 2 ? 'REVIEWER' : i === 3 ? 'SECRETARY' : 'MEMBER'));

export async function versionOf(taskId: string): Promise<number> {
  return (await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
}

export async function statusOf(taskId: string): Promise<TaskStatus> {
  return (await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { status: true } })).status;
}

export async function eventsOf(taskId: string) {
  return prisma.taskEvent.findMany({
    where: { taskId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { action: true, fromStatus: true, toStatus: true, actorId: true, note: true },
  });
}

/** Proposal scores per member: necessity /15, feasibility /50, results /35 (default criteria). */
export type ProposalVote = {
  necessity: number;
  feasibility: number;
  results: number;
  recommendation: 'APPROVE' | 'APPROVE_WITH_REVISIONS' | 'REJECT';
};
export const GOOD_VOTE: ProposalVote = { necessity: 12, feasibility: 40, results: 28, recommendation: 'APPROVE' }; // 80
export const POOR_VOTE: ProposalVote = { necessity: 5, feasibility: 20, results: 15, recommendation: 'REJECT' }; // 40

export type RatingValue = 'EXCELLENT' | 'PASS' | 'FAIL';

/** Default contract: signed 10/01/2027, runs 15/01/2027 – 30/06/2028. */
export const CONTRACT = {
  contractNo: '',
  signedAt: '2027-01-10',
  startDate: '2027-01-15',
  endDate: '2028-06-30',
  fundedAmount: '1.200.000.000',
};
/** An acceptance request inside the 30 days after the default end date. */
export const ON_TIME = new Date('2028-07-10T03:00:00Z');

/** A minute ago as a Vietnamese wall clock ("2026-11-30T20:14"), as the meeting form sends it. */
export const justBefore = (now = new Date()) => new Date(now.getTime() + 7 * 3_600_000 - 60_000).toISOString().slice(0, 16);

/**
 * Records a meeting of a council (by its id, or the task's active council of a stage): every member not recused
 * attends but `absent`, the chair (else a vice-chair) presides.
 */
export async function holdMeeting(by: Actor, taskId: string, stage: 'PROPOSAL' | 'ACCEPTANCE', absent: Actor[] = []) {
  const council = await prisma.council.findFirstOrThrow({ where: { taskId, stage, status: 'ACTIVE' }, select: { id: true } });
  return holdCouncilMeeting(by, council.id, absent);
}

export async function holdCouncilMeeting(by: Actor, councilId: string, absent: Actor[] = []) {
  const { taskId, listedTaskId } = await prisma.council.findUniqueOrThrow({
    where: { id: councilId },
    select: { taskId: true, listedTaskId: true },
  });
  const councils = listedTaskId
    ? await prisma.council.findMany({ where: { listedTaskId, status: 'ACTIVE' }, select: { id: true, taskId: true } })
    : [{ id: councilId, taskId }];
  const seats = new Map<string, Position>();
  for (const c of councils) {
    const members = await prisma.councilMember.findMany({
      where: { councilId: c.id, user: { councilSeats: { none: { conflictStatus: 'CONFLICT', council: { taskId: c.taskId } } } } },
      select: { userId: true, position: true },
    });
    for (const m of members) seats.set(m.userId, m.position);
  }
  const away = new Set(absent.map((a) => a.id));
  const presiding =
    [...seats].find(([u, p]) => p === 'CHAIR' && !away.has(u)) ?? [...seats].find(([u, p]) => p === 'VICE_CHAIR' && !away.has(u));
  return recordMeeting(by, {
    target: 'council',
    councilId,
    heldAt: justBefore(),
    place: 'Phòng họp Sở Khoa học và Công nghệ',
    online: false,
    presidingUserId: presiding?.[0] ?? [...seats.keys()][0],
    attendance: [...seats.keys()].map((userId) => ({ userId, present: !away.has(userId), online: false })),
  });
}

/**
 * One task and the steps of its life. Every step calls the real service as the right user, reading the
 * task's current version first (as a freshly loaded page would).
 */
export class Journey {
  councils: Partial<Record<'PROPOSAL' | 'ACCEPTANCE', { councilId: string; seats: Seat[] }>> = {};

  private constructor(
    readonly cast: Cast,
    readonly org: Actor,
    readonly taskId: string,
  ) {}

  static async start(cast: Cast, org?: Actor, content: Record<string, unknown> = {}, opts: { proposalDoc?: boolean } = {}) {
    const owner = org ?? (await actorWith('ORGANIZATION'));
    const { taskId } = await createDraft(owner, fullContent(content));
    const j = new Journey(cast, owner, taskId);
    if (opts.proposalDoc !== false) await j.upload('PROPOSAL_DOC');
    return j;
  }

  version() {
    return versionOf(this.taskId);
  }

  status() {
    return statusOf(this.taskId);
  }

  async ref() {
    return { taskId: this.taskId, version: await this.version() };
  }

  upload(kind: AttachmentKind, fileName = `${kind.toLowerCase()}.pdf`) {
    return uploadAttachment(this.org, { taskId: this.taskId, kind, fileName, bytes: pdf() });
  }

  async submit(now?: Date) {
    return submitTask(this.org, await this.ref(), now);
  }

  /** Forms the council of a stage with the given evaluators (default: the cast's first 7), chair first. */
  async formCouncil(stage: 'PROPOSAL' | 'ACCEPTANCE', members: Actor[] = this.cast.evaluators.slice(0, 7), by: Actor = this.cast.staff) {
    const positions = positionsFor(members.length);
    const { councilId } = await formCouncil(by, {
      ...(await this.ref()),
      stage,
      members: members.map((m, i) => ({ userId: m.id, position: positions[i] })),
    });
    const rows = await prisma.councilMember.findMany({ where: { councilId }, select: { id: true, userId: true, position: true } });
    const seats = members.map((actor) => {
      const row = rows.find((r) => r.userId === actor.id)!;
      return { actor, memberId: row.id, position: row.position };
    });
    this.councils[stage] = { councilId, seats };
    return this.councils[stage]!;
  }

  seats(stage: 'PROPOSAL' | 'ACCEPTANCE') {
    const c = this.councils[stage];
    if (!c) throw new Error(`no ${stage} council formed`);
    return c.seats;
  }

  /** The given seats (default all) declare no conflict of interest. */
  async declareNoConflict(stage: 'PROPOSAL' | 'ACCEPTANCE', seats = this.seats(stage)) {
    for (const s of seats) await declareConflict(s.actor, { memberId: s.memberId, hasConflict: false });
  }

  async startReview(by: Actor = this.cast.staff) {
    return startReview(by, await this.ref());
  }

  /**
   * Records the meeting of the stage's active council (once per council): every member not recused attends (but
   * `absent`), the chair presides. A council's result is valid only after a valid meeting.
   */
  async holdMeeting(stage: 'PROPOSAL' | 'ACCEPTANCE', opts: { absent?: Actor[]; by?: Actor } = {}) {
    return holdMeeting(opts.by ?? this.cast.staff, this.taskId, stage, opts.absent);
  }

  private met = new Set<string>();

  private async meetOnce(stage: 'PROPOSAL' | 'ACCEPTANCE') {
    const council = await prisma.council.findFirst({ where: { taskId: this.taskId, stage, status: 'ACTIVE' }, select: { id: true } });
    if (!council || this.met.has(council.id)) return;
    this.met.add(council.id);
    await this.holdMeeting(stage);
  }

  /** Submits proposal ballots: votes[i] for seat i (seats without a vote stay silent), after the council's meeting. */
  async voteProposal(votes: ProposalVote[] = Array(7).fill(GOOD_VOTE), seats = this.seats('PROPOSAL')) {
    await this.meetOnce('PROPOSAL');
    for (let i = 0; i < votes.length; i++) {
      const v = votes[i];
      await saveBallot(seats[i].actor, {
        memberId: seats[i].memberId,
        submit: true,
        recommendation: v.recommendation,
        comments: 'Nhận xét của thành viên',
        scores: { necessity: v.necessity, feasibility: v.feasibility, results: v.results },
      });
    }
  }

  async approve(by: Actor = this.cast.admin, extra: Record<string, unknown> = {}) {
    return approveTask(by, {
      ...(await this.ref()),
      decisionNo: `123/QĐ-SKHCN-${uniq()}`,
      decisionDate: '2027-01-05',
      approvedBudget: '1.400.000.000',
      approvedDurationMonths: 18,
      ...extra,
    });
  }

  async reject(by: Actor = this.cast.admin) {
    return rejectTask(by, { ...(await this.ref()), reason: 'Hội đồng đánh giá nội dung chưa đủ tính mới.' });
  }

  async contract(by: Actor = this.cast.staff, extra: Partial<typeof CONTRACT> = {}) {
    return contractTask(by, { ...(await this.ref()), ...CONTRACT, contractNo: `HĐ-${uniq()}`, ...extra });
  }

  async requestAcceptance(now: Date = ON_TIME, opts: { upload?: boolean } = {}) {
    if (opts.upload !== false) {
      await this.upload('FINAL_REPORT');
      await this.upload('PRODUCT_EVIDENCE');
    }
    return requestAcceptance(
      this.org,
      {
        ...(await this.ref()),
        finalReportSummary: 'Đã hoàn thành toàn bộ nội dung theo thuyết minh được phê duyệt.',
        selfAssessment: 'Tổ chức chủ trì tự đánh giá đạt yêu cầu về số lượng và chất lượng sản phẩm.',
      },
      now,
    );
  }

  /** Submits acceptance ballots: ratings[i] is seat i's rating of every product, the report and overall. */
  async voteAcceptance(ratings: RatingValue[], seats = this.seats('ACCEPTANCE')) {
    await this.meetOnce('ACCEPTANCE');
    for (let i = 0; i < ratings.length; i++) {
      const r = ratings[i];
      await saveBallot(seats[i].actor, {
        memberId: seats[i].memberId,
        submit: true,
        productRatings: [r, r],
        reportRating: r,
        overallRating: r,
        comments: 'Ý kiến nghiệm thu',
      });
    }
  }

  async accept(by: Actor = this.cast.admin) {
    return acceptTask(by, {
      ...(await this.ref()),
      decisionNo: `456/QĐ-SKHCN-${uniq()}`,
      decisionDate: '2028-08-01',
      note: 'Nghiệm thu đạt.',
    });
  }

  async fail(by: Actor = this.cast.admin) {
    return failTask(by, {
      ...(await this.ref()),
      decisionNo: `789/QĐ-SKHCN-${uniq()}`,
      decisionDate: '2028-08-01',
      note: 'Sản phẩm không đạt yêu cầu.',
    });
  }

  /**
   * Takes the task from its current status to `target` by the ordinary route. UNDER_REVIEW and ACCEPTANCE_REVIEW end with the
   * council formed, declared and voted (`proposalVotes` / `acceptanceRatings`), ready for the decision.
   */
  async driveTo(target: TaskStatus, opts: { proposalVotes?: ProposalVote[]; acceptanceRatings?: RatingValue[]; requestedAt?: Date } = {}) {
    const order: TaskStatus[] = ['DRAFT', 'PROPOSED', 'UNDER_REVIEW', 'APPROVED', 'RUNNING', 'ACCEPTANCE_REVIEW', 'ACCEPTED'];
    const end = target === 'NOT_ACCEPTED' ? order.indexOf('ACCEPTED') : order.indexOf(target);
    if (end < 0) throw new Error(`driveTo cannot reach ${target}`);
    const from = order.indexOf(await this.status());
    if (from < 0) throw new Error(`driveTo cannot continue from ${await this.status()}`);
    const reach = (s: TaskStatus) => order.indexOf(s) > from && order.indexOf(s) <= end;
    if (reach('PROPOSED')) await this.submit();
    if (reach('UNDER_REVIEW')) {
      await this.formCouncil('PROPOSAL');
      await this.startReview();
      await this.declareNoConflict('PROPOSAL');
      await this.voteProposal(opts.proposalVotes);
    }
    if (reach('APPROVED')) await this.approve();
    if (reach('RUNNING')) await this.contract();
    if (reach('ACCEPTANCE_REVIEW')) {
      await this.requestAcceptance(opts.requestedAt);
      await this.formCouncil('ACCEPTANCE');
      await this.declareNoConflict('ACCEPTANCE');
      await this.voteAcceptance(opts.acceptanceRatings ?? Array(7).fill(target === 'NOT_ACCEPTED' ? 'FAIL' : 'EXCELLENT'));
    }
    if (target === 'ACCEPTED') await this.accept();
    if (target === 'NOT_ACCEPTED') await this.fail();
    expect(await this.status()).toBe(target);
    return this;
  }
}
