import 'server-only';
import { prisma, type Tx } from '@/lib/server/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import type { Actor } from '@/lib/server/actor';
import { can } from '@/lib/domain/permissions';
import { vietnamDay } from '@/lib/domain/format';
import { meetingValidity, type MeetingCheck, type MeetingSeat } from '@/lib/domain/meetings';
import type { Position } from '@/lib/domain/council-rules';
import { recordAudit } from '@/lib/audit/record';
import { getSettings } from '@/lib/settings/service';
import { lockTask } from '@/lib/workflow/transition';
import { notRecusedOn } from '@/lib/workflow/recusal';
import { meetingRule } from './result';
import { ZRecordMeeting } from './schemas';

// Council meetings (domain.md, "Documents the department issues"): the department records each meeting of a
// council, with who attended and who presided; the rule of lib/domain/meetings.ts says whether it was valid, and a
// council's result is valid only after a valid meeting (lib/councils/result.ts, lib/domain/decisions.ts). A
// selection council (one council per dossier of a listed task, the same members) meets once for all its dossiers:
// the meeting is written to each of them.

type Target = {
  councilIds: string[];
  seats: MeetingSeat[];
  createdAt: Date;
  entityType: 'Council' | 'ListedTask' | 'IdentificationCouncil';
  entityId: string;
};

/** The councils a meeting is recorded for, under their locks, with the members expected at it. */
async function meetingTarget(tx: Tx, target: 'council' | 'identification', id: string): Promise<Target> {
  if (target === 'identification') {
    await tx.$queryRaw`SELECT 1 FROM "IdentificationCouncil" WHERE "id" = ${id} FOR UPDATE`;
    const council = await tx.identificationCouncil.findUnique({
      where: { id },
      select: {
        status: true,
        createdAt: true,
        members: { where: { conflictStatus: { not: 'CONFLICT' } }, select: { userId: true, position: true } },
      },
    });
    if (!council) throw new NotFoundError();
    if (council.status !== 'ACTIVE') throw new ValidationError('councilClosed');
    return { councilIds: [id], seats: council.members, createdAt: council.createdAt, entityType: 'IdentificationCouncil', entityId: id };
  }
  const found = await tx.council.findUnique({ where: { id }, select: { taskId: true, listedTaskId: true } });
  if (!found) throw new NotFoundError();
  if (found.listedTaskId) await tx.$queryRaw`SELECT 1 FROM "ListedTask" WHERE "id" = ${found.listedTaskId} FOR UPDATE`;
  const group = found.listedTaskId
    ? await tx.council.findMany({ where: { listedTaskId: found.listedTaskId, status: 'ACTIVE' }, select: { id: true, taskId: true } })
    : [{ id, taskId: found.taskId }];
  for (const c of [...group].sort((a, b) => a.taskId.localeCompare(b.taskId))) await lockTask(tx, c.taskId);
  const councils = await tx.council.findMany({
    where: { id: { in: group.map((c) => c.id) }, status: 'ACTIVE' },
    select: { id: true, taskId: true, createdAt: true },
  });
  if (!councils.some((c) => c.id === id)) throw new ValidationError('councilClosed');
  // Everyone expected at the meeting: the members not recused on the council's dossier (on any of the group's).
  const seats = new Map<string, MeetingSeat>();
  for (const c of councils) {
    const members = await tx.councilMember.findMany({
      where: { councilId: c.id, ...notRecusedOn(c.taskId) },
      select: { userId: true, position: true },
    });
    for (const m of members) seats.set(m.userId, m);
  }
  const createdAt = new Date(Math.min(...councils.map((c) => c.createdAt.getTime())));
  return {
    councilIds: councils.map((c) => c.id),
    seats: [...seats.values()],
    createdAt,
    // A selection council's meeting is its listed task's (whatever the number of dossiers).
    entityType: found.listedTaskId ? 'ListedTask' : 'Council',
    entityId: found.listedTaskId ?? id,
  };
}

/**
 * Records a council meeting: on or after the day the council was formed and not in the future, at a place or
 * online, presided by the chair or a vice-chair who attended, with every member's attendance. A meeting that does
 * not meet the attendance rule is kept (it happened) but does not make the result valid; the answer says so.
 */
export async function recordMeeting(actor: Actor, raw: unknown, now = new Date()) {
  if (!can(actor.role, 'councils.manage')) throw new ForbiddenError();
  const input = parseInput(ZRecordMeeting, raw);
  const settings = await getSettings();
  return prisma.$transaction(async (tx) => {
    const target = await meetingTarget(tx, input.target, input.councilId);
    const fields: Record<string, string[]> = {};
    if (input.heldAt.getTime() > now.getTime()) fields.heldAt = ['validation.meetingInFuture'];
    else if (vietnamDay(input.heldAt) < vietnamDay(target.createdAt)) fields.heldAt = ['validation.meetingBeforeCouncil'];
    if (!input.online && !input.place) fields.place = ['validation.meetingPlace'];
    const expected = new Set(target.seats.map((s) => s.userId));
    const listed = input.attendance.map((a) => a.userId);
    if (listed.length !== expected.size || new Set(listed).size !== listed.length || listed.some((u) => !expected.has(u)))
      fields.attendance = ['validation.meetingAttendance'];
    const presiding = target.seats.find((s) => s.userId === input.presidingUserId);
    const presidingPresent = input.attendance.some((a) => a.userId === input.presidingUserId && a.present);
    if (!presiding || (presiding.position !== 'CHAIR' && presiding.position !== 'VICE_CHAIR') || !presidingPresent)
      fields.presidingUserId = ['validation.meetingPresiding'];
    if (Object.keys(fields).length) throw new ValidationError('invalidInput', fields);

    const attendance = input.attendance.map((a) => ({ userId: a.userId, present: a.present, online: a.present && a.online }));
    const ids: string[] = [];
    for (const councilId of target.councilIds) {
      const meeting = await tx.councilMeeting.create({
        data: {
          ...(input.target === 'identification' ? { identificationCouncilId: councilId } : { councilId }),
          heldAt: input.heldAt,
          place: input.place ?? '',
          online: input.online,
          presidingUserId: input.presidingUserId,
          minutesNote: input.minutesNote ?? '',
          createdById: actor.id,
          attendance: { create: attendance },
        },
        select: { id: true },
      });
      ids.push(meeting.id);
    }
    const check = meetingValidity(target.seats, { presidingUserId: input.presidingUserId, attendance }, meetingRule(settings));
    await recordAudit(tx, actor, {
      action: 'council.meeting',
      entityType: target.entityType,
      entityId: target.entityId,
      after: { heldAt: input.heldAt.toISOString(), present: check.present, total: check.total, valid: check.valid, meetings: ids },
    });
    return { meetingIds: ids, valid: check.valid, present: check.present, required: check.required };
  });
}

export type MeetingView = {
  id: string;
  heldAt: Date;
  place: string;
  online: boolean;
  minutesNote: string;
  presidingName: string | null;
  check: MeetingCheck;
  attendance: { userId: string; name: string; position: Position | null; present: boolean; online: boolean }[];
};

/** The meetings of a council as the department's screens show them: attendance by name, validity and why not. */
export function meetingViews(
  meetings: {
    id: string;
    heldAt: Date;
    place: string;
    online: boolean;
    minutesNote: string;
    presidingUserId: string;
    attendance: { userId: string; present: boolean; online: boolean }[];
  }[],
  members: { userId: string; name: string; position: Position; seated: boolean }[],
  settings: Parameters<typeof meetingRule>[0],
): MeetingView[] {
  const seats = members.filter((m) => m.seated);
  const byUser = new Map(members.map((m) => [m.userId, m]));
  return meetings.map((m) => ({
    id: m.id,
    heldAt: m.heldAt,
    place: m.place,
    online: m.online,
    minutesNote: m.minutesNote,
    presidingName: byUser.get(m.presidingUserId)?.name ?? null,
    check: meetingValidity(seats, m, meetingRule(settings)),
    attendance: m.attendance.map((a) => ({
      ...a,
      name: byUser.get(a.userId)?.name ?? '—',
      position: byUser.get(a.userId)?.position ?? null,
    })),
  }));
}

/** The meetings of a task council (or the group of a selection council), oldest first. */
export async function councilMeetings(db: Tx | typeof prisma, councilId: string) {
  return db.councilMeeting.findMany({ where: { councilId }, orderBy: { heldAt: 'asc' }, select: meetingSelect });
}

export const meetingSelect = {
  id: true,
  heldAt: true,
  place: true,
  online: true,
  minutesNote: true,
  presidingUserId: true,
  attendance: { select: { userId: true, present: true, online: true } },
} as const;
