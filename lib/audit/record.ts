import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma, type Tx } from '@/lib/server/db';
import type { AccessKind, AuditAction, AuditEntityType } from './kinds';

export type AuditEntry = {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  /** The task the write concerns, when there is one (the write then holds the task's lock). */
  taskId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Keys that never reach the log, whatever a caller passes: a password (or its hash) is not audit material. */
const SECRET_KEY = /password|secret|token/i;

/** A value as the JSON column stores it: bigint as a decimal string, dates as ISO text, secrets dropped. */
function toJson(value: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key && SECRET_KEY.test(key) ? undefined : typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Writes one audit row inside the caller's transaction: it exists if and only if the write it records was
 * committed (a refused or rolled-back write leaves none). The table is append-only (a database trigger).
 */
export async function recordAudit(tx: Tx, actor: { id: string }, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      taskId: entry.taskId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
    select: { id: true },
  });
}

/**
 * The fields of `after` whose values differ from `before`, as a { before, after } pair holding only those
 * (for a settings or call update, where most fields stay as they were).
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const same = (a: unknown, b: unknown) =>
    JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ===
    JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !same(before[k], after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}

/**
 * Records that `actor` was handed a confidential record (a dossier, a council seat with its ballots, an
 * attachment's bytes): one insert, no read. Called by the read itself, after its access check passed and
 * before the data is returned.
 *
 * A failure here fails the read (the error propagates): the department must be able to answer "who has seen
 * this proposal" completely, so a read that could not be logged is not served. This costs nothing in
 * practice: the log lives in the same database as the record, so when the insert fails the read would
 * (almost always) have failed too, and the user gets the usual "briefly unavailable, try again".
 */
export async function logAccess(
  actor: { id: string },
  kind: AccessKind,
  record: { id: string; taskId: string },
  db: Tx | typeof prisma = prisma,
): Promise<void> {
  await db.accessLog.create({ data: { actorId: actor.id, kind, recordId: record.id, taskId: record.taskId }, select: { id: true } });
}

/**
 * The opening of a task's dossier by an actor who sees every task (`seesEveryTask`), logged beside the read rather
 * than after it: the row is written only if the task exists, which for that actor is the whole access check, so an
 * unknown id leaves no row (answers whether it wrote one). Same failure rule as `logAccess`. Being beside the read, the
 * row is written even when the read itself then fails (the department's log may hold a dossier opened but not served).
 */
export async function logDossierOfAnyTask(actor: { id: string }, taskId: string): Promise<boolean> {
  const written = await prisma.$executeRaw`INSERT INTO "AccessLog" ("actorId", "kind", "recordId", "taskId")
    SELECT ${actor.id}, 'DOSSIER', "id", "id" FROM "Task" WHERE "id" = ${taskId}`;
  return written === 1;
}
