// A council's meeting and when it is valid (domain.md, "Documents the department issues"): at least the settings'
// share of its members attend (default 2/3; attending online counts as present), including the chair or a
// vice-chair, who presides, and, by default, every reviewer. A council's result is valid only after a valid
// meeting, with the ballot quorum met. Pure.
import type { Position } from './council-rules';

/** A member of the council at the meeting (recused members are not members any more). */
export type MeetingSeat = { userId: string; position: Position };
export type Attendance = { userId: string; present: boolean; online: boolean };
export type MeetingRule = { numerator: number; denominator: number; reviewersRequired: boolean };

export type MeetingProblem =
  { code: 'attendance'; present: number; required: number } | { code: 'presiding' } | { code: 'reviewersAbsent'; count: number };

export type MeetingCheck = {
  valid: boolean;
  present: number;
  total: number;
  required: number;
  problems: MeetingProblem[];
};

/** The number of members who must attend: the rule's share of the members, rounded up. */
export function attendanceRequired(total: number, rule: Pick<MeetingRule, 'numerator' | 'denominator'>): number {
  return Math.ceil((total * rule.numerator) / rule.denominator);
}

/** Whether a meeting with this attendance, presided by `presidingUserId`, was valid for a council of `seats`. */
export function meetingValidity(
  seats: readonly MeetingSeat[],
  meeting: { presidingUserId: string; attendance: readonly Attendance[] },
  rule: MeetingRule,
): MeetingCheck {
  const presentIds = new Set(meeting.attendance.filter((a) => a.present).map((a) => a.userId));
  const present = seats.filter((s) => presentIds.has(s.userId)).length;
  const required = attendanceRequired(seats.length, rule);
  const problems: MeetingProblem[] = [];
  if (present < required) problems.push({ code: 'attendance', present, required });
  const presiding = seats.find((s) => s.userId === meeting.presidingUserId);
  if (!presiding || (presiding.position !== 'CHAIR' && presiding.position !== 'VICE_CHAIR') || !presentIds.has(presiding.userId))
    problems.push({ code: 'presiding' });
  if (rule.reviewersRequired) {
    const absent = seats.filter((s) => s.position === 'REVIEWER' && !presentIds.has(s.userId)).length;
    if (absent > 0) problems.push({ code: 'reviewersAbsent', count: absent });
  }
  return { valid: problems.length === 0 && seats.length > 0, present, total: seats.length, required, problems };
}

/** The council's meeting state: whether any of its meetings was valid (the latest check shown when none was). */
export type MeetingState = { recorded: number; valid: boolean; latest: MeetingCheck | null };

export function meetingState(
  seats: readonly MeetingSeat[],
  meetings: readonly { presidingUserId: string; attendance: readonly Attendance[] }[],
  rule: MeetingRule,
): MeetingState {
  const checks = meetings.map((m) => meetingValidity(seats, m, rule));
  const valid = checks.find((c) => c.valid);
  return { recorded: meetings.length, valid: Boolean(valid), latest: valid ?? checks.at(-1) ?? null };
}
