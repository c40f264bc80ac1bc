import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { availableActions, EDITABLE_BY_ORGANIZATION, type TaskAction } from '@/lib/domain/workflow';
import { councilStageOf, decisionBlock, resultBlock, type DecisionBlock } from '@/lib/domain/decisions';
import { acceptanceDueDate, addDays, addMonths, extensionRequestAllowed } from '@/lib/domain/deadlines';
import { dayString, todayValue } from '@/lib/domain/inputs';
import { moneyInputValue, vietnamDateTimeInputValue, vietnamDay, yearInVietnam } from '@/lib/domain/format';
import { pageParam, stringParams } from '@/lib/domain/paging';
import { getTaskCouncils, listEvaluatorPool } from '@/lib/councils/service';
import { getSettings } from '@/lib/settings/service';
import { KINDS_BY_STATUS, isPublishableKind } from '@/lib/domain/attachment-rules';
import { reportPeriods } from '@/lib/reports/service';
import { listCalls } from '@/lib/calls/service';
import { listedTaskOption, listOpenListedTasks } from '@/lib/lists/dossiers';
import { callOptions } from '@/lib/calls/options';
import { getOwnOrganization, listActiveOrganizationOptions } from '@/lib/organizations/service';
import { listProgramChoices } from '@/lib/programs/service';
import { EMPTY_TASK_FORM, taskToFormValues } from './form-values';
import { getTaskDossier, getTaskForEdit, listQueue } from './service';
import { getDepartmentOverview, listOwnTasks } from './queries';
import { afterAcceptancePanel } from '@/lib/after-acceptance/panel';
import { LIQUIDABLE } from '@/lib/domain/after-acceptance';
import { overdueLists, owedByOrganization } from '@/lib/deadlines/obligations';

// Screen loaders of a task's pages: each returns what its page shows and what it may offer (the decisions open
// now and why one is not, form defaults, who may replace whom), computed here once from the actor and the
// record. The page renders it; the actions check the same rules on the server.

/** Today in Vietnam as "YYYY-MM-DD" (a date input's value). */

type Defaults = Record<string, string>;

/** The decisions the department may take on a task now, each present only when the workflow offers it. */
export type DepartmentDecisions = {
  return?: true;
  /** Start review needs the proposal council to be formed. */
  startReview?: { needsCouncil: boolean };
  /** Approve / reject, on the proposal council's result. */
  decide?: { blocked: DecisionBlock | null; approve?: { defaults: Defaults }; reject?: true };
  /** The leader decides; the staff see the result and wait. */
  awaitingLeader?: true;
  contract?: { defaults: Defaults };
  /** Accept / fail, on the acceptance council's grade. */
  acceptance?: {
    blocked: DecisionBlock | null;
    grade: 'EXCELLENT' | 'PASS' | 'FAIL' | null;
    accept?: { blocked: DecisionBlock | null; defaults: Defaults };
    fail?: { blocked: DecisionBlock | null; defaults: Defaults };
  };
  terminate?: true;
  /** A dossier competing for a listed task: its council and decision are the listed task's (its page). */
  selection?: { listedTaskId: string };
  /** The selected dossier: require its revision per the council's conclusions. */
  requireRevision?: true;
  /** The selected dossier: the appraisal of its content and state budget. */
  appraise?: {
    requestedStateBudget: bigint | null;
    defaults: { items: { name: string; requested: string; appraised: string }[]; approvedDurationMonths: string };
  };
  /** The organization is revising the selected dossier (since when, what was asked). */
  revising?: { since: Date | null; note: string | null };
  /** The appraised dossier: the leader's approval with the appraisal's amounts. */
  approveAppraised?: { defaults: Defaults };
  /** The appraised dossier waits for the leader's approval (what staff see). */
  awaitingApproval?: true;
};

/** The usual items of a state-budget estimate, offered as the appraisal's rows (the appraiser edits them). */
const APPRAISAL_ITEM_NAMES = [
  'Thuê khoán chuyên môn',
  'Nguyên vật liệu, năng lượng',
  'Thiết bị, máy móc',
  'Hội thảo, công tác phí',
  'Chi khác',
];

/** The department's page of one task: dossier, councils, decisions, council forming, reports, extensions. */
export async function loadDepartmentTaskPage(taskId: string) {
  const actor = await requireArea('department');
  const dossier = await load(getTaskDossier(actor, taskId));
  const { task } = dossier;
  const stage = councilStageOf(task.status);
  const manages = can(actor.role, 'councils.manage');
  const [councils, settings, pool, afterAcceptance] = await Promise.all([
    load(getTaskCouncils(actor, taskId)),
    getSettings(),
    stage && manages ? load(listEvaluatorPool(actor, taskId)) : Promise.resolve([]),
    // Only a closed task has a panel: the dossier's status spares the query for every other one.
    LIQUIDABLE.includes(task.status) ? load(afterAcceptancePanel(actor, task.id)) : Promise.resolve(null),
  ]);
  const activeCouncil = stage ? (councils.find((c) => c.stage === stage && c.status === 'ACTIVE') ?? null) : null;
  const seated = new Set(activeCouncil?.members.map((m) => m.user.id) ?? []);
  const candidates = pool
    .filter((e) => !e.ineligible && !seated.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, affiliation: e.affiliation }));
  const result = activeCouncil?.result ?? null;
  const acts = availableActions(task.status, actor.role);
  const has = (a: TaskAction) => acts.includes(a);
  const today = todayValue();
  const forDecision = result && {
    quorum: result.quorum,
    meeting: result.meeting,
    grade: result.stage === 'ACCEPTANCE' ? result.grade : undefined,
  };

  const decisions: DepartmentDecisions = {};
  // The dossiers competing for a listed task of a notice are judged and decided together, on its page.
  const competing = task.listedTask?.callId ? task.listedTask.id : null;
  if (competing && (task.status === 'PROPOSED' || task.status === 'UNDER_REVIEW')) decisions.selection = { listedTaskId: competing };
  if (has('return')) decisions.return = true;
  if (has('startReview') && !competing) decisions.startReview = { needsCouncil: !activeCouncil };
  if ((has('approve') || has('reject')) && task.status === 'UNDER_REVIEW' && !competing) {
    decisions.decide = {
      blocked: resultBlock(forDecision),
      ...(has('approve') && {
        approve: {
          defaults: {
            decisionDate: today,
            approvedBudget: moneyInputValue(task.budgetTotal),
            approvedDurationMonths: task.durationMonths ? String(task.durationMonths) : '',
          },
        },
      }),
      ...(has('reject') && { reject: true as const }),
    };
  } else if ((task.status === 'UNDER_REVIEW' || task.status === 'ACCEPTANCE_REVIEW') && !has('accept') && !has('fail')) {
    decisions.awaitingLeader = true;
  }
  if (has('requireRevision')) decisions.requireRevision = true;
  if (has('appraise')) {
    decisions.appraise = {
      requestedStateBudget: task.budgetState,
      defaults: {
        items: APPRAISAL_ITEM_NAMES.map((name) => ({ name, requested: '', appraised: '' })),
        approvedDurationMonths: task.durationMonths ? String(task.durationMonths) : '',
      },
    };
  }
  if (task.status === 'REVISING') decisions.revising = { since: task.revisionRequestedAt, note: task.revisionNote };
  if (task.status === 'APPRAISED') {
    if (has('approve')) decisions.approveAppraised = { defaults: { decisionDate: today } };
    else decisions.awaitingApproval = true;
  }
  if (has('contract')) {
    const months = task.approvedDurationMonths ?? task.durationMonths;
    const start = new Date(`${today}T00:00:00Z`);
    decisions.contract = {
      defaults: {
        signedAt: today,
        startDate: today,
        endDate: months ? dayString(addDays(addMonths(start, months), -1)) : '',
        fundedAmount: moneyInputValue(task.approvedBudget),
      },
    };
  }
  if (has('accept') || has('fail')) {
    decisions.acceptance = {
      blocked: resultBlock(forDecision),
      grade: result?.stage === 'ACCEPTANCE' ? result.grade : null,
      ...(has('accept') && { accept: { blocked: decisionBlock('accept', forDecision), defaults: { decisionDate: today } } }),
      ...(has('fail') && { fail: { blocked: decisionBlock('fail', forDecision), defaults: { decisionDate: today } } }),
    };
  }
  if (has('terminate')) decisions.terminate = true;

  return {
    afterAcceptance,
    dossier,
    result,
    decisions,
    councils: [...councils].reverse().map((c) => ({
      ...c,
      replacementCandidates: c.id === activeCouncil?.id && manages ? candidates : [],
      // The department records the active council's meetings: its members not recused, present by default.
      meetingForm:
        c.id === activeCouncil?.id && manages
          ? {
              heldAt: vietnamDateTimeInputValue(new Date()),
              seats: c.members
                .filter((m) => m.conflictStatus !== 'CONFLICT' && !m.recusedOnTask)
                .map((m) => ({ userId: m.user.id, name: m.user.name, position: m.position })),
            }
          : null,
    })),
    criteria: settings.criteria,
    councilForm:
      stage && !activeCouncil && manages && !(competing && stage === 'PROPOSAL')
        ? {
            stage,
            pool,
            bounds: {
              councilSizeMin: settings.councilSizeMin,
              councilSizeMax: settings.councilSizeMax,
              councilSizeDefault: settings.councilSizeDefault,
            },
          }
        : null,
    reports: dossier.reports.length > 0 || task.status === 'RUNNING' ? { canReview: can(actor.role, 'reports.review') } : null,
    extensions:
      dossier.extensions.length > 0
        ? { canDecide: task.status === 'RUNNING' && availableActions('RUNNING', actor.role).includes('extend') }
        : null,
    // The result files the department may make public in the registry (or withdraw) now: an accepted task's.
    publishable:
      task.status === 'ACCEPTED' && can(actor.role, 'registry.publish')
        ? task.attachments.filter((a) => isPublishableKind(a.kind)).map((a) => a.id)
        : [],
  };
}

export type DepartmentTaskPage = Awaited<ReturnType<typeof loadDepartmentTaskPage>>;
/** A task's dossier as every role's page shows it (the department's, the organization's and a seat's). */
export type TaskDossierView = DepartmentTaskPage['dossier'];
/** One council of a task as the department's page shows it, with the members who may replace a recused one. */
export type TaskCouncilView = DepartmentTaskPage['councils'][number];

/**
 * The proposal form, new (taskId null) or editing: the values to start from, the calls and partner organizations
 * to choose from, and, when opened from a refused submission (`check`), what is missing, by field. A user of an
 * organization still awaiting verification gets the notice instead; a proposal no longer editable says so.
 */
export async function loadTaskFormPage(taskId: string | null, searchParams: Record<string, string | string[] | undefined> = {}) {
  const actor = await requireArea('org');
  if (actor.organizationStatus !== 'ACTIVE')
    return { kind: 'pending' as const, organizationName: (await load(getOwnOrganization(actor))).name };
  const edit = taskId ? await load(getTaskForEdit(actor, taskId)) : null;
  if (edit && !edit.editable) return { kind: 'notEditable' as const, task: edit.task };
  const [calls, organizations, open, programs] = await Promise.all([
    listCalls(actor, 'SELECTION'),
    listActiveOrganizationOptions(actor),
    listOpenListedTasks(actor),
    listProgramChoices(actor, edit?.stored.programId),
  ]);
  // The listed tasks this organization may register for (and the one a dossier already answers).
  const current = edit?.stored.listedTaskId ?? null;
  const listedTasks: { id: string; code: string | null; title: string; call: { id: string; title: string; closesAt: Date } | null }[] =
    open.filter((l) => (l.mayApply && !l.ownDossier) || l.id === current);
  if (current && !listedTasks.some((l) => l.id === current)) {
    const answered = await listedTaskOption(current);
    if (answered) listedTasks.unshift(answered);
  }
  // Opened from a listed task ("register a dossier"): the dossier starts with its name and field.
  const wanted =
    !edit && typeof searchParams.listedTaskId === 'string'
      ? open.find((l) => l.id === searchParams.listedTaskId && l.mayApply && !l.ownDossier)
      : undefined;
  return {
    kind: 'form' as const,
    initial: edit
      ? taskToFormValues(edit.stored)
      : wanted
        ? { ...EMPTY_TASK_FORM, listedTaskId: wanted.id, title: wanted.title, field: wanted.field ?? '', programId: wanted.programId ?? '' }
        : EMPTY_TASK_FORM,
    listedTasks: listedTasks.map((l) => ({ id: l.id, code: l.code, title: l.title, call: l.call })),
    calls: callOptions(calls, new Date()),
    organizations: organizations.filter((o) => o.id !== actor.organizationId),
    programs,
    task: edit?.task ?? null,
    problems: edit && searchParams.check ? edit.problems : {},
  };
}

export type TaskFormPage = Extract<Awaited<ReturnType<typeof loadTaskFormPage>>, { kind: 'form' }>;

/**
 * The organization's page of its task: what comes next, the comment of a return, the actions it may take (edit,
 * submit or resubmit, withdraw), the files it may add or remove now, and while the task runs its progress
 * periods, extension and acceptance request, each with what is open now and why not.
 */
export async function loadOrgTaskPage(taskId: string) {
  const actor = await requireArea('org');
  const dossier = await load(getTaskDossier(actor, taskId));
  const { task } = dossier;
  const running = task.status === 'RUNNING';
  const [settings, periods, afterAcceptance] = await Promise.all([
    getSettings(),
    running ? load(reportPeriods(actor, task.id)) : Promise.resolve([]),
    LIQUIDABLE.includes(task.status) ? load(afterAcceptancePanel(actor, task.id)) : Promise.resolve(null),
  ]);
  const acts = availableActions(task.status, 'ORGANIZATION');
  const uploadKinds: readonly string[] = KINDS_BY_STATUS[task.status] ?? [];
  const returned = task.status === 'RETURNED' ? dossier.events.filter((e) => e.action === 'return').at(-1) : undefined;
  const today = vietnamDay(new Date());
  const pendingExtension = dossier.extensions.some((x) => x.status === 'PENDING');
  const reportOf = new Map(dossier.reports.map((r) => [r.dueDate.getTime(), r]));
  const end = task.endDate;
  const kinds = new Set(task.attachments.map((a) => a.kind));

  return {
    dossier,
    afterAcceptance,
    returned: returned ? { note: returned.note, at: returned.createdAt } : null,
    actions: {
      edit: EDITABLE_BY_ORGANIZATION.includes(task.status),
      submit: acts.includes('resubmit') ? ('resubmit' as const) : acts.includes('submit') ? ('submit' as const) : null,
      withdraw: acts.includes('withdraw'),
      submitRevision: acts.includes('submitRevision'),
    },
    // The department asked for the selected dossier's revision: what, since when (new files count from then).
    revision: task.status === 'REVISING' ? { note: task.revisionNote, since: task.revisionRequestedAt } : null,
    files: { kinds: uploadKinds, maxMb: settings.uploadMaxMb, reports: dossier.reports.map((r) => ({ id: r.id, dueDate: r.dueDate })) },
    running: running
      ? {
          progress: {
            periods: periods.map((p) => ({ dueDate: p.dueDate, state: p.state, report: reportOf.get(p.dueDate.getTime()) ?? null })),
            // A period may be reported while it has no report, or when the department asked for a revision.
            open: periods
              .filter((p) => !p.submitted || reportOf.get(p.dueDate.getTime())?.status === 'NEEDS_REVISION')
              .map((p) => ({ value: dayString(p.dueDate), dueDate: p.dueDate, revision: p.submitted })),
            fundedAmount: task.fundedAmount,
          },
          extension: {
            end,
            rows: dossier.extensions,
            minDays: settings.extensionMinDaysBeforeEnd,
            state: pendingExtension
              ? ('pending' as const)
              : !end
                ? ('noEnd' as const)
                : extensionRequestAllowed(end, today, settings.extensionMinDaysBeforeEnd)
                  ? ('open' as const)
                  : ('tooLate' as const),
            minDate: end ? dayString(addDays(end, 1)) : '',
            lastDay: end ? addDays(end, -settings.extensionMinDaysBeforeEnd) : null,
          },
          // The department must first decide a pending extension (the end date, and so the due date, may change).
          acceptance: !acts.includes('requestAcceptance')
            ? null
            : pendingExtension
              ? ({ blocked: 'extensionPending' } as const)
              : {
                  blocked: null,
                  dueDate: end ? acceptanceDueDate(end, settings.acceptanceDueDays) : null,
                  hasFinalReport: kinds.has('FINAL_REPORT'),
                  hasProductEvidence: kinds.has('PRODUCT_EVIDENCE'),
                },
        }
      : null,
  };
}

export type OrgTaskPage = Awaited<ReturnType<typeof loadOrgTaskPage>>;

/** The department's work queue: one page of tasks for the filters, sort and search in the URL, and the filters' options. */
export async function loadQueuePage(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const params = stringParams(searchParams);
  const [queue, calls, organizations] = await Promise.all([
    load(listQueue(actor, params)),
    load(listCalls(actor, 'SELECTION')),
    load(listActiveOrganizationOptions(actor)),
  ]);
  const thisYear = yearInVietnam(new Date());
  const years = [...new Set([thisYear + 1, ...Array.from({ length: 6 }, (_, i) => thisYear - i), ...calls.map((c) => c.year)])].sort(
    (a, b) => b - a,
  );
  const f = queue.filter;
  return {
    rows: queue.rows,
    paging: { page: queue.page, pageSize: queue.pageSize, total: queue.total },
    query: { basePath: '/department/tasks', params: { ...params, sort: f.sort, dir: f.sort ? (f.dir ?? 'asc') : undefined } },
    // A statistics figure's list: which figure of which period (the queue's other filters narrow it further).
    figure: f.figure && f.range ? { figure: f.figure, range: f.range } : null,
    filter: {
      status: f.status,
      callId: f.callId,
      field: f.field,
      type: f.type,
      programId: f.programId,
      organizationId: f.organizationId,
      year: f.year ? String(f.year) : undefined,
      q: f.q,
    },
    options: {
      calls: calls.map((c) => ({ value: c.id, label: c.title })),
      organizations: organizations.map((o) => ({ value: o.id, label: o.name })),
      years,
    },
  };
}

export type QueuePage = Awaited<ReturnType<typeof loadQueuePage>>;

/** The organization's home: its tasks, newest first, a page at a time (or the notice while it awaits verification). */
export async function loadOrgHome(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('org');
  if (actor.organizationStatus !== 'ACTIVE')
    return { kind: 'pending' as const, organizationName: (await load(getOwnOrganization(actor))).name };
  const [list, owed] = await Promise.all([listOwnTasks(actor, pageParam(searchParams.page)), owedByOrganization(actor)]);
  return {
    kind: 'list' as const,
    owed,
    rows: list.rows,
    paging: { page: list.page, pageSize: list.pageSize, total: list.total },
    query: { basePath: '/org', params: stringParams(searchParams) },
  };
}

/** The department's home: tasks counted by status, the latest changed, organizations awaiting verification. */
export async function loadDepartmentHome() {
  const actor = await requireArea('department');
  const [overview, overdue] = await Promise.all([getDepartmentOverview(actor), overdueLists(actor)]);
  return { ...overview, overdue, total: Object.values(overview.counts).reduce((a, b) => a + b, 0) };
}
