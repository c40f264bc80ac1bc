import 'server-only';
import { prisma } from '@/lib/server/db';
import { NotFoundError } from '@/lib/server/errors';
import { idOrNotFound } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { DOCUMENT_KINDS, documentFileName, type DocumentKind, type DocumentLink } from '@/lib/domain/documents';
import { taskScope } from '@/lib/workflow/scope';
import { notRecusedOn } from '@/lib/workflow/recusal';
import { councilResult } from '@/lib/councils/result';
import { getOrderList } from '@/lib/lists/service';
import { getIdentificationCouncil } from '@/lib/identification/service';
import { afterAcceptanceScope } from '@/lib/after-acceptance/service';
import { getSettings } from '@/lib/settings/service';
import * as build from './builders';

/**
 * The documents the department issues, generated from the record through the same access rules as the screens.
 * Who gets what:
 * - the department: every document;
 * - the host organization: what is addressed to it (the approval, extension and recognition decisions, the
 *   liquidation record); nothing of a council, not even its blank form, never a ballot or minutes (a 404);
 * - an evaluator: the blank form of a council they sit on and their own submitted ballot;
 * - anyone else: a 404.
 */
export type { DocumentKind, DocumentLink };

const link = (kind: DocumentKind, id: string, extra: Pick<DocumentLink, 'stage' | 'member'> = {}): DocumentLink => ({
  kind,
  id,
  href: `/api/documents/${kind}/${id}`,
  ...extra,
});

const isDepartment = (actor: Actor) => can(actor.role, 'tasks.viewAll');
const isOrganization = (actor: Actor) => can(actor.role, 'tasks.propose') && !!actor.organizationId;

const taskHeadSelect = {
  id: true,
  code: true,
  title: true,
  piName: true,
  hostOrganization: { select: { name: true } },
} as const;
type TaskHeadRow = { code: string | null; title: string; piName: string | null; hostOrganization: { name: string } };
const head = (t: TaskHeadRow): build.TaskHead => ({ code: t.code, title: t.title, piName: t.piName, host: t.hostOrganization.name });

/** A task document addressed to the host: the department or the host organization only. */
function assertAddressee(actor: Actor) {
  if (!isDepartment(actor) && !isOrganization(actor)) throw new NotFoundError();
}

async function signerOf(taskId: string, action: string) {
  const e = await prisma.taskEvent.findFirst({
    where: { taskId, action },
    orderBy: { createdAt: 'desc' },
    select: { actor: { select: { name: true } } },
  });
  return e?.actor.name ?? null;
}

type Generated = { buffer: Buffer; fileName: string };

/** A council's task and members, when the actor may see the council: the department; an evaluator sitting on it. */
async function councilFor(actor: Actor, councilId: string, who: 'department' | 'department-evaluator') {
  const council = await prisma.council.findFirst({
    where: { id: councilId, task: taskScope(actor) },
    select: {
      id: true,
      stage: true,
      createdAt: true,
      taskId: true,
      task: { select: { ...taskHeadSelect, expectedProducts: true } },
      members: {
        where: { replacedById: null },
        orderBy: { createdAt: 'asc' },
        select: {
          userId: true,
          position: true,
          conflictStatus: true,
          user: { select: { name: true, organization: { select: { name: true } }, evaluatorProfile: { select: { affiliation: true } } } },
        },
      },
    },
  });
  if (!council) throw new NotFoundError();
  if (isDepartment(actor)) return council;
  // The host organization sees nothing of a council (that one exists, its stage, its members): not even its blank form.
  if (who === 'department' || isOrganization(actor)) throw new NotFoundError();
  // An evaluator: only on a seat of this very council (taskScope already excludes a recused one).
  if (council.members.some((m) => m.userId === actor.id && m.conflictStatus === 'NO_CONFLICT')) return council;
  throw new NotFoundError();
}

const productNames = (raw: unknown) =>
  Array.isArray(raw) ? raw.map((p) => (p && typeof p === 'object' && 'name' in p ? String(p.name) : '')).filter(Boolean) : [];

async function criteriaLabels() {
  const s = await getSettings();
  return s.criteria.map((c) => ({ key: c.key, label: c.labelVi, max: c.max }));
}

const affiliation = (u: { organization: { name: string } | null; evaluatorProfile: { affiliation: string } | null }) =>
  u.evaluatorProfile?.affiliation || u.organization?.name || null;

/** An identification council, for the department only (it works on needs proposals; no one else sees it): 404 otherwise. */
async function identificationCouncilFor(actor: Actor, id: string) {
  if (!isDepartment(actor) || !can(actor.role, 'councils.manage')) throw new NotFoundError();
  return getIdentificationCouncil(actor, id);
}

const GENERATORS: Record<DocumentKind, (actor: Actor, id: string) => Promise<Generated>> = {
  async 'council-decision'(actor, id) {
    const c = await councilFor(actor, id, 'department');
    const buffer = await build.councilDecision({
      stage: c.stage,
      task: head(c.task),
      formedAt: c.createdAt,
      members: c.members.map((m) => ({ name: m.user.name, position: m.position, affiliation: affiliation(m.user) })),
      signer: null,
    });
    return { buffer, fileName: documentFileName('Quyết định thành lập hội đồng', c.task.code) };
  },

  async 'evaluation-form'(actor, id) {
    const c = await councilFor(actor, id, 'department-evaluator');
    const buffer = await build.evaluationForm({
      stage: c.stage,
      task: head(c.task),
      criteria: await criteriaLabels(),
      products: productNames(c.task.expectedProducts),
    });
    return { buffer, fileName: documentFileName('Phiếu đánh giá', c.task.code) };
  },

  async ballot(actor, id) {
    if (isOrganization(actor)) throw new NotFoundError();
    const member = await prisma.councilMember.findFirst({
      where: {
        id,
        ...(isDepartment(actor) ? {} : { userId: actor.id, conflictStatus: 'NO_CONFLICT' }),
        council: { task: taskScope(actor) },
        ballot: { status: 'SUBMITTED' },
      },
      select: {
        position: true,
        user: { select: { name: true } },
        council: { select: { stage: true, task: { select: { ...taskHeadSelect, expectedProducts: true } } } },
        ballot: true,
      },
    });
    if (!member?.ballot) throw new NotFoundError();
    const criteria = await criteriaLabels();
    const b = member.ballot;
    const scores = (b.scores ?? {}) as Record<string, unknown>;
    const ratings = (Array.isArray(b.productRatings) ? b.productRatings : []).map((r) =>
      r === 'EXCELLENT' || r === 'PASS' || r === 'FAIL' ? r : null,
    );
    const buffer = await build.evaluationForm({
      stage: member.council.stage,
      task: head(member.council.task),
      criteria,
      products: productNames(member.council.task.expectedProducts),
      filled: {
        memberName: member.user.name,
        position: member.position,
        submittedAt: b.submittedAt,
        scores: criteria.map((c) => (typeof scores[c.key] === 'number' ? (scores[c.key] as number) : null)),
        totalScore: b.totalScore,
        recommendation: b.recommendation,
        productRatings: ratings,
        reportRating: b.reportRating,
        overallRating: b.overallRating,
        comments: b.comments,
      },
    });
    return { buffer, fileName: documentFileName(`Phiếu đánh giá ${member.user.name}`, member.council.task.code) };
  },

  async minutes(actor, id) {
    const c = await councilFor(actor, id, 'department');
    const [meeting, result, voters] = await Promise.all([
      prisma.councilMeeting.findFirst({
        where: { councilId: c.id },
        orderBy: { heldAt: 'desc' },
        select: { heldAt: true, place: true, online: true, presidingUserId: true, attendance: true },
      }),
      councilResult(c.id),
      prisma.councilMember.findMany({
        where: { councilId: c.id, ...notRecusedOn(c.taskId), ballot: { status: 'SUBMITTED' } },
        orderBy: { createdAt: 'asc' },
        select: { user: { select: { name: true } }, ballot: { select: { totalScore: true, recommendation: true, overallRating: true } } },
      }),
    ]);
    const nameOf = new Map(c.members.map((m) => [m.userId, m.user.name]));
    const byPosition = (p: string) => c.members.find((m) => m.position === p)?.user.name ?? null;
    const buffer = await build.councilMinutes({
      stage: c.stage,
      task: head(c.task),
      meeting: meeting && {
        heldAt: meeting.heldAt,
        place: meeting.place,
        online: meeting.online,
        presiding: nameOf.get(meeting.presidingUserId) ?? '',
      },
      attendance: c.members.map((m) => {
        const a = meeting?.attendance.find((x) => x.userId === m.userId);
        return { name: m.user.name, position: m.position, present: !!a?.present, online: !!a?.online };
      }),
      votes:
        result.stage === 'PROPOSAL'
          ? {
              stage: 'PROPOSAL',
              members: result.quorum.members,
              cast: result.voters,
              mean: result.meanScore,
              passMark: result.passMark,
              recommending: result.approvals,
              ballots: voters.map((v) => ({
                name: v.user.name,
                total: v.ballot?.totalScore ?? null,
                recommendation: v.ballot?.recommendation ?? null,
              })),
            }
          : {
              stage: 'ACCEPTANCE',
              members: result.quorum.members,
              cast: result.quorum.submitted,
              counts: result.counts,
              grade: result.grade,
              ballots: voters.map((v) => ({ name: v.user.name, overall: v.ballot?.overallRating ?? null })),
            },
      secretary: byPosition('SECRETARY'),
      chair: meeting ? (nameOf.get(meeting.presidingUserId) ?? byPosition('CHAIR')) : byPosition('CHAIR'),
    });
    const title = c.stage === 'ACCEPTANCE' ? 'Biên bản họp hội đồng nghiệm thu' : 'Biên bản họp hội đồng';
    return { buffer, fileName: documentFileName(title, c.task.code) };
  },

  async 'identification-decision'(actor, id) {
    const c = await identificationCouncilFor(actor, id);
    const buffer = await build.identificationDecision({
      councilName: c.name,
      year: c.call.year,
      formedAt: c.createdAt,
      members: c.members.map((m) => ({ name: m.user.name, position: m.position, affiliation: affiliation(m.user) })),
      proposals: c.proposals.map((p) => ({ code: p.code, title: p.title, organization: p.organization.name })),
      signer: null,
    });
    return { buffer, fileName: documentFileName('Quyết định thành lập hội đồng xác định nhiệm vụ', `năm ${c.call.year}`) };
  },

  async 'identification-minutes'(actor, id) {
    const c = await identificationCouncilFor(actor, id);
    // The meeting the minutes record: the last valid one (the one the conclusion rests on), else the last held.
    const meeting = c.meetings.findLast((m) => m.check.valid) ?? c.meetings.at(-1) ?? null;
    const byPosition = (p: string) => c.members.find((m) => m.position === p)?.user.name ?? null;
    const buffer = await build.identificationMinutes({
      councilName: c.name,
      year: c.call.year,
      meeting: meeting && { heldAt: meeting.heldAt, place: meeting.place, online: meeting.online, presiding: meeting.presidingName ?? '' },
      attendance: c.members
        .filter((m) => m.conflictStatus !== 'CONFLICT')
        .map((m) => {
          const a = meeting?.attendance.find((x) => x.userId === m.user.id);
          return { name: m.user.name, position: m.position, present: !!a?.present, online: !!a?.online };
        }),
      proposals: c.proposals.map((p) => ({
        code: p.code,
        title: p.title,
        organization: p.organization.name,
        voters: p.result.voters,
        recommending: p.result.recommending,
        outcome: p.result.outcome,
        method: p.result.method,
        directOrganization: p.result.directOrganizationName,
      })),
      secretary: byPosition('SECRETARY'),
      chair: meeting?.presidingName ?? byPosition('CHAIR'),
    });
    return { buffer, fileName: documentFileName('Biên bản họp hội đồng xác định nhiệm vụ', `năm ${c.call.year}`) };
  },

  async 'order-list'(actor, id) {
    if (!can(actor.role, 'lists.manage')) throw new NotFoundError();
    const sent = await getOrderList(actor, id);
    const buffer = await build.orderList({
      planYear: sent.planYear,
      title: sent.title,
      letterNumber: sent.letterNumber,
      submittedAt: sent.submittedAt,
      items: sent.items.map((x) => ({
        code: x.code,
        title: x.title,
        objectives: x.objectives,
        products: x.products,
        method: x.method,
        directOrganization: x.directOrganization?.name ?? null,
        durationMonths: x.durationMonths,
        budgetEstimate: x.budgetEstimate,
      })),
      signer: null,
    });
    return { buffer, fileName: documentFileName(`Danh mục nhiệm vụ đề nghị đặt hàng năm ${sent.planYear}`, sent.letterNumber) };
  },

  async 'approval-decision'(actor, id) {
    assertAddressee(actor);
    const task = await prisma.task.findFirst({
      where: { id, approvalDecisionNo: { not: null }, ...taskScope(actor) },
      select: {
        ...taskHeadSelect,
        approvalDecisionNo: true,
        approvalDecisionDate: true,
        approvedBudget: true,
        approvedDurationMonths: true,
      },
    });
    if (!task) throw new NotFoundError();
    const buffer = await build.approvalDecision({
      task: head(task),
      decisionNo: task.approvalDecisionNo,
      decisionDate: task.approvalDecisionDate,
      approvedBudget: task.approvedBudget,
      durationMonths: task.approvedDurationMonths,
      signer: await signerOf(id, 'approve'),
    });
    return { buffer, fileName: documentFileName('Quyết định phê duyệt', task.approvalDecisionNo) };
  },

  async 'extension-decision'(actor, id) {
    assertAddressee(actor);
    const ext = await prisma.extensionRequest.findFirst({
      where: { id, status: 'APPROVED', task: taskScope(actor) },
      select: {
        currentEndDate: true,
        requestedEndDate: true,
        reason: true,
        decidedAt: true,
        decidedById: true,
        task: { select: { ...taskHeadSelect, contractNo: true } },
      },
    });
    if (!ext) throw new NotFoundError();
    const signer = ext.decidedById
      ? ((await prisma.user.findUnique({ where: { id: ext.decidedById }, select: { name: true } }))?.name ?? null)
      : null;
    const buffer = await build.extensionDecision({
      task: head(ext.task),
      contractNo: ext.task.contractNo,
      currentEndDate: ext.currentEndDate,
      newEndDate: ext.requestedEndDate,
      reason: ext.reason,
      decidedAt: ext.decidedAt,
      signer,
    });
    return { buffer, fileName: documentFileName('Quyết định gia hạn', ext.task.code) };
  },

  async 'recognition-decision'(actor, id) {
    assertAddressee(actor);
    const task = await prisma.task.findFirst({
      where: { id, status: 'ACCEPTED', acceptanceDecisionNo: { not: null }, ...taskScope(actor) },
      select: { ...taskHeadSelect, acceptanceDecisionNo: true, acceptanceDecisionDate: true, acceptanceGrade: true },
    });
    if (!task) throw new NotFoundError();
    const buffer = await build.recognitionDecision({
      task: head(task),
      decisionNo: task.acceptanceDecisionNo,
      decisionDate: task.acceptanceDecisionDate,
      grade: task.acceptanceGrade,
      signer: await signerOf(id, 'accept'),
    });
    return { buffer, fileName: documentFileName('Quyết định công nhận kết quả thực hiện nhiệm vụ', task.acceptanceDecisionNo) };
  },

  async 'liquidation-record'(actor, id) {
    const scope = afterAcceptanceScope(actor);
    if (!scope) throw new NotFoundError();
    const task = await prisma.task.findFirst({
      where: { id, ...scope, liquidation: { isNot: null } },
      select: { ...taskHeadSelect, contractNo: true, contractSignedAt: true, fundedAmount: true, liquidation: true },
    });
    if (!task?.liquidation) throw new NotFoundError();
    const l = task.liquidation;
    const buffer = await build.liquidationRecord({
      task: head(task),
      contractNo: task.contractNo,
      contractSignedAt: task.contractSignedAt,
      fundedAmount: task.fundedAmount,
      recordNo: l.recordNo,
      liquidatedOn: l.liquidatedOn,
      disbursed: l.disbursed,
      spent: l.spent,
      refunded: l.refunded,
      note: l.note,
    });
    return { buffer, fileName: documentFileName('Biên bản thanh lý hợp đồng', task.code) };
  },
};

function isKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** One document as an editable .docx, if the actor may have it; else NotFoundError. */
export async function generateDocument(actor: Actor, kind: string, rawId: string): Promise<Generated> {
  if (!isKind(kind)) throw new NotFoundError();
  return GENERATORS[kind](actor, idOrNotFound(rawId));
}

/** The documents a task's page offers the actor: each one the route would also give them. */
export async function taskDocuments(actor: Actor, rawTaskId: string): Promise<DocumentLink[]> {
  const taskId = idOrNotFound(rawTaskId);
  if (!isDepartment(actor) && !isOrganization(actor)) return [];
  const task = await prisma.task.findFirst({
    where: { id: taskId, ...taskScope(actor) },
    select: {
      id: true,
      status: true,
      approvalDecisionNo: true,
      acceptanceDecisionNo: true,
      liquidation: { select: { id: true } },
      extensionRequests: { where: { status: 'APPROVED' }, orderBy: { createdAt: 'asc' }, select: { id: true } },
      councils: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          stage: true,
          members: {
            // Ballots are the department's alone: an organization's query asks for none.
            where: isDepartment(actor) ? { ballot: { status: 'SUBMITTED' } } : { id: '__none__' },
            orderBy: { createdAt: 'asc' },
            select: { id: true, user: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!task) return [];
  const out: DocumentLink[] = [];
  for (const c of task.councils) {
    const stage = { stage: c.stage };
    if (!isDepartment(actor)) continue;
    out.push(link('council-decision', c.id, stage));
    out.push(link('evaluation-form', c.id, stage));
    {
      out.push(link('minutes', c.id, stage));
      for (const m of c.members) out.push(link('ballot', m.id, { ...stage, member: m.user.name }));
    }
  }
  if (task.approvalDecisionNo) out.push(link('approval-decision', task.id));
  for (const e of task.extensionRequests) out.push(link('extension-decision', e.id));
  if (task.status === 'ACCEPTED' && task.acceptanceDecisionNo) out.push(link('recognition-decision', task.id));
  if (task.liquidation && afterAcceptanceScope(actor)) out.push(link('liquidation-record', task.id));
  return out;
}

/** The documents an evaluator's seat offers: the blank form once the dossier is open, the own ballot once submitted. */
export async function seatDocuments(actor: Actor, rawMemberId: string): Promise<DocumentLink[]> {
  const id = idOrNotFound(rawMemberId);
  const seat = await prisma.councilMember.findFirst({
    where: { id, userId: actor.id, conflictStatus: 'NO_CONFLICT', council: { task: taskScope(actor) } },
    select: { councilId: true, council: { select: { stage: true } }, ballot: { select: { status: true } } },
  });
  if (!seat) return [];
  const stage = { stage: seat.council.stage };
  return [link('evaluation-form', seat.councilId, stage), ...(seat.ballot?.status === 'SUBMITTED' ? [link('ballot', id, stage)] : [])];
}

/** An identification council's decision and minutes, for the department. */
export function identificationDocuments(actor: Actor, rawCouncilId: string): DocumentLink[] {
  const id = idOrNotFound(rawCouncilId);
  return can(actor.role, 'councils.manage') ? [link('identification-decision', id), link('identification-minutes', id)] : [];
}

/** The list to UBND as a document, for the department. */
export function listDocuments(actor: Actor, rawListId: string): DocumentLink[] {
  return can(actor.role, 'lists.manage') ? [link('order-list', idOrNotFound(rawListId))] : [];
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The route's answer: the file, with its Vietnamese name (an ASCII fallback for old clients). */
export async function documentResponse(actor: Actor, kind: string, rawId: string): Promise<Response> {
  const { buffer, fileName } = await generateDocument(actor, kind, rawId);
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': DOCX,
      'Content-Length': String(buffer.length),
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
