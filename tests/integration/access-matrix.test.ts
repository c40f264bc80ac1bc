// Who may do what, walked through every service action and page loader against every role and relationship
// to the task. Deny means: NotFoundError (404) for a record outside the actor's scope, ForbiddenError (403) for
// the wrong role; a refused call changes nothing. Allowed calls are made for real and their effect checked.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { getAttachmentFile, uploadAttachment } from '@/lib/attachments/service';
import { createCall } from '@/lib/calls/service';
import { loadAuditPage } from '@/lib/audit/loaders';
import { declareConflict, formCouncil, getSeat, getTaskCouncils, listEvaluatorPool, saveBallot } from '@/lib/councils/service';
import { decideExtension, reportPeriods, requestExtension, reviewProgressReport, submitProgressReport } from '@/lib/reports/service';
import { getSettings, updateSettings } from '@/lib/settings/service';
import {
  acceptTask,
  approveTask,
  contractTask,
  createDraft,
  failTask,
  getTaskDossier,
  listQueue,
  rejectTask,
  requestAcceptance,
  returnTask,
  startReview,
  submitTask,
  terminateTask,
  updateDraft,
  withdrawTask,
} from '@/lib/tasks/service';
import type { Actor } from '@/lib/server/actor';
import {
  recordLiquidation,
  registerResults,
  returnRegistration,
  reviewApplicationReport,
  submitApplicationReport,
  submitRegistration,
} from '@/lib/after-acceptance/service';
import { afterAcceptancePanel } from '@/lib/after-acceptance/panel';
import { searchEverything } from '@/lib/search/service';
import { createTranslator } from 'next-intl';
import { loadMessages } from '@/lib/i18n/catalog';
import { exportList, type Translate } from '@/lib/exports/lists';
import { exportForm04 } from '@/lib/exports/form-04';
import { generateDocument } from '@/lib/documents/service';
import { setAttachmentPublished } from '@/lib/attachments/service';
import { loadDevMailboxPage } from '@/lib/mail/loaders';
import { loadProfilePage } from '@/lib/users/loaders';
import { updateProfile } from '@/lib/users/service';
import { optionalMailCategories } from '@/lib/domain/mail';
import { docxText } from '../support/zip';
import { actorWith } from '../support/fixtures';
import { caught, CONTRACT, fullContent, GOOD_VOTE, Journey, makeEvaluator, pdf, positionsFor, uniq, type Cast } from '../support/lifecycle';

// ---------------------------------------------------------------------------------------------------------
// The people. Every scene's task belongs to `own`; its councils seat `member` (declared no conflict),
// four other members who declared no conflict and vote, `recused` (declared a conflict) and `undeclared`.
// `outsider` is an evaluator on no council of these tasks.
// ---------------------------------------------------------------------------------------------------------
const WHO = ['admin', 'staff', 'own', 'other', 'member', 'undeclared', 'outsider', 'recused'] as const;
type Who = (typeof WHO)[number];
const LABEL: Record<Who, string> = {
  admin: 'department admin',
  staff: 'department staff',
  own: 'own organization user',
  other: 'other organization user',
  member: 'council member (declared no conflict)',
  undeclared: 'council member not yet declared',
  outsider: 'non-member evaluator',
  recused: 'recused council member (declared a conflict)',
};

let people: Record<Who, Actor>;
let fillers: Actor[];
let cast: Cast;

beforeAll(async () => {
  const [admin, staff, own, other] = await Promise.all([
    actorWith('DEPARTMENT_ADMIN'),
    actorWith('DEPARTMENT_STAFF'),
    actorWith('ORGANIZATION'),
    actorWith('ORGANIZATION'),
  ]);
  const evaluators = await Promise.all(Array.from({ length: 8 }, () => makeEvaluator()));
  const [member, undeclared, outsider, recused, ...rest] = evaluators;
  fillers = rest;
  people = { admin, staff, own, other, member, undeclared, outsider, recused };
  cast = { admin, staff, evaluators: [member, ...fillers, recused, undeclared] };
});

// ---------------------------------------------------------------------------------------------------------
// Scenes: a task of `own` in a given status, built through the real services.
// ---------------------------------------------------------------------------------------------------------
type SceneKind =
  | 'RETURNED'
  | 'PROPOSED_BARE'
  | 'PROPOSED'
  | 'UNDER_REVIEW'
  | 'APPROVED'
  | 'RUNNING'
  | 'RUNNING_EXTENSION_PENDING'
  | 'ACCEPTANCE_REVIEW'
  | 'ACCEPTANCE_REVIEW_FAILING'
  // Accepted (decision 01/08/2028), the registration form uploaded and nothing after acceptance done yet.
  | 'ACCEPTED'
  // Accepted, its results submitted for registration and its first application report sent.
  | 'ACCEPTED_REPORTED';
type Scene = {
  j: Journey;
  taskId: string;
  attachmentId: string;
  /** Seat ids in the active (or latest) council, by person. */
  seat: Partial<Record<Who, string>>;
  reports: { forStaff?: string; forAdmin?: string };
  extensionId?: string;
  applicationReportId?: string;
};

async function seatCouncil(j: Journey, stage: 'PROPOSAL' | 'ACCEPTANCE', vote: (seats: ReturnType<Journey['seats']>) => Promise<void>) {
  // Seat order: member, four fillers, recused, undeclared. `recused` declared a conflict on the proposal council,
  // so they may not sit on the acceptance council of the same task: a fresh evaluator takes that seat and
  // declares a conflict there.
  const evaluators = stage === 'PROPOSAL' ? cast.evaluators : cast.evaluators.map((e) => (e === people.recused ? null : e));
  const standIn = stage === 'PROPOSAL' ? people.recused : await makeEvaluator();
  const { seats } = await j.formCouncil(
    stage,
    evaluators.map((e) => e ?? standIn),
  );
  await j.declareNoConflict(stage, seats.slice(0, 5));
  await declareConflict(standIn, {
    memberId: seats[5].memberId,
    hasConflict: true,
    reason: 'Đồng tác giả bài báo với chủ nhiệm nhiệm vụ.',
  });
  await vote(seats.slice(1, 5));
  return { member: seats[0].memberId, recused: seats[5].memberId, undeclared: seats[6].memberId };
}

async function buildScene(kind: SceneKind): Promise<Scene> {
  const j = await Journey.start(cast, people.own);
  const attachmentId = (
    await prisma.attachment.findFirstOrThrow({ where: { taskId: j.taskId, kind: 'PROPOSAL_DOC' }, select: { id: true } })
  ).id;
  const scene: Scene = { j, taskId: j.taskId, attachmentId, seat: {}, reports: {} };
  await j.submit();
  if (kind === 'PROPOSED_BARE') return scene;
  const noVotes = async () => {};
  if (kind === 'RETURNED' || kind === 'PROPOSED') {
    scene.seat = await seatCouncil(j, 'PROPOSAL', noVotes);
    if (kind === 'RETURNED') await returnTask(people.staff, { ...(await j.ref()), comment: 'Bổ sung lý lịch khoa học của thành viên.' });
    return scene;
  }
  // Four of the six members who were not recused vote: the 2/3 quorum is met without the `member`.
  scene.seat = await seatCouncil(j, 'PROPOSAL', (seats) => j.voteProposal(Array(4).fill(GOOD_VOTE), seats));
  await j.startReview();
  if (kind === 'UNDER_REVIEW') return scene;
  await j.approve();
  if (kind === 'APPROVED') return scene;
  await j.contract();
  await j.upload('FINAL_REPORT');
  await j.upload('PRODUCT_EVIDENCE');
  if (kind === 'RUNNING' || kind === 'RUNNING_EXTENSION_PENDING') {
    const report = (dueDate: string) =>
      submitProgressReport(people.own, {
        taskId: j.taskId,
        dueDate,
        workDone: 'Hoàn thành nội dung của kỳ báo cáo.',
        productsSoFar: 'Số liệu khảo sát',
        amountSpent: '100000000',
      });
    scene.reports = { forStaff: (await report('2027-09-15')).reportId, forAdmin: (await report('2028-03-15')).reportId };
    if (kind === 'RUNNING_EXTENSION_PENDING') {
      scene.extensionId = (
        await requestExtension(
          people.own,
          { taskId: j.taskId, requestedEndDate: '2028-12-31', reason: 'Chậm tiến độ do thời tiết bất thường.' },
          new Date('2028-03-01T02:00:00Z'),
        )
      ).requestId;
    }
    return scene;
  }
  await requestAcceptance(
    people.own,
    { ...(await j.ref()), finalReportSummary: 'Hoàn thành toàn bộ nội dung đăng ký.', selfAssessment: 'Tự đánh giá đạt yêu cầu đặt hàng.' },
    new Date('2028-07-10T03:00:00Z'),
  );
  // A failure can only be recorded on a Fail grade, an acceptance only on Pass or better.
  const rating = kind === 'ACCEPTANCE_REVIEW_FAILING' ? 'FAIL' : 'PASS';
  scene.seat = await seatCouncil(j, 'ACCEPTANCE', (seats) => j.voteAcceptance(Array(4).fill(rating), seats));
  if (kind === 'ACCEPTANCE_REVIEW' || kind === 'ACCEPTANCE_REVIEW_FAILING') return scene;
  await acceptTask(people.admin, { ...(await j.ref()), decisionNo: `${uniq()}/QĐ-SKHCN`, decisionDate: ACCEPTED_ON });
  await j.upload('REGISTRATION_FORM');
  if (kind === 'ACCEPTED') return scene;
  await submitRegistration(people.own, { taskId: j.taskId, resultsSummary: RESULTS });
  scene.applicationReportId = (await submitApplicationReport(people.own, applicationReport(j.taskId))).reportId;
  return scene;
}

let translator: Promise<Translate> | undefined;
const translate = () =>
  (translator ??= loadMessages('vi').then(
    (messages) => createTranslator({ locale: 'vi', messages: messages as never }) as unknown as Translate,
  ));

const ACCEPTED_ON = '2028-08-01';
/** A day after the acceptance decision, when its registration and liquidation may be dated. */
const AFTER_ACCEPTANCE = new Date('2028-09-15T03:00:00Z');
const RESULTS = 'Báo cáo tổng hợp, quy trình công nghệ và hai bài báo nộp lưu giữ.';
const applicationReport = (taskId: string) => ({
  taskId,
  dueDate: '2029-08-01',
  applicationPlaces: 'Hai hợp tác xã tại huyện Tuy An.',
  benefits: 'Năng suất tăng 10% trên 20 ha ứng dụng.',
});

const shared = new Map<SceneKind, Promise<Scene>>();
const sharedScene = (kind: SceneKind) => {
  if (!shared.has(kind)) shared.set(kind, buildScene(kind));
  return shared.get(kind)!;
};

/** Everything a refused call might have touched: it must be identical before and after. */
async function fingerprint(s: Scene | null) {
  const t = s?.taskId ?? '__none__';
  const [tasks, calls, setting, task, events, attachments, published, notifications, seats, reports, extensions, after] = await Promise.all(
    [
      prisma.task.count(),
      prisma.call.count(),
      prisma.setting.findUnique({ where: { key: 'department' }, select: { value: true, updatedAt: true } }),
      prisma.task.findUnique({ where: { id: t }, select: { status: true, version: true, updatedAt: true, title: true, endDate: true } }),
      prisma.taskEvent.count({ where: { taskId: t } }),
      prisma.attachment.count({ where: { taskId: t } }),
      prisma.attachment.count({ where: { taskId: t, publishedAt: { not: null } } }),
      prisma.notification.count({ where: { taskId: t } }),
      prisma.councilMember.findMany({
        where: { council: { taskId: t } },
        orderBy: { id: 'asc' },
        select: {
          id: true,
          conflictStatus: true,
          council: { select: { status: true } },
          ballot: { select: { status: true, updatedAt: true } },
        },
      }),
      prisma.progressReport.findMany({ where: { taskId: t }, orderBy: { id: 'asc' }, select: { id: true, status: true } }),
      prisma.extensionRequest.findMany({ where: { taskId: t }, orderBy: { id: 'asc' }, select: { id: true, status: true } }),
      prisma.task.findUnique({
        where: { id: t },
        select: {
          registration: { select: { status: true, version: true, certificateNo: true } },
          liquidation: { select: { id: true } },
          applicationReports: { orderBy: { id: 'asc' }, select: { id: true, status: true } },
        },
      }),
    ],
  );
  return { tasks, calls, setting, task, events, attachments, published, notifications, seats, reports, extensions, after };
}

// ---------------------------------------------------------------------------------------------------------
// The matrix: who may call what. ok = allowed (and done for real); 404 = NotFoundError; 403 = ForbiddenError.
// ---------------------------------------------------------------------------------------------------------
type Outcome = 'ok' | '404' | '403';

const MATRIX = {
  //                                              admin  staff  own    other  member undecl outsid recused
  // page loaders
  getTaskDossier: ['ok', 'ok', 'ok', '404', 'ok', '404', '404', '404'],
  listQueue: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  'searchEverything (header search)': ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  getTaskCouncils: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  listEvaluatorPool: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  "getSeat (own seat, else the member's)": ['403', '403', '403', '403', 'ok', 'ok', '404', 'ok'],
  reportPeriods: ['ok', 'ok', 'ok', '404', 'ok', '404', '404', '404'],
  getAttachmentFile: ['ok', 'ok', 'ok', '404', 'ok', '404', '404', '404'],
  loadAuditPage: ['ok', '403', '403', '403', '403', '403', '403', '403'],
  // the proposal
  createDraft: ['403', '403', 'ok', 'ok', '403', '403', '403', '403'],
  updateDraft: ['403', '403', 'ok', '404', '403', '403', '403', '403'],
  uploadAttachment: ['403', '403', 'ok', '404', '403', '403', '403', '403'],
  'submitTask (resubmit)': ['403', '403', 'ok', '404', '403', '404', '404', '404'],
  withdrawTask: ['403', '403', 'ok', '404', '403', '404', '404', '404'],
  // screening, council, review
  returnTask: ['ok', 'ok', '403', '404', '403', '404', '404', '404'],
  formCouncil: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  startReview: ['ok', 'ok', '403', '404', '403', '404', '404', '404'],
  "declareConflict (undeclared member's seat)": ['403', '403', '403', '403', '404', 'ok', '404', '404'],
  "saveBallot (own seat, else the member's)": ['403', '403', '403', '403', 'ok', '403', '404', '403'],
  approveTask: ['ok', '403', '403', '404', '403', '404', '404', '404'],
  rejectTask: ['ok', '403', '403', '404', '403', '404', '404', '404'],
  // running
  contractTask: ['ok', 'ok', '403', '404', '403', '404', '404', '404'],
  submitProgressReport: ['403', '403', 'ok', '404', '403', '403', '403', '403'],
  reviewProgressReport: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  requestExtension: ['403', '403', 'ok', '404', '403', '403', '403', '403'],
  decideExtension: ['ok', '403', '403', '403', '403', '403', '403', '403'],
  terminateTask: ['ok', '403', '403', '404', '403', '404', '404', '404'],
  // acceptance
  requestAcceptance: ['403', '403', 'ok', '404', '403', '404', '404', '404'],
  acceptTask: ['ok', '403', '403', '404', '403', '404', '404', '404'],
  failTask: ['ok', '403', '403', '404', '403', '404', '404', '404'],
  // after acceptance: only the department and the host organization, never a council member
  afterAcceptancePanel: ['ok', 'ok', 'ok', '404', '404', '404', '404', '404'],
  submitRegistration: ['403', '403', 'ok', '404', '404', '404', '404', '404'],
  returnRegistration: ['ok', 'ok', '403', '404', '404', '404', '404', '404'],
  registerResults: ['ok', 'ok', '403', '404', '404', '404', '404', '404'],
  recordLiquidation: ['ok', 'ok', '403', '404', '404', '404', '404', '404'],
  submitApplicationReport: ['403', '403', 'ok', '404', '404', '404', '404', '404'],
  reviewApplicationReport: ['ok', 'ok', '403', '404', '404', '404', '404', '404'],
  // exports: the lists as their screens show them (an organization: its own tasks only)
  'exportList tasks': ['ok', 'ok', 'ok', 'ok', '403', '403', '403', '403'],
  'exportList organizations': ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  'exportList users': ['ok', '403', '403', '403', '403', '403', '403', '403'],
  'exportList needs': ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  'exportList listed-tasks': ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  'exportList programs': ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  exportForm04: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  // the public registry: the department publishes a result file of an accepted task (a council member who may read
  // the final report gets 403; the registration form is hidden from the council, so 404)
  'setAttachmentPublished (final report)': ['ok', 'ok', '403', '404', '403', '404', '404', '404'],
  'setAttachmentPublished (registration form)': ['ok', 'ok', '403', '404', '404', '404', '404', '404'],
  // documents (the route /api/documents/<kind>/<id> answers with generateDocument): each to whom its record's page offers it
  'generateDocument approval-decision': ['ok', 'ok', 'ok', '404', '404', '404', '404', '404'],
  'generateDocument recognition-decision': ['ok', 'ok', 'ok', '404', '404', '404', '404', '404'],
  'generateDocument council-decision': ['ok', 'ok', '404', '404', '404', '404', '404', '404'],
  'generateDocument evaluation-form (blank)': ['ok', 'ok', '404', '404', 'ok', '404', '404', '404'],
  "generateDocument ballot (another member's)": ['ok', 'ok', '404', '404', '404', '404', '404', '404'],
  'generateDocument minutes': ['ok', 'ok', '404', '404', '404', '404', '404', '404'],
  // e-mail: the development mailbox is the admin's alone (404 to anyone else), and in production nobody's unless
  // MAIL_DEV_MAILBOX=1; each user reads and sets their own profile, nobody else's
  loadDevMailboxPage: ['ok', '404', '404', '404', '404', '404', '404', '404'],
  'loadDevMailboxPage (production)': ['404', '404', '404', '404', '404', '404', '404', '404'],
  'loadDevMailboxPage (production, MAIL_DEV_MAILBOX=1)': ['ok', '404', '404', '404', '404', '404', '404', '404'],
  'loadProfilePage (own profile)': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  'updateProfile (own row, naming another user)': ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  // department administration
  createCall: ['ok', 'ok', '403', '403', '403', '403', '403', '403'],
  'updateSettings (same values back)': ['ok', '403', '403', '403', '403', '403', '403', '403'],
} satisfies Record<string, Outcome[]>;

// How each action is called. `on`: the scene the call is made on (null: no task involved). `fresh`: an allowed
// call changes the task for good, so each allowed row gets a new scene. `effect`: what an allowed call must do.
type Call = {
  on: SceneKind | null;
  fresh?: boolean;
  run: (actor: Actor, s: Scene, who: Who) => Promise<unknown>;
  // any: each row knows the result of its own service call.
  effect?: (result: any, s: Scene, actor: Actor) => Promise<unknown> | unknown;
};

const ref = async (s: Scene) => s.j.ref();
const statusIs = (status: string) => async (_r: unknown, s: Scene) => expect(await s.j.status()).toBe(status);
const members = () => cast.evaluators.map((e, i) => ({ userId: e.id, position: positionsFor(7)[i] }));
/** An evaluator acts on their own seat; anyone without a seat on this council tries the `member`'s seat. */
const seatOf = (s: Scene, who: Who) => s.seat[who] ?? s.seat.member!;
const titleOf = async (taskId: string) => (await prisma.task.findUniqueOrThrow({ where: { id: taskId }, select: { title: true } })).title;

type Generated = Awaited<ReturnType<typeof generateDocument>>;
/** The scene's task's file of a kind. */
const attachmentOf = async (s: Scene, kind: 'FINAL_REPORT' | 'REGISTRATION_FORM') =>
  (await prisma.attachment.findFirstOrThrow({ where: { taskId: s.taskId, kind }, select: { id: true } })).id;
/** The scene's proposal council (the member's seat's). */
const councilOf = async (s: Scene) => (await prisma.councilMember.findUniqueOrThrow({ where: { id: s.seat.member! } })).councilId;
/** A .docx generated from the scene's task: it names the task. */
async function expectDocumentOf(r: Generated, s: Scene) {
  const { title } = await prisma.task.findUniqueOrThrow({ where: { id: s.taskId }, select: { title: true } });
  expect(r.fileName).toMatch(/\.docx$/);
  expect(docxText(r.buffer)).toContain(title);
}

type DevMailbox = Awaited<ReturnType<typeof loadDevMailboxPage>>;
/** Runs `call` as the production build would (NODE_ENV and `env`), the test's environment restored after. */
async function inProduction<T>(env: Record<string, string>, call: () => Promise<T>): Promise<T> {
  vi.stubEnv('NODE_ENV', 'production');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  try {
    return await call();
  } finally {
    vi.unstubAllEnvs();
  }
}
/** A user nobody in the matrix is: what another's call names must stay as it was. */
let bystanderUser: Promise<Actor> | undefined;
const bystander = () => (bystanderUser ??= actorWith('ORGANIZATION'));

const CALLS: Record<keyof typeof MATRIX, Call> = {
  getTaskDossier: { on: 'UNDER_REVIEW', run: (a, s) => getTaskDossier(a, s.taskId), effect: (r, s) => expect(r.task.id).toBe(s.taskId) },
  listQueue: {
    on: 'UNDER_REVIEW',
    run: async (a, s) => listQueue(a, { q: await titleOf(s.taskId) }),
    effect: (r, s) => expect(r.rows.map((t: { id: string }) => t.id)).toEqual([s.taskId]),
  },
  'searchEverything (header search)': {
    on: 'UNDER_REVIEW',
    run: async (a, s) => searchEverything(a, { q: await titleOf(s.taskId) }),
    effect: (r, s) => expect(r.tasks.map((t: { id: string }) => t.id)).toEqual([s.taskId]),
  },
  getTaskCouncils: { on: 'UNDER_REVIEW', run: (a, s) => getTaskCouncils(a, s.taskId), effect: (r) => expect(r[0].members).toHaveLength(7) },
  listEvaluatorPool: {
    on: 'UNDER_REVIEW',
    run: (a, s) => listEvaluatorPool(a, s.taskId),
    effect: (r) => expect(r.map((e: { id: string }) => e.id)).toContain(people.outsider.id),
  },
  "getSeat (own seat, else the member's)": {
    on: 'UNDER_REVIEW',
    run: (a, s, w) => getSeat(a, seatOf(s, w)),
    effect: (r, s) => expect(r.seat.council.task.id).toBe(s.taskId),
  },
  reportPeriods: { on: 'RUNNING', run: (a, s) => reportPeriods(a, s.taskId), effect: (r) => expect(r).toHaveLength(3) },
  getAttachmentFile: {
    on: 'UNDER_REVIEW',
    run: (a, s) => getAttachmentFile(a, s.attachmentId),
    effect: (r) => expect(r.bytes.subarray(0, 8).toString()).toBe('%PDF-1.4'),
  },
  loadAuditPage: {
    on: null,
    run: (a) => loadAuditPage(a, { log: 'access', actor: a.email }),
    effect: (r) => expect(r).toMatchObject({ log: 'access', filters: { actor: people.admin.email } }),
  },

  createDraft: {
    on: null,
    run: (a) => createDraft(a, fullContent()),
    effect: async (r, _s, a) =>
      expect((await prisma.task.findUniqueOrThrow({ where: { id: r.taskId } })).hostOrganizationId).toBe(a.organizationId),
  },
  updateDraft: {
    on: 'RETURNED',
    run: async (a, s) => updateDraft(a, { ...(await ref(s)), ...fullContent({ title: `Tên đã sửa theo góp ý ${uniq()}` }) }),
    effect: async (_r, s) => expect(await titleOf(s.taskId)).toMatch(/^Tên đã sửa theo góp ý/),
  },
  uploadAttachment: {
    on: 'RETURNED',
    run: (a, s) => uploadAttachment(a, { taskId: s.taskId, kind: 'CV', fileName: 'ly-lich.pdf', bytes: pdf() }),
    effect: async (r, s) => expect(await prisma.attachment.count({ where: { id: r.id, taskId: s.taskId, kind: 'CV' } })).toBe(1),
  },
  'submitTask (resubmit)': { on: 'RETURNED', fresh: true, run: async (a, s) => submitTask(a, await ref(s)), effect: statusIs('PROPOSED') },
  withdrawTask: {
    on: 'PROPOSED',
    fresh: true,
    run: async (a, s) => withdrawTask(a, { ...(await ref(s)), reason: 'Không còn nguồn kinh phí đối ứng.' }),
    effect: statusIs('WITHDRAWN'),
  },

  returnTask: {
    on: 'PROPOSED',
    fresh: true,
    run: async (a, s) => returnTask(a, { ...(await ref(s)), comment: 'Làm rõ phương pháp nghiên cứu.' }),
    effect: statusIs('RETURNED'),
  },
  formCouncil: {
    on: 'PROPOSED_BARE',
    fresh: true,
    run: async (a, s) => formCouncil(a, { ...(await ref(s)), stage: 'PROPOSAL', members: members() }),
    effect: async (_r, s) => expect(await prisma.councilMember.count({ where: { council: { taskId: s.taskId } } })).toBe(7),
  },
  startReview: { on: 'PROPOSED', fresh: true, run: async (a, s) => startReview(a, await ref(s)), effect: statusIs('UNDER_REVIEW') },
  "declareConflict (undeclared member's seat)": {
    on: 'PROPOSED',
    fresh: true,
    run: (a, s) => declareConflict(a, { memberId: s.seat.undeclared!, hasConflict: false }),
    effect: async (_r, s) =>
      expect((await prisma.councilMember.findUniqueOrThrow({ where: { id: s.seat.undeclared! } })).conflictStatus).toBe('NO_CONFLICT'),
  },
  "saveBallot (own seat, else the member's)": {
    on: 'UNDER_REVIEW',
    run: (a, s, w) => saveBallot(a, { memberId: seatOf(s, w), submit: false, scores: { necessity: 10 }, comments: 'Bản nháp' }),
    effect: async (_r, s) => expect((await prisma.ballot.findUniqueOrThrow({ where: { memberId: s.seat.member! } })).status).toBe('DRAFT'),
  },
  approveTask: {
    on: 'UNDER_REVIEW',
    fresh: true,
    effect: statusIs('APPROVED'),
    run: async (a, s) =>
      approveTask(a, {
        ...(await ref(s)),
        decisionNo: '15/QĐ-SKHCN',
        decisionDate: '2027-01-05',
        approvedBudget: '1400000000',
        approvedDurationMonths: 18,
      }),
  },
  rejectTask: {
    on: 'UNDER_REVIEW',
    fresh: true,
    run: async (a, s) => rejectTask(a, { ...(await ref(s)), reason: 'Trùng lặp với nhiệm vụ đã thực hiện.' }),
    effect: statusIs('REJECTED'),
  },

  contractTask: {
    on: 'APPROVED',
    fresh: true,
    run: async (a, s) => contractTask(a, { ...(await ref(s)), ...CONTRACT, contractNo: `HĐ-${uniq()}` }),
    effect: statusIs('RUNNING'),
  },
  submitProgressReport: {
    on: 'RUNNING',
    run: (a, s) =>
      submitProgressReport(a, {
        taskId: s.taskId,
        dueDate: '2027-03-15',
        workDone: 'Khảo sát xong 3 hợp tác xã.',
        productsSoFar: 'Báo cáo khảo sát',
        amountSpent: '50000000',
      }),
    effect: async (r, s) =>
      expect(await prisma.progressReport.count({ where: { id: r.reportId, taskId: s.taskId, status: 'SUBMITTED' } })).toBe(1),
  },
  reviewProgressReport: {
    on: 'RUNNING',
    run: (a, s, w) => reviewProgressReport(a, { reportId: w === 'admin' ? s.reports.forAdmin! : s.reports.forStaff!, status: 'REVIEWED' }),
    effect: async (r) => expect((await prisma.progressReport.findUniqueOrThrow({ where: { id: r.reportId } })).status).toBe('REVIEWED'),
  },
  requestExtension: {
    on: 'RUNNING',
    fresh: true,
    run: (a, s) =>
      requestExtension(
        a,
        { taskId: s.taskId, requestedEndDate: '2028-10-31', reason: 'Cần thêm một vụ nuôi để thử nghiệm.' },
        new Date('2028-03-01T02:00:00Z'),
      ),
    effect: async (_r, s) => expect(await prisma.extensionRequest.count({ where: { taskId: s.taskId, status: 'PENDING' } })).toBe(1),
  },
  decideExtension: {
    on: 'RUNNING_EXTENSION_PENDING',
    fresh: true,
    run: async (a, s) => decideExtension(a, { requestId: s.extensionId!, version: (await ref(s)).version, approve: true }),
    effect: async (_r, s) =>
      expect((await prisma.task.findUniqueOrThrow({ where: { id: s.taskId } })).endDate!.toISOString().slice(0, 10)).toBe('2028-12-31'),
  },
  terminateTask: {
    on: 'RUNNING',
    fresh: true,
    run: async (a, s) => terminateTask(a, { ...(await ref(s)), reason: 'Không bảo đảm tiến độ đã cam kết.' }),
    effect: statusIs('TERMINATED'),
  },

  requestAcceptance: {
    on: 'RUNNING',
    fresh: true,
    effect: statusIs('ACCEPTANCE_REVIEW'),
    run: async (a, s) =>
      requestAcceptance(
        a,
        {
          ...(await ref(s)),
          finalReportSummary: 'Hoàn thành toàn bộ nội dung đăng ký.',
          selfAssessment: 'Tự đánh giá đạt yêu cầu đặt hàng.',
        },
        new Date('2028-07-10T03:00:00Z'),
      ),
  },
  acceptTask: {
    on: 'ACCEPTANCE_REVIEW',
    fresh: true,
    run: async (a, s) => acceptTask(a, { ...(await ref(s)), decisionNo: '77/QĐ-SKHCN', decisionDate: '2028-08-01' }),
    effect: statusIs('ACCEPTED'),
  },
  failTask: {
    on: 'ACCEPTANCE_REVIEW_FAILING',
    fresh: true,
    effect: statusIs('NOT_ACCEPTED'),
    run: async (a, s) =>
      failTask(a, { ...(await ref(s)), decisionNo: '78/QĐ-SKHCN', decisionDate: '2028-08-01', note: 'Không đạt yêu cầu.' }),
  },

  afterAcceptancePanel: {
    on: 'ACCEPTED_REPORTED',
    run: (a, s) => afterAcceptancePanel(a, s.taskId),
    effect: (r) => expect(r).toMatchObject({ status: 'ACCEPTED', registration: { record: { status: 'SUBMITTED' } } }),
  },
  submitRegistration: {
    on: 'ACCEPTED',
    fresh: true,
    run: (a, s) => submitRegistration(a, { taskId: s.taskId, resultsSummary: RESULTS }),
    effect: (r) => expect(r.status).toBe('SUBMITTED'),
  },
  returnRegistration: {
    on: 'ACCEPTED_REPORTED',
    fresh: true,
    run: (a, s) => returnRegistration(a, { taskId: s.taskId, version: 1, note: 'Bổ sung bản điện tử báo cáo tóm tắt.' }),
    effect: (r) => expect(r.status).toBe('RETURNED'),
  },
  registerResults: {
    on: 'ACCEPTED_REPORTED',
    fresh: true,
    run: (a, s) =>
      registerResults(a, { taskId: s.taskId, version: 1, certificateNo: `GCN-${uniq()}`, certificateDate: '2028-09-01' }, AFTER_ACCEPTANCE),
    effect: (r) => expect(r.status).toBe('REGISTERED'),
  },
  recordLiquidation: {
    on: 'ACCEPTED',
    fresh: true,
    run: (a, s) =>
      recordLiquidation(
        a,
        {
          taskId: s.taskId,
          recordNo: `BBTL-${uniq()}`,
          liquidatedOn: '2028-09-01',
          disbursed: '1.000.000.000',
          spent: '950.000.000',
          refunded: '50.000.000',
        },
        AFTER_ACCEPTANCE,
      ),
    effect: async (_r, s) =>
      expect(await prisma.liquidation.findUniqueOrThrow({ where: { taskId: s.taskId } })).toMatchObject({ refunded: 50_000_000n }),
  },
  submitApplicationReport: {
    on: 'ACCEPTED',
    fresh: true,
    run: (a, s) => submitApplicationReport(a, applicationReport(s.taskId)),
    effect: (r) => expect(r.status).toBe('SUBMITTED'),
  },
  reviewApplicationReport: {
    on: 'ACCEPTED_REPORTED',
    fresh: true,
    run: (a, s) => reviewApplicationReport(a, { reportId: s.applicationReportId!, status: 'REVIEWED' }),
    effect: (r) => expect(r.status).toBe('REVIEWED'),
  },

  'exportList tasks': {
    on: 'UNDER_REVIEW',
    run: async (a) => exportList(a, 'tasks', { format: 'csv' }, await translate()),
    // The scene's task is `own`'s: in the department's and its own export, never in another organization's.
    effect: async (r: Response, s, a) => {
      const text = await r.text();
      const code = (await prisma.task.findUniqueOrThrow({ where: { id: s.taskId }, select: { title: true } })).title;
      expect(text.includes(code)).toBe(a.id !== people.other.id);
    },
  },
  'exportList organizations': {
    on: null,
    run: async (a) => exportList(a, 'organizations', { format: 'csv', status: 'PENDING' }, await translate()),
    effect: async (r: Response) => expect([...new Uint8Array(await r.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]),
  },
  'exportList users': {
    on: null,
    run: async (a) => exportList(a, 'users', { format: 'csv', q: people.admin.email }, await translate()),
    effect: async (r: Response) => expect(await r.text()).toContain(people.admin.email),
  },
  // The department's lists of needs proposals, listed tasks and programs: the same roles as their screens.
  'exportList needs': {
    on: null,
    run: async (a) => exportList(a, 'needs', { format: 'csv', status: 'SUBMITTED' }, await translate()),
    effect: async (r: Response) => expect([...new Uint8Array(await r.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]),
  },
  'exportList listed-tasks': {
    on: null,
    run: async (a) => exportList(a, 'listed-tasks', { format: 'csv', year: '2028' }, await translate()),
    effect: async (r: Response) =>
      expect(Buffer.from(await r.arrayBuffer()).toString('utf8')).toMatch(/^\uFEFFMã,Tên nhiệm vụ,Năm kế hoạch,/),
  },
  'exportList programs': {
    on: null,
    run: async (a) => exportList(a, 'programs', { format: 'xlsx' }, await translate()),
    effect: async (r: Response) => {
      expect(r.headers.get('Content-Type')).toContain('spreadsheetml');
      expect(
        Buffer.from(await r.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    },
  },
  exportForm04: {
    on: null,
    run: (a) => exportForm04(a, '2028'),
    effect: (r: Response) => expect(r.headers.get('Content-Disposition')).toContain('Bieu-04-TKTH-KHCN-DP-2028.xlsx'),
  },

  'setAttachmentPublished (final report)': {
    on: 'ACCEPTED',
    run: async (a, s) => setAttachmentPublished(a, { attachmentId: await attachmentOf(s, 'FINAL_REPORT'), publish: true }),
    effect: async (_r, s) =>
      expect(
        (await prisma.attachment.findUniqueOrThrow({ where: { id: await attachmentOf(s, 'FINAL_REPORT') } })).publishedAt,
      ).not.toBeNull(),
  },
  'setAttachmentPublished (registration form)': {
    on: 'ACCEPTED',
    run: async (a, s) => setAttachmentPublished(a, { attachmentId: await attachmentOf(s, 'REGISTRATION_FORM'), publish: true }),
    effect: async (_r, s) =>
      expect(
        (await prisma.attachment.findUniqueOrThrow({ where: { id: await attachmentOf(s, 'REGISTRATION_FORM') } })).publishedAt,
      ).not.toBeNull(),
  },
  'generateDocument approval-decision': {
    on: 'APPROVED',
    run: (a, s) => generateDocument(a, 'approval-decision', s.taskId),
    effect: (r: Generated, s) => expectDocumentOf(r, s),
  },
  'generateDocument recognition-decision': {
    on: 'ACCEPTED',
    run: (a, s) => generateDocument(a, 'recognition-decision', s.taskId),
    effect: (r: Generated, s) => expectDocumentOf(r, s),
  },
  'generateDocument council-decision': {
    on: 'UNDER_REVIEW',
    run: async (a, s) => generateDocument(a, 'council-decision', await councilOf(s)),
    effect: (r: Generated, s) => expectDocumentOf(r, s),
  },
  'generateDocument evaluation-form (blank)': {
    on: 'UNDER_REVIEW',
    run: async (a, s) => generateDocument(a, 'evaluation-form', await councilOf(s)),
    effect: (r: Generated, s) => expectDocumentOf(r, s),
  },
  "generateDocument ballot (another member's)": {
    on: 'UNDER_REVIEW',
    // fillers[0] voted while the scene was built: a submitted ballot that is neither the member's nor anyone else's here.
    run: async (a, s) => {
      const seat = await prisma.councilMember.findFirstOrThrow({ where: { userId: fillers[0].id, council: { taskId: s.taskId } } });
      return generateDocument(a, 'ballot', seat.id);
    },
    effect: (r: Generated) => expect(docxText(r.buffer)).toContain(fillers[0].name),
  },
  'generateDocument minutes': {
    on: 'APPROVED',
    run: async (a, s) => generateDocument(a, 'minutes', await councilOf(s)),
    effect: (r: Generated, s) => expectDocumentOf(r, s),
  },

  loadDevMailboxPage: {
    on: null,
    run: (a) => loadDevMailboxPage(a, {}),
    effect: (r: DevMailbox) => expect(r).toMatchObject({ page: 1, basePath: '/department/dev/mailbox' }),
  },
  'loadDevMailboxPage (production)': {
    on: null,
    run: (a) => inProduction({}, () => loadDevMailboxPage(a, {})),
  },
  'loadDevMailboxPage (production, MAIL_DEV_MAILBOX=1)': {
    on: null,
    run: (a) => inProduction({ MAIL_DEV_MAILBOX: '1' }, () => loadDevMailboxPage(a, {})),
    effect: (r: DevMailbox) => expect(r).toMatchObject({ page: 1, basePath: '/department/dev/mailbox' }),
  },
  'loadProfilePage (own profile)': {
    on: null,
    run: (a) => loadProfilePage(a),
    effect: (r: Awaited<ReturnType<typeof loadProfilePage>>, _s, a) =>
      expect(r).toMatchObject({ name: a.name, email: a.email, offered: optionalMailCategories(a.role) }),
  },
  'updateProfile (own row, naming another user)': {
    on: null,
    // Every optional mail turned off, then back on: the actor's own row only, whoever the input names.
    run: async (a) => {
      const input = { locale: 'vi', mailCategories: [], id: (await bystander()).id, userId: (await bystander()).id };
      return updateProfile(a, input);
    },
    effect: async (r: Awaited<ReturnType<typeof updateProfile>>, _s, a) => {
      expect((await prisma.user.findUniqueOrThrow({ where: { id: a.id } })).mailOptOut).toEqual(r.mailOptOut);
      expect((await prisma.user.findUniqueOrThrow({ where: { id: (await bystander()).id } })).mailOptOut).toEqual([]);
      await prisma.user.update({ where: { id: a.id }, data: { mailOptOut: [] } });
    },
  },

  createCall: {
    on: null,
    run: (a) => createCall(a, { title: `Đợt đề xuất ${uniq()}`, year: 2028, opensAt: '2027-03-01T08:00', closesAt: '2027-04-30T17:00' }),
    effect: async (r) => expect(await prisma.call.count({ where: { id: r.callId } })).toBe(1),
  },
  'updateSettings (same values back)': {
    on: null,
    run: async (a) => updateSettings(a, await getSettings()),
    effect: async (r) => expect(r).toEqual(await getSettings()),
  },
};

const OUTCOME = { ok: 'allowed', '404': 'NotFound (404)', '403': 'Forbidden (403)' } as const;

for (const [what, row] of Object.entries(MATRIX) as [keyof typeof MATRIX, Outcome[]][]) {
  const call = CALLS[what];
  describe(what, () => {
    WHO.forEach((who, i) => {
      const outcome = row[i];
      it(`${LABEL[who]}: ${OUTCOME[outcome]}`, async () => {
        const actor = people[who];
        const scene = call.on === null ? null : outcome === 'ok' && call.fresh ? await buildScene(call.on) : await sharedScene(call.on);
        if (outcome === 'ok') {
          const result = await call.run(actor, scene!, who);
          await call.effect?.(result, scene!, actor);
          return;
        }
        const before = await fingerprint(scene);
        const error = await caught(call.run(actor, scene!, who));
        expect(error).toBeInstanceOf(outcome === '404' ? NotFoundError : ForbiddenError);
        expect(await fingerprint(scene)).toEqual(before);
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// What each side may see, beyond allow/deny.
// ---------------------------------------------------------------------------------------------------------
describe('ballot secrecy between council members', () => {
  it('a member sees no other ballot until submitting their own, then only the submitted ones, never the recused member', async () => {
    const s = await buildScene('UNDER_REVIEW');
    const before = await getSeat(people.member, s.seat.member!);
    expect(before.others).toBeNull();
    expect((await getSeat(people.undeclared, s.seat.undeclared!)).others).toBeNull();
    expect((await getSeat(people.recused, s.seat.recused!)).others).toBeNull();

    await saveBallot(people.member, {
      memberId: s.seat.member!,
      submit: true,
      scores: { necessity: 14, feasibility: 45, results: 30 },
      recommendation: 'APPROVE',
    });
    const after = await getSeat(people.member, s.seat.member!);
    expect(after.others).not.toBeNull();
    const others = after.others!;
    // Four fillers voted; the undeclared member has no ballot; the recused member is not listed at all.
    expect(others).toHaveLength(5);
    expect(others.filter((o) => o.ballot?.status === 'SUBMITTED')).toHaveLength(4);
    expect(others.find((o) => o.id === s.seat.undeclared)!.ballot).toBeNull();
    expect(others.some((o) => o.id === s.seat.recused)).toBe(false);
  });

  it('keeps a draft ballot private from members who already submitted', async () => {
    const s = await buildScene('UNDER_REVIEW');
    await saveBallot(people.member, { memberId: s.seat.member!, submit: false, scores: { necessity: 3 }, comments: 'Nháp riêng tư' });
    // fillers[0] voted while the scene was built, so they see the others; the member's draft is not among them.
    const fillerSeat = await prisma.councilMember.findFirstOrThrow({
      where: { userId: fillers[0].id, council: { taskId: s.taskId } },
      select: { id: true },
    });
    const view = await getSeat(fillers[0], fillerSeat.id);
    expect(view.others!.filter((o) => o.ballot !== null)).toHaveLength(3);
    expect(view.others!.find((o) => o.id === s.seat.member)!.ballot).toBeNull();
    expect(JSON.stringify(view.others)).not.toContain('Nháp riêng tư');
  });

  it('keeps the others hidden until the council closes when the setting says AFTER_CLOSE', async () => {
    const admin = people.admin;
    const original = await getSettings();
    try {
      await updateSettings(admin, { ...original, ballotVisibility: 'AFTER_CLOSE' });
      const s = await buildScene('UNDER_REVIEW');
      await saveBallot(people.member, {
        memberId: s.seat.member!,
        submit: true,
        scores: { necessity: 14, feasibility: 45, results: 30 },
        recommendation: 'APPROVE',
      });
      expect((await getSeat(people.member, s.seat.member!)).others).toBeNull();
      await s.j.approve();
      expect((await getSeat(people.member, s.seat.member!)).others).toHaveLength(5);
    } finally {
      await updateSettings(admin, original);
    }
  });

  it('shows nothing of the others to a recused, undeclared or non-voting member, even after the council closed', async () => {
    const s = await buildScene('UNDER_REVIEW');
    await s.j.approve();
    expect((await prisma.council.findFirstOrThrow({ where: { taskId: s.taskId, stage: 'PROPOSAL' } })).status).toBe('CLOSED');
    // Not even a member who declared no conflict but never voted: the others' ballots follow one's own.
    expect((await getSeat(people.member, s.seat.member!)).others).toBeNull();
    expect((await getSeat(people.recused, s.seat.recused!)).others).toBeNull();
    expect((await getSeat(people.undeclared, s.seat.undeclared!)).others).toBeNull();
  });

  it("keeps one member out of another member's seat (404), whatever they try", async () => {
    const s = await sharedScene('UNDER_REVIEW');
    const before = await fingerprint(s);
    const theirs = s.seat.undeclared!;
    expect(await caught(getSeat(people.member, theirs))).toBeInstanceOf(NotFoundError);
    expect(
      await caught(declareConflict(people.member, { memberId: theirs, hasConflict: true, reason: 'Thử khai hộ người khác' })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await caught(
        saveBallot(people.member, {
          memberId: theirs,
          submit: true,
          scores: { necessity: 1, feasibility: 1, results: 1 },
          recommendation: 'REJECT',
        }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(await fingerprint(s)).toEqual(before);
  });
});

describe('what the host organization sees of its own task', () => {
  it('gets its task and timeline, never councils, ballots, evaluator names, internal notes or who acted', async () => {
    const s = await buildScene('UNDER_REVIEW');
    await s.j.approve();
    const dossier = await getTaskDossier(people.own, s.taskId);
    expect(dossier.role).toBe('ORGANIZATION');
    expect(Object.keys(dossier).sort()).toEqual(['events', 'extensions', 'late', 'reports', 'role', 'task']);
    expect(dossier.events.length).toBeGreaterThan(0);
    for (const e of dossier.events) expect(Object.keys(e).sort()).toEqual(['action', 'createdAt', 'fromStatus', 'id', 'note', 'toStatus']);
    const text = JSON.stringify(dossier, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    const evaluatorNames = await prisma.user.findMany({
      where: { id: { in: cast.evaluators.map((e) => e.id) } },
      select: { name: true, email: true },
    });
    for (const u of evaluatorNames) {
      expect(text).not.toContain(u.name);
      expect(text).not.toContain(u.email);
    }
    expect(text).not.toContain('Nhận xét của thành viên');

    const department = await getTaskDossier(people.staff, s.taskId);
    expect(department.events[0]).toHaveProperty('actor');
    expect(department.events[0]).toHaveProperty('internalNote');
  });

  it('gives an evaluator the proposal only, with no timeline, reports or extensions', async () => {
    const s = await sharedScene('RUNNING_EXTENSION_PENDING');
    expect(await prisma.progressReport.count({ where: { taskId: s.taskId } })).toBe(2);
    const dossier = await getTaskDossier(people.member, s.taskId);
    expect(dossier.role).toBe('EVALUATOR');
    expect(dossier.events).toEqual([]);
    expect(dossier.reports).toEqual([]);
    expect(dossier.extensions).toEqual([]);
  });
});

describe('an evaluator who declares a conflict at a later stage', () => {
  it('loses the task, though they reviewed its proposal without conflict', async () => {
    const late = await makeEvaluator();
    // `late` chairs the proposal council (no conflict), then declares a conflict on the acceptance council.
    const j = await Journey.start({ ...cast, evaluators: [late, ...cast.evaluators.slice(1)] }, people.own);
    await j.driveTo('RUNNING');
    expect((await getTaskDossier(late, j.taskId)).task.id).toBe(j.taskId);
    await j.requestAcceptance();
    const { seats } = await j.formCouncil('ACCEPTANCE');
    await declareConflict(late, { memberId: seats[0].memberId, hasConflict: true, reason: 'Nay làm cố vấn cho tổ chức chủ trì.' });
    expect(await caught(getTaskDossier(late, j.taskId))).toBeInstanceOf(NotFoundError);
    const attachment = await prisma.attachment.findFirstOrThrow({ where: { taskId: j.taskId }, select: { id: true } });
    expect(await caught(getAttachmentFile(late, attachment.id))).toBeInstanceOf(NotFoundError);
    expect(await caught(reportPeriods(late, j.taskId))).toBeInstanceOf(NotFoundError);
  });
});
