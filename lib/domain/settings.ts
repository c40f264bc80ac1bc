// The department's configurable rules (domain.md: "numbers are defaults a department can change in
// settings, not constants in code"). Stored overrides live in the Setting table; these are the defaults.
import * as z from './zod';

export const ZCriterion = z.object({
  key: z.string().check(z.trim(), z.regex(/^[a-z][a-zA-Z0-9]{1,30}$/, 'validation.criterionKey')),
  labelVi: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  labelEn: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
  max: z.coerce.number().check(z.int(), z.gte(1), z.lte(100)),
});
export type Criterion = z.output<typeof ZCriterion>;

/**
 * A day of every year, as the Vietnamese screens write it ("15/03"), stored as "MM-DD" (which is also accepted).
 * 29/02 is refused: a due day must exist every year.
 */
export const monthDay = z
  .pipe(
    z.string().check(z.trim()),
    z.transform((v: string) => {
      const m = /^(\d{1,2})\/(\d{1,2})$/.exec(v);
      return m ? `${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : v;
    }),
  )
  // A check, not a failing transform: the settings' other rules still run and report beside this one.
  .check(
    z.refine((v) => {
      const m = /^(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const [month, day] = [Number(m[1]), Number(m[2])];
      const date = new Date(Date.UTC(2027, month - 1, day));
      return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    }, 'validation.monthDay'),
  );

/** "03-15" (as stored) -> "15/03" (as the screens write it). */
export function monthDayLabel(stored: string): string {
  const [month, day] = stored.split('-');
  return `${day}/${month}`;
}

export const ZSettings = z
  .object({
    councilSizeMin: z.coerce.number().check(z.int(), z.gte(3), z.lte(15)),
    councilSizeMax: z.coerce.number().check(z.int(), z.gte(3), z.lte(21)),
    councilSizeDefault: z.coerce.number().check(z.int(), z.gte(3), z.lte(21)),
    // A council result is valid when at least quorumNumerator/quorumDenominator of its (non-recused) members
    // submitted ballots. Fractions, not percentages, so "2/3" means exactly two thirds.
    quorumNumerator: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
    quorumDenominator: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
    // A council meeting is valid when at least meetingNumerator/meetingDenominator of its members attend (online
    // counts), the chair or a vice-chair presiding, and (meetingReviewersRequired) every reviewer present.
    meetingNumerator: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
    meetingDenominator: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
    meetingReviewersRequired: z.boolean(),
    passMark: z.coerce.number().check(z.int(), z.gte(1), z.lte(100)),
    criteria: z.array(ZCriterion).check(z.minLength(1), z.maxLength(10)),
    // Acceptance grading: the share of voters needed for Excellent / Pass, as a fraction (default 3/4).
    gradeNumerator: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
    gradeDenominator: z.coerce.number().check(z.int(), z.gte(1), z.lte(20)),
    lateDowngrade: z.boolean(),
    // Members see each other's ballots after submitting their own, or only once the council is closed.
    ballotVisibility: z.enum(['AFTER_OWN_SUBMIT', 'AFTER_CLOSE']),
    // Progress reports are due every year on these days (MM-DD).
    reportDueDays: z.array(monthDay).check(z.minLength(1), z.maxLength(12)),
    reminderDaysBefore: z.coerce.number().check(z.int(), z.gte(1), z.lte(90)),
    extensionMinDaysBeforeEnd: z.coerce.number().check(z.int(), z.gte(0), z.lte(365)),
    acceptanceDueDays: z.coerce.number().check(z.int(), z.gte(1), z.lte(365)),
    // After acceptance: results are submitted for registration within registrationDueDays of the acceptance
    // decision; the contract is liquidated within liquidationDueDays of the closing decision; the organization
    // reports the results' application once a year for applicationYears years.
    registrationDueDays: z.coerce.number().check(z.int(), z.gte(1), z.lte(365)),
    liquidationDueDays: z.coerce.number().check(z.int(), z.gte(1), z.lte(365)),
    applicationYears: z.coerce.number().check(z.int(), z.gte(1), z.lte(10)),
    uploadMaxMb: z.coerce.number().check(z.int(), z.gte(1), z.lte(200)),
  })
  .check(
    z.refine((s) => s.councilSizeMin <= s.councilSizeDefault && s.councilSizeDefault <= s.councilSizeMax, {
      path: ['councilSizeDefault'],
      message: 'validation.councilSizeOrder',
    }),
    z.refine((s) => s.quorumNumerator <= s.quorumDenominator, { path: ['quorumNumerator'], message: 'validation.fraction' }),
    z.refine((s) => s.meetingNumerator <= s.meetingDenominator, { path: ['meetingNumerator'], message: 'validation.fraction' }),
    z.refine((s) => s.gradeNumerator <= s.gradeDenominator, { path: ['gradeNumerator'], message: 'validation.fraction' }),
    z.refine((s) => s.criteria.reduce((a, c) => a + c.max, 0) >= s.passMark, {
      path: ['passMark'],
      message: 'validation.passMarkAboveTotal',
    }),
    z.refine((s) => new Set(s.criteria.map((c) => c.key)).size === s.criteria.length, {
      path: ['criteria'],
      message: 'validation.criterionKeyDuplicate',
    }),
  );
export type Settings = z.output<typeof ZSettings>;

export const DEFAULT_SETTINGS: Settings = {
  councilSizeMin: 5,
  councilSizeMax: 9,
  councilSizeDefault: 7,
  quorumNumerator: 2,
  quorumDenominator: 3,
  meetingNumerator: 2,
  meetingDenominator: 3,
  meetingReviewersRequired: true,
  passMark: 70,
  criteria: [
    { key: 'necessity', labelVi: 'Tính cấp thiết, tính mới', labelEn: 'Necessity and urgency', max: 15 },
    {
      key: 'feasibility',
      labelVi: 'Mục tiêu, nội dung, phương pháp và tính khả thi',
      labelEn: 'Objectives, content, methods and feasibility',
      max: 50,
    },
    {
      key: 'results',
      labelVi: 'Kết quả dự kiến, hiệu quả và khả năng nhân rộng',
      labelEn: 'Expected results, effectiveness and scale-up',
      max: 35,
    },
  ],
  gradeNumerator: 3,
  gradeDenominator: 4,
  lateDowngrade: true,
  ballotVisibility: 'AFTER_OWN_SUBMIT',
  reportDueDays: ['03-15', '09-15'],
  reminderDaysBefore: 14,
  extensionMinDaysBeforeEnd: 60,
  acceptanceDueDays: 30,
  registrationDueDays: 30,
  liquidationDueDays: 60,
  applicationYears: 5,
  uploadMaxMb: 20,
};
