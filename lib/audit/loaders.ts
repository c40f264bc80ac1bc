import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { pageParam, pageWindow } from '@/lib/domain/paging';
import { dayString } from '@/lib/domain/inputs';
import { parseVietnamLocalDateTime } from '@/lib/domain/format';
import { ACCESS_KINDS, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AccessKind } from './kinds';
import { AUDIT_LOGS, ZAuditFilter, type AuditLog } from './schemas';

export const AUDIT_PAGE_SIZE = 50;
/** At most this many users or tasks match a name or title filter (a narrower filter finds the rest). */
const MATCH_LIMIT = 500;

/** `href`: this log, filtered by this person. */
export type AuditPerson = { id: string; name: string; email: string | null; href: string };
export type AuditTaskRef = { id: string; code: string | null; title: string; href: string };
/** One field of a before/after pair, as text ("—" for nothing). */
export type AuditChange = { field: string; before: string | null; after: string | null };

export type AuditEventRow = {
  id: string;
  at: Date;
  actor: AuditPerson;
  action: string;
  entityType: string;
  entityId: string;
  task: AuditTaskRef | null;
  changes: AuditChange[];
};

export type AccessLogRow = {
  id: string;
  at: Date;
  actor: AuditPerson;
  kind: AccessKind;
  recordId: string;
  /** The file's name for an attachment that still exists. */
  recordName: string | null;
  task: AuditTaskRef | null;
};

/** The filters as the form shows them again (strings, empty for "any"). */
export type AuditFilterValues = { actor: string; action: string; entity: string; kind: string; task: string; from: string; to: string };

type Common = {
  filters: AuditFilterValues;
  /** The current search parameters, for the pager to keep. */
  params: Record<string, string>;
  /** One tab per log, keeping the filters both logs share (person, task, days). */
  tabs: { log: AuditLog; href: string; current: boolean }[];
  options: { actions: readonly string[]; entityTypes: readonly string[]; kinds: readonly string[] };
  page: number;
  pageSize: number;
  total: number;
};
export type AuditPageView = Common & ({ log: 'audit'; rows: AuditEventRow[] } | { log: 'access'; rows: AccessLogRow[] });

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instants a range of Vietnamese days covers: from the start of `from` to the end of `to`. */
function instantRange(from: Date | undefined, to: Date | undefined): Prisma.DateTimeFilter | undefined {
  const start = from ? parseVietnamLocalDateTime(`${dayString(from)}T00:00`) : null;
  const startOfTo = to ? parseVietnamLocalDateTime(`${dayString(to)}T00:00`) : null;
  if (!start && !startOfTo) return undefined;
  return { ...(start ? { gte: start } : {}), ...(startOfTo ? { lt: new Date(startOfTo.getTime() + DAY_MS) } : {}) };
}

async function matchingUserIds(text: string) {
  const users = await prisma.user.findMany({
    where: { OR: [{ name: { contains: text, mode: 'insensitive' } }, { email: { contains: text, mode: 'insensitive' } }] },
    select: { id: true },
    take: MATCH_LIMIT,
  });
  return users.map((u) => u.id);
}

async function matchingTaskIds(text: string) {
  const tasks = await prisma.task.findMany({
    where: { OR: [{ code: { equals: text, mode: 'insensitive' } }, { title: { contains: text, mode: 'insensitive' } }] },
    select: { id: true },
    take: MATCH_LIMIT,
  });
  return tasks.map((t) => t.id);
}

export const AUDIT_PATH = '/department/audit';

function hrefOf(params: Record<string, string>) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString();
  return qs ? `${AUDIT_PATH}?${qs}` : AUDIT_PATH;
}

/** The people and tasks a page of rows names, each read once. */
async function namesFor(log: AuditLog, actorIds: string[], taskIds: string[]) {
  const [users, tasks] = await Promise.all([
    actorIds.length
      ? prisma.user.findMany({ where: { id: { in: [...new Set(actorIds)] } }, select: { id: true, name: true, email: true } })
      : [],
    taskIds.length
      ? prisma.task.findMany({ where: { id: { in: [...new Set(taskIds)] } }, select: { id: true, code: true, title: true } })
      : [],
  ]);
  const people = new Map(users.map((u) => [u.id, u]));
  const taskRefs = new Map(tasks.map((t) => [t.id, { ...t, href: `/department/tasks/${t.id}` }]));
  return {
    person: (id: string): AuditPerson => {
      const p = people.get(id) ?? { id, name: id, email: null };
      return { ...p, href: hrefOf({ log, actor: p.email ?? id }) };
    },
    task: (id: string | null): AuditTaskRef | null => (id ? (taskRefs.get(id) ?? null) : null),
  };
}

const text = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

/** A before/after pair as one line per field. */
function changesOf(before: unknown, after: unknown): AuditChange[] {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((field) => ({ field, before: text(b[field]), after: text(a[field]) }));
}

/**
 * The department leader's audit screen: the audit trail of writes or the access log of confidential reads
 * (`log`), filtered by actor, action or kind, record type, task and days, newest first, one page at a time.
 */
export async function loadAuditPage(actor: Actor, searchParams: Record<string, string | string[] | undefined>): Promise<AuditPageView> {
  if (!can(actor.role, 'audit.view')) throw new ForbiddenError();
  const f = ZAuditFilter.parse(searchParams ?? {});
  const page = pageParam(searchParams?.page);
  const log: AuditLog = f.log;
  const filters: AuditFilterValues = {
    actor: f.actor ?? '',
    action: log === 'audit' ? (f.action ?? '') : '',
    entity: log === 'audit' ? (f.entity ?? '') : '',
    kind: log === 'access' ? (f.kind ?? '') : '',
    task: f.task ?? '',
    from: f.from ? dayString(f.from) : '',
    to: f.to ? dayString(f.to) : '',
  };
  const params = Object.fromEntries(
    Object.entries({ log, ...filters, page: page > 1 ? String(page) : '' }).filter(([, v]) => v !== ''),
  ) as Record<string, string>;
  const tabs = AUDIT_LOGS.map((l) => ({
    log: l,
    href: hrefOf({ log: l, actor: filters.actor, task: filters.task, from: filters.from, to: filters.to }),
    current: l === log,
  }));
  const common = {
    filters,
    params,
    tabs,
    options: { actions: AUDIT_ACTIONS, entityTypes: AUDIT_ENTITY_TYPES, kinds: ACCESS_KINDS },
    page,
    pageSize: AUDIT_PAGE_SIZE,
  };

  const [actorIds, taskIds] = await Promise.all([
    filters.actor ? matchingUserIds(filters.actor) : undefined,
    filters.task ? matchingTaskIds(filters.task) : undefined,
  ]);
  const createdAt = instantRange(f.from, f.to);
  const shared = {
    ...(actorIds ? { actorId: { in: actorIds } } : {}),
    ...(taskIds ? { taskId: { in: taskIds } } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
  const order = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

  if (log === 'audit') {
    const where: Prisma.AuditEventWhereInput = {
      ...shared,
      ...(filters.action ? { action: filters.action } : {}),
      ...(filters.entity ? { entityType: filters.entity } : {}),
    };
    const [total, rows] = await Promise.all([
      prisma.auditEvent.count({ where }),
      prisma.auditEvent.findMany({ where, orderBy: order, ...pageWindow(page, AUDIT_PAGE_SIZE) }),
    ]);
    const names = await namesFor(
      log,
      rows.map((r) => r.actorId),
      rows.flatMap((r) => (r.taskId ? [r.taskId] : [])),
    );
    return {
      ...common,
      log,
      total,
      rows: rows.map((r) => ({
        id: r.id.toString(),
        at: r.createdAt,
        actor: names.person(r.actorId),
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        task: names.task(r.taskId),
        changes: changesOf(r.before, r.after),
      })),
    };
  }

  const where: Prisma.AccessLogWhereInput = { ...shared, ...(filters.kind ? { kind: filters.kind as AccessKind } : {}) };
  const [total, rows] = await Promise.all([
    prisma.accessLog.count({ where }),
    prisma.accessLog.findMany({ where, orderBy: order, ...pageWindow(page, AUDIT_PAGE_SIZE) }),
  ]);
  const attachmentIds = rows.filter((r) => r.kind === 'ATTACHMENT').map((r) => r.recordId);
  const [names, attachments] = await Promise.all([
    namesFor(
      log,
      rows.map((r) => r.actorId),
      rows.map((r) => r.taskId),
    ),
    attachmentIds.length
      ? prisma.attachment.findMany({ where: { id: { in: [...new Set(attachmentIds)] } }, select: { id: true, fileName: true } })
      : [],
  ]);
  const fileNames = new Map(attachments.map((a) => [a.id, a.fileName]));
  return {
    ...common,
    log,
    total,
    rows: rows.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt,
      actor: names.person(r.actorId),
      kind: r.kind,
      recordId: r.recordId,
      recordName: r.kind === 'ATTACHMENT' ? (fileNames.get(r.recordId) ?? null) : null,
      task: names.task(r.taskId),
    })),
  };
}
