// Council composition and conflict-of-interest rules (domain.md, "Councils"). Pure.
import type { Settings } from './settings';

export const POSITIONS = ['CHAIR', 'VICE_CHAIR', 'REVIEWER', 'SECRETARY', 'MEMBER'] as const;
export type Position = (typeof POSITIONS)[number];

export type Candidate = { userId: string; name: string; email: string; organizationId: string | null; position: Position };
export type TaskParties = {
  hostOrganizationId: string;
  partnerOrganizationIds: string[];
  piEmail: string | null;
  piName: string | null;
  teamNames: string[];
  /** Evaluators who declared a conflict on a council of this task: recused on the whole task, for good. */
  recusedUserIds: readonly string[];
  /** An identification council's batch: the organizations that proposed its needs (none of them may sit). */
  proposerOrganizationIds?: readonly string[];
  /** A selection council's dossiers: the organizations hosting or partnering any of them (none of them may sit). */
  competingOrganizationIds?: readonly string[];
};

export type Ineligibility =
  | 'hostOrganization'
  | 'partnerOrganization'
  | 'proposerOrganization'
  | 'competingOrganization'
  | 'principalInvestigator'
  | 'taskTeam'
  | 'recused';

// Academic and professional titles written before a name ("PGS.TS.", "GS.TSKH.", "BS.CKII.", "ThS", ...).
const TITLE_PREFIX = /^(?:(?:gs|pgs|ts|tskh|ths|ks|cn|bs|bsck|bsckii|bscki|ck|ckii|cki|ds|ls|nts)(?:\.|\s|$)\s*)+/;
const normalize = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim().replace(TITLE_PREFIX, '').trim();

/** Why an evaluator may not sit on a council of this task, or null when nothing blocks them. */
export function ineligibility(c: Pick<Candidate, 'userId' | 'organizationId' | 'email' | 'name'>, task: TaskParties): Ineligibility | null {
  if (task.recusedUserIds.includes(c.userId)) return 'recused';
  if (c.organizationId && c.organizationId === task.hostOrganizationId) return 'hostOrganization';
  if (c.organizationId && task.partnerOrganizationIds.includes(c.organizationId)) return 'partnerOrganization';
  if (c.organizationId && task.proposerOrganizationIds?.includes(c.organizationId)) return 'proposerOrganization';
  if (c.organizationId && task.competingOrganizationIds?.includes(c.organizationId)) return 'competingOrganization';
  if (
    (task.piEmail && c.email.toLowerCase() === task.piEmail.toLowerCase()) ||
    (task.piName && normalize(c.name) === normalize(task.piName))
  )
    return 'principalInvestigator';
  if (task.teamNames.some((n) => normalize(n) === normalize(c.name))) return 'taskTeam';
  return null;
}

export type CompositionError =
  | { code: 'size'; min: number; max: number }
  | { code: 'chairCount' }
  | { code: 'viceChairCount' }
  | { code: 'secretaryCount' }
  | { code: 'reviewerCount' }
  | { code: 'duplicateMember' }
  | { code: 'ineligible'; userId: string; reason: Ineligibility };

/**
 * One chair, at most one vice-chair, two reviewers, one scientific secretary, the rest members; size within the
 * configured bounds.
 */
export function compositionErrors(
  members: Candidate[],
  task: TaskParties,
  settings: Pick<Settings, 'councilSizeMin' | 'councilSizeMax'>,
): CompositionError[] {
  const errors: CompositionError[] = [];
  if (members.length < settings.councilSizeMin || members.length > settings.councilSizeMax)
    errors.push({ code: 'size', min: settings.councilSizeMin, max: settings.councilSizeMax });
  const count = (p: Position) => members.filter((m) => m.position === p).length;
  if (count('CHAIR') !== 1) errors.push({ code: 'chairCount' });
  if (count('VICE_CHAIR') > 1) errors.push({ code: 'viceChairCount' });
  if (count('SECRETARY') !== 1) errors.push({ code: 'secretaryCount' });
  if (count('REVIEWER') !== 2) errors.push({ code: 'reviewerCount' });
  if (new Set(members.map((m) => m.userId)).size !== members.length) errors.push({ code: 'duplicateMember' });
  for (const m of members) {
    const reason = ineligibility(m, task);
    if (reason) errors.push({ code: 'ineligible', userId: m.userId, reason });
  }
  return errors;
}
