import { describe, expect, it } from 'vitest';
import { attendanceRequired, meetingState, meetingValidity, type MeetingSeat } from '@/lib/domain/meetings';
import type { Position } from '@/lib/domain/council-rules';

// A council of seven: chair, vice-chair, two reviewers, secretary, two members (domain.md, "Councils"); the rule
// of "Documents the department issues": 2/3 attend, the chair or the vice-chair presiding, the reviewers present.
const POSITIONS: Position[] = ['CHAIR', 'VICE_CHAIR', 'REVIEWER', 'REVIEWER', 'SECRETARY', 'MEMBER', 'MEMBER'];
const SEATS: MeetingSeat[] = POSITIONS.map((position, i) => ({ userId: `u${i}`, position }));
const RULE = { numerator: 2, denominator: 3, reviewersRequired: true };
const attending = (absent: string[] = [], online: string[] = []) =>
  SEATS.map((s) => ({ userId: s.userId, present: !absent.includes(s.userId), online: online.includes(s.userId) }));

describe('attendance required', () => {
  it('is the share of the members, rounded up', () => {
    expect(attendanceRequired(7, RULE)).toBe(5);
    expect(attendanceRequired(6, RULE)).toBe(4);
    expect(attendanceRequired(5, RULE)).toBe(4);
    expect(attendanceRequired(9, RULE)).toBe(6);
    expect(attendanceRequired(3, RULE)).toBe(2);
    expect(attendanceRequired(7, { numerator: 1, denominator: 2 })).toBe(4);
  });
});

describe('meeting validity', () => {
  it('is valid with everyone present and the chair presiding', () => {
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending() }, RULE)).toEqual({
      valid: true,
      present: 7,
      total: 7,
      required: 5,
      problems: [],
    });
  });

  it('counts a member attending online as present', () => {
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u5', 'u6'], ['u2', 'u3']) }, RULE)).toMatchObject({
      valid: true,
      present: 5,
    });
  });

  it('is valid at exactly 2/3 and not one below', () => {
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u5', 'u6']) }, RULE).valid).toBe(true);
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u4', 'u5', 'u6']) }, RULE)).toEqual({
      valid: false,
      present: 4,
      total: 7,
      required: 5,
      problems: [{ code: 'attendance', present: 4, required: 5 }],
    });
  });

  it('may be presided by the vice-chair when the chair is absent, never by another member', () => {
    expect(meetingValidity(SEATS, { presidingUserId: 'u1', attendance: attending(['u0']) }, RULE).valid).toBe(true);
    expect(meetingValidity(SEATS, { presidingUserId: 'u4', attendance: attending() }, RULE).problems).toEqual([{ code: 'presiding' }]);
    // Presiding but absent, or not a member at all.
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u0']) }, RULE).problems).toEqual([
      { code: 'presiding' },
    ]);
    expect(meetingValidity(SEATS, { presidingUserId: 'stranger', attendance: attending() }, RULE).problems).toEqual([
      { code: 'presiding' },
    ]);
  });

  it('needs the reviewers present by default, not when the setting says otherwise', () => {
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u3']) }, RULE).problems).toEqual([
      { code: 'reviewersAbsent', count: 1 },
    ]);
    expect(
      meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u3']) }, { ...RULE, reviewersRequired: false }).valid,
    ).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(
      meetingValidity(SEATS, { presidingUserId: 'u0', attendance: attending(['u0', 'u1', 'u2']) }, RULE).problems.map((p) => p.code),
    ).toEqual(['attendance', 'presiding', 'reviewersAbsent']);
  });

  it('ignores attendance of people who are not (or no longer) members', () => {
    const withStranger = [...attending(['u4', 'u5', 'u6']), { userId: 'recused', present: true, online: false }];
    expect(meetingValidity(SEATS, { presidingUserId: 'u0', attendance: withStranger }, RULE)).toMatchObject({ valid: false, present: 4 });
  });

  it('is never valid for a council without members', () => {
    expect(meetingValidity([], { presidingUserId: 'u0', attendance: [] }, RULE).valid).toBe(false);
  });
});

describe("a council's meeting state", () => {
  it('is valid once any of its meetings was valid, and shows the latest check otherwise', () => {
    const invalid = { presidingUserId: 'u0', attendance: attending(['u2']) };
    const valid = { presidingUserId: 'u1', attendance: attending(['u0']) };
    expect(meetingState(SEATS, [], RULE)).toEqual({ recorded: 0, valid: false, latest: null });
    expect(meetingState(SEATS, [invalid], RULE)).toMatchObject({
      recorded: 1,
      valid: false,
      latest: { problems: [{ code: 'reviewersAbsent' }] },
    });
    expect(meetingState(SEATS, [invalid, valid], RULE)).toMatchObject({ recorded: 2, valid: true, latest: { valid: true } });
    expect(meetingState(SEATS, [valid, invalid], RULE)).toMatchObject({ recorded: 2, valid: true });
  });
});
