import 'server-only';
import * as z from '@/lib/domain/zod';
import { exportTaskRows } from '@/lib/tasks/service';
import { exportOrganizationRows } from '@/lib/organizations/service';
import { exportUserRows } from '@/lib/users/service';
import { listCalls } from '@/lib/calls/service';
import { exportNeedsRows } from '@/lib/needs/service';
import { exportListedTaskRows } from '@/lib/lists/service';
import { exportProgramRows } from '@/lib/programs/service';
import type { Actor } from '@/lib/server/actor';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { can } from '@/lib/domain/permissions';
import { exportForm04 } from './form-04';
import { EXPORT_FORMATS, exportResponse, type Column, type ExportFormat } from './tabular';

// The lists the app exports, each exactly as its screen filters it (all pages) and to whom its screen shows it:
// the department's queue (and so every statistics drill-down, which is the queue filtered to a figure), an
// organization's own tasks, the organizations, the users, the calls, the needs proposals, the listed tasks and the
// programs. Headers in the user's language.

/** A translator of the catalogs (next-intl's, from the route; built directly in tests). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export const ZExportFormat = z.catch(z.enum(EXPORT_FORMATS), 'xlsx');

type Row<F extends (...a: never[]) => Promise<AsyncIterable<unknown>>> = Awaited<ReturnType<F>> extends AsyncIterable<infer R> ? R : never;

export async function exportTasks(actor: Actor, params: Record<string, string | undefined>, format: ExportFormat, t: Translate) {
  const rows = await exportTaskRows(actor, params);
  const columns: Column<Row<typeof exportTaskRows>>[] = [
    { header: t('taskList.code'), kind: 'text', width: 16, value: (r) => r.code },
    { header: t('taskList.title'), kind: 'text', width: 60, value: (r) => r.title },
    { header: t('taskList.organization'), kind: 'text', width: 40, value: (r) => r.hostOrganization.name },
    { header: t('exports.pi'), kind: 'text', width: 28, value: (r) => r.piName },
    { header: t('taskList.field'), kind: 'text', value: (r) => (r.field ? t(`fields.${r.field}`) : null) },
    { header: t('exports.type'), kind: 'text', value: (r) => (r.type ? t(`taskTypes.${r.type}`) : null) },
    { header: t('exports.program'), kind: 'text', width: 12, value: (r) => r.program?.code ?? null },
    { header: t('deptQueue.year'), kind: 'int', width: 10, value: (r) => r.year },
    { header: t('taskList.status'), kind: 'text', width: 24, value: (r) => t(`status.${r.status}`) },
    { header: t('exports.budgetTotal'), kind: 'money', value: (r) => r.budgetTotal },
    { header: t('exports.approvedBudget'), kind: 'money', value: (r) => r.approvedBudget },
    { header: t('exports.fundedAmount'), kind: 'money', value: (r) => r.fundedAmount },
    { header: t('exports.approvalDate'), kind: 'date', value: (r) => r.approvalDecisionDate },
    { header: t('exports.startDate'), kind: 'date', value: (r) => r.startDate },
    { header: t('exports.endDate'), kind: 'date', value: (r) => r.endDate },
    { header: t('taskList.updatedAt'), kind: 'datetime', value: (r) => r.updatedAt },
  ];
  return exportResponse(format, { base: 'nhiem-vu', sheet: t('exports.tasksSheet'), title: t('exports.tasksTitle') }, columns, rows);
}

export async function exportOrganizations(actor: Actor, params: Record<string, string | undefined>, format: ExportFormat, t: Translate) {
  const rows = await exportOrganizationRows(actor, params);
  const columns: Column<Row<typeof exportOrganizationRows>>[] = [
    { header: t('organizations.name'), kind: 'text', width: 50, value: (r) => r.name },
    { header: t('organizations.taxCode'), kind: 'text', value: (r) => r.taxCode },
    { header: t('organizations.kind'), kind: 'text', value: (r) => t(`orgKinds.${r.kind}`) },
    { header: t('exports.address'), kind: 'text', width: 40, value: (r) => r.address },
    { header: t('users.email'), kind: 'text', value: (r) => r.email },
    { header: t('users.phone'), kind: 'text', value: (r) => r.phone },
    { header: t('organizations.status'), kind: 'text', value: (r) => t(`orgStatus.${r.status}`) },
    { header: t('exports.users'), kind: 'int', value: (r) => r._count.users },
    { header: t('exports.tasks'), kind: 'int', value: (r) => r._count.hostedTasks },
    { header: t('organizations.registeredAt'), kind: 'datetime', value: (r) => r.createdAt },
  ];
  return exportResponse(format, { base: 'to-chuc', sheet: t('organizations.title'), title: t('organizations.title') }, columns, rows);
}

export async function exportUsers(actor: Actor, params: Record<string, string | undefined>, format: ExportFormat, t: Translate) {
  const rows = await exportUserRows(actor, params);
  const columns: Column<Row<typeof exportUserRows>>[] = [
    { header: t('users.name'), kind: 'text', value: (r) => r.name },
    { header: t('users.email'), kind: 'text', value: (r) => r.email },
    { header: t('users.role'), kind: 'text', value: (r) => t(`roles.${r.role}`) },
    {
      header: t('users.organization'),
      kind: 'text',
      width: 40,
      value: (r) => r.organization?.name ?? r.evaluatorProfile?.affiliation ?? null,
    },
    { header: t('exports.active'), kind: 'text', width: 12, value: (r) => t(r.active ? 'exports.yes' : 'exports.no') },
    { header: t('exports.lastLogin'), kind: 'datetime', value: (r) => r.lastLoginAt },
  ];
  return exportResponse(format, { base: 'nguoi-dung', sheet: t('users.title'), title: t('users.title') }, columns, rows);
}

export async function exportCalls(actor: Actor, format: ExportFormat, t: Translate) {
  // The calls' screen is the department's; an organization reads the open calls in its forms, not this list.
  if (!can(actor.role, 'calls.manage')) throw new ForbiddenError();
  const calls = await listCalls(actor);
  async function* rows() {
    yield* calls;
  }
  const columns: Column<(typeof calls)[number]>[] = [
    { header: t('exports.callTitle'), kind: 'text', width: 60, value: (r) => r.title },
    { header: t('exports.callKind'), kind: 'text', value: (r) => t(`exports.callKinds.${r.kind}`) },
    { header: t('deptQueue.year'), kind: 'int', width: 10, value: (r) => r.year },
    { header: t('exports.opensAt'), kind: 'datetime', value: (r) => r.opensAt },
    { header: t('exports.closesAt'), kind: 'datetime', value: (r) => r.closesAt },
  ];
  return exportResponse(format, { base: 'dot-de-xuat', sheet: t('exports.callsSheet'), title: t('exports.callsSheet') }, columns, rows());
}

export async function exportNeeds(actor: Actor, params: Record<string, string | undefined>, format: ExportFormat, t: Translate) {
  const rows = await exportNeedsRows(actor, params);
  const columns: Column<Row<typeof exportNeedsRows>>[] = [
    { header: t('needs.fields.code'), kind: 'text', width: 16, value: (r) => r.code },
    { header: t('needs.fields.title'), kind: 'text', width: 60, value: (r) => r.title },
    { header: t('needs.fields.call'), kind: 'text', width: 40, value: (r) => r.call.title },
    { header: t('lists.fields.planYear'), kind: 'int', width: 10, value: (r) => r.call.year },
    { header: t('needs.fields.organization'), kind: 'text', width: 40, value: (r) => r.organization.name },
    { header: t('needs.fields.field'), kind: 'text', value: (r) => (r.field ? t(`fields.${r.field}`) : null) },
    { header: t('exports.program'), kind: 'text', width: 12, value: (r) => r.program?.code ?? null },
    { header: t('needs.fields.status'), kind: 'text', width: 24, value: (r) => t(`needs.status.${r.status}`) },
    { header: t('needs.fields.durationMonths'), kind: 'int', value: (r) => r.durationMonths },
    { header: t('needs.fields.budgetEstimate'), kind: 'money', value: (r) => r.budgetEstimate },
    { header: t('needs.fields.submittedAt'), kind: 'datetime', value: (r) => r.submittedAt },
    { header: t('taskList.updatedAt'), kind: 'datetime', value: (r) => r.updatedAt },
  ];
  return exportResponse(
    format,
    { base: 'de-xuat-dat-hang', sheet: t('needs.list.deptTitle'), title: t('exports.needsTitle') },
    columns,
    rows,
  );
}

export async function exportListedTasks(actor: Actor, params: Record<string, string | undefined>, format: ExportFormat, t: Translate) {
  const rows = await exportListedTaskRows(actor, params);
  const columns: Column<Row<typeof exportListedTaskRows>>[] = [
    { header: t('lists.fields.code'), kind: 'text', width: 16, value: (r) => r.code },
    { header: t('lists.fields.itemTitle'), kind: 'text', width: 60, value: (r) => r.title },
    { header: t('lists.fields.planYear'), kind: 'int', width: 10, value: (r) => r.planYear },
    { header: t('lists.fields.field'), kind: 'text', value: (r) => (r.field ? t(`fields.${r.field}`) : null) },
    { header: t('exports.program'), kind: 'text', width: 12, value: (r) => r.program?.code ?? null },
    { header: t('lists.fields.method'), kind: 'text', width: 18, value: (r) => t(`lists.methods.${r.method}`) },
    { header: t('lists.fields.directOrganization'), kind: 'text', width: 40, value: (r) => r.directOrganization?.name ?? null },
    { header: t('lists.fields.urgent'), kind: 'text', width: 10, value: (r) => t(r.urgent ? 'exports.yes' : 'exports.no') },
    { header: t('lists.fields.durationMonths'), kind: 'int', value: (r) => r.durationMonths },
    { header: t('lists.fields.budgetEstimate'), kind: 'money', value: (r) => r.budgetEstimate },
    { header: t('lists.fields.decisionNumber'), kind: 'text', width: 20, value: (r) => r.decisionNumber },
    { header: t('lists.fields.decisionDate'), kind: 'date', value: (r) => r.decisionDate },
    { header: t('lists.fields.status'), kind: 'text', width: 30, value: (r) => t(`lists.itemStatus.${r.status}`) },
  ];
  return exportResponse(
    format,
    { base: 'nhiem-vu-dat-hang', sheet: t('lists.listed.title'), title: t('exports.listedTitle') },
    columns,
    rows,
  );
}

export async function exportPrograms(actor: Actor, params: Record<string, string | undefined>, format: ExportFormat, t: Translate) {
  const rows = await exportProgramRows(actor, params);
  const columns: Column<Row<typeof exportProgramRows>>[] = [
    { header: t('programs.fields.code'), kind: 'text', width: 16, value: (r) => r.code },
    { header: t('programs.fields.name'), kind: 'text', width: 60, value: (r) => r.name },
    { header: t('programs.fields.startYear'), kind: 'int', width: 12, value: (r) => r.startYear },
    { header: t('programs.fields.endYear'), kind: 'int', width: 12, value: (r) => r.endYear },
    { header: t('programs.fields.budget'), kind: 'money', value: (r) => r.budget },
    { header: t('programs.fields.decisionNo'), kind: 'text', width: 20, value: (r) => r.decisionNo },
    {
      header: t('programs.fields.state'),
      kind: 'text',
      width: 26,
      value: (r) => t(r.active ? 'programs.list.active' : 'programs.list.ended'),
    },
    { header: t('exports.tasks'), kind: 'int', value: (r) => r._count.tasks },
    { header: t('exports.needsCount'), kind: 'int', value: (r) => r._count.needs },
    { header: t('exports.listedCount'), kind: 'int', value: (r) => r._count.listedTasks },
  ];
  return exportResponse(
    format,
    { base: 'chuong-trinh', sheet: t('exports.programsSheet'), title: t('programs.list.title') },
    columns,
    rows,
  );
}

export const EXPORT_LISTS = ['tasks', 'organizations', 'users', 'calls', 'needs', 'listed-tasks', 'programs', 'bieu-04'] as const;

/** The export a route asks for: the list by name (anything else is a 404), its filters, the format. */
export async function exportList(actor: Actor, list: string, params: Record<string, string | undefined>, t: Translate) {
  const format = ZExportFormat.parse(params.format);
  switch (list) {
    case 'tasks':
      return exportTasks(actor, params, format, t);
    case 'organizations':
      return exportOrganizations(actor, params, format, t);
    case 'users':
      return exportUsers(actor, params, format, t);
    case 'calls':
      return exportCalls(actor, format, t);
    case 'needs':
      return exportNeeds(actor, params, format, t);
    case 'listed-tasks':
      return exportListedTasks(actor, params, format, t);
    case 'programs':
      return exportPrograms(actor, params, format, t);
    case 'bieu-04':
      return exportForm04(actor, params.year);
    default:
      throw new NotFoundError();
  }
}
