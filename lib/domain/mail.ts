// Which notifications are also sent by e-mail, grouped in the categories a user may turn off in their profile,
// and where each mail's link leads. Pure: the outbox (lib/mail) and the profile (lib/users) use the same tables.
import type { Area, Role } from './roles';

const DEPARTMENT: readonly Role[] = ['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF'];
const ORGANIZATION: readonly Role[] = ['ORGANIZATION'];
const EVALUATOR: readonly Role[] = ['EVALUATOR'];

/**
 * The mailed kinds by category. `roles`: who is offered the category's checkbox (the kinds reach only them);
 * `mandatory`: sent whatever the profile says (a password reset must reach its owner).
 */
export const MAIL_CATEGORIES = {
  submissions: {
    roles: DEPARTMENT,
    mandatory: false,
    kinds: ['proposalSubmitted', 'taskRevised', 'acceptanceRequested', 'registrationSubmitted', 'extensionRequested'],
  },
  returns: {
    roles: ORGANIZATION,
    mandatory: false,
    kinds: ['taskReturned', 'needsReturned', 'registrationReturned', 'taskRevisionRequired'],
  },
  decisions: {
    roles: ORGANIZATION,
    mandatory: false,
    kinds: [
      'taskApproved',
      'taskRejected',
      'taskSelected',
      'taskNotSelected',
      'taskAccepted',
      'taskNotAccepted',
      'taskTerminated',
      'extensionDecided',
      'needsRecommended',
      'needsNotRecommended',
      'needsListed',
      'needsStruck',
      'resultsRegistered',
    ],
  },
  councils: { roles: EVALUATOR, mandatory: false, kinds: ['councilSeatAssigned', 'identificationSeatAssigned'] },
  reminders: {
    roles: [...DEPARTMENT, ...ORGANIZATION],
    mandatory: false,
    kinds: [
      'reportDue',
      'reportOverdue',
      'acceptanceDue',
      'acceptanceOverdue',
      'registrationDue',
      'registrationOverdue',
      'applicationDue',
      'applicationOverdue',
      'liquidationDue',
      'liquidationOverdue',
    ],
  },
  account: {
    roles: [...DEPARTMENT, ...ORGANIZATION, ...EVALUATOR],
    mandatory: true,
    kinds: ['accountCreated', 'passwordReset', 'organizationVerified'],
  },
} as const satisfies Record<string, { roles: readonly Role[]; mandatory: boolean; kinds: readonly string[] }>;

export type MailCategory = keyof typeof MAIL_CATEGORIES;
export const MAIL_CATEGORY_KEYS = Object.keys(MAIL_CATEGORIES) as MailCategory[];
export const MAILED_KINDS: readonly string[] = MAIL_CATEGORY_KEYS.flatMap((c) => MAIL_CATEGORIES[c].kinds);

/** The category of a notification kind, or null when that kind stays in the app only. */
export function mailCategoryOf(kind: string): MailCategory | null {
  return MAIL_CATEGORY_KEYS.find((c) => (MAIL_CATEGORIES[c].kinds as readonly string[]).includes(kind)) ?? null;
}

/** The categories a role may turn off in its profile. */
export function optionalMailCategories(role: Role): MailCategory[] {
  return MAIL_CATEGORY_KEYS.filter((c) => !MAIL_CATEGORIES[c].mandatory && MAIL_CATEGORIES[c].roles.includes(role));
}

/** Whether a notification of this kind is also mailed to a user who turned off `optOut`. */
export function wantsMail(kind: string, optOut: readonly string[]): boolean {
  const category = mailCategoryOf(kind);
  if (!category) return false;
  return MAIL_CATEGORIES[category].mandatory || !optOut.includes(category);
}

/**
 * The path of the record a notice is about, as the user's area shows it: a needs proposal, an identification
 * seat, a task (for an evaluator: their seat on the task's council, found by `seatPath`); null when none.
 */
export function noticePath(
  area: Area,
  notice: { taskId: string | null; params: Record<string, unknown> },
  seatPath: (taskId: string | null, stage: string) => string,
): string | null {
  const { params } = notice;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  if (params.needsId) return `/${area}/needs/${str(params.needsId)}`;
  if (params.seatId) return `/evaluator/identification/${str(params.seatId)}`;
  if (area === 'evaluator') return seatPath(notice.taskId, str(params.stage) || 'other');
  return notice.taskId ? `/${area}/tasks/${notice.taskId}` : null;
}

/** Where a mail's link leads: the record, or the sign-in page for an account's mails, else the user's notices. */
export function mailPath(area: Area, kind: string, recordPath: string | null): string {
  if (kind === 'accountCreated' || kind === 'passwordReset') return '/login';
  if (kind === 'organizationVerified') return '/org';
  return recordPath ?? `/${area}/notifications`;
}
