import { describe, expect, it } from 'vitest';
import { compositionErrors, ineligibility, type Candidate, type Position, type TaskParties } from '@/lib/domain/council-rules';
import { DEFAULT_SETTINGS } from '@/lib/domain/settings';

const TASK: TaskParties = {
  hostOrganizationId: 'org-host',
  partnerOrganizationIds: ['org-partner-1', 'org-partner-2'],
  piEmail: 'an.nguyen@host.edu.vn',
  piName: 'PGS.TS. Nguyễn Văn An',
  teamNames: ['TS. Trần Thị Bình', 'Lê Văn Cường'],
  recusedUserIds: ['u-recused'],
};

let seq = 0;
const person = (position: Position, over: Partial<Candidate> = {}): Candidate => {
  seq += 1;
  return {
    userId: `u${seq}`,
    name: `Chuyên gia Số ${seq}`,
    email: `expert${seq}@example.vn`,
    organizationId: `org-other-${seq}`,
    position,
    ...over,
  };
};

/** A valid council: one chair, two reviewers, one secretary, the rest members. */
const council = (size = 7): Candidate[] => [
  person('CHAIR'),
  person('REVIEWER'),
  person('REVIEWER'),
  person('SECRETARY'),
  ...Array.from({ length: size - 4 }, () => person('MEMBER')),
];

const SIZES = { councilSizeMin: DEFAULT_SETTINGS.councilSizeMin, councilSizeMax: DEFAULT_SETTINGS.councilSizeMax };
const errors = (members: Candidate[], task = TASK, settings = SIZES) => compositionErrors(members, task, settings);
const codes = (members: Candidate[]) => errors(members).map((e) => e.code);

describe('defaults used by these tests', () => {
  it('are 5..9 members, 7 by default', () => {
    expect(SIZES).toEqual({ councilSizeMin: 5, councilSizeMax: 9 });
    expect(DEFAULT_SETTINGS.councilSizeDefault).toBe(7);
  });
});

describe('compositionErrors: size and positions', () => {
  it('accepts a valid 7-member council', () => {
    expect(errors(council(7))).toEqual([]);
  });

  it('accepts the bounds 5 and 9', () => {
    expect(errors(council(5))).toEqual([]);
    expect(errors(council(9))).toEqual([]);
  });

  it('refuses 4 members (size only: the positions are all there)', () => {
    expect(errors(council(4))).toEqual([{ code: 'size', min: 5, max: 9 }]);
  });

  it('refuses 10 members', () => {
    expect(errors(council(10))).toEqual([{ code: 'size', min: 5, max: 9 }]);
  });

  it('follows custom bounds', () => {
    expect(errors(council(4), TASK, { councilSizeMin: 3, councilSizeMax: 11 })).toEqual([]);
    expect(errors(council(10), TASK, { councilSizeMin: 3, councilSizeMax: 11 })).toEqual([]);
    expect(errors(council(7), TASK, { councilSizeMin: 3, councilSizeMax: 5 })).toEqual([{ code: 'size', min: 3, max: 5 }]);
  });

  it('refuses a council without a chair', () => {
    const c = council(7);
    c[0] = { ...c[0], position: 'MEMBER' };
    expect(errors(c)).toEqual([{ code: 'chairCount' }]);
  });

  it('refuses two chairs', () => {
    const c = council(7);
    c[6] = { ...c[6], position: 'CHAIR' };
    expect(errors(c)).toEqual([{ code: 'chairCount' }]);
  });

  it('accepts one vice-chair and refuses two', () => {
    const c = council(7);
    c[5] = { ...c[5], position: 'VICE_CHAIR' };
    expect(errors(c)).toEqual([]);
    c[6] = { ...c[6], position: 'VICE_CHAIR' };
    expect(errors(c)).toEqual([{ code: 'viceChairCount' }]);
  });

  it('refuses one reviewer', () => {
    const c = council(7);
    c[2] = { ...c[2], position: 'MEMBER' };
    expect(errors(c)).toEqual([{ code: 'reviewerCount' }]);
  });

  it('refuses three reviewers', () => {
    const c = council(7);
    c[6] = { ...c[6], position: 'REVIEWER' };
    expect(errors(c)).toEqual([{ code: 'reviewerCount' }]);
  });

  it('refuses a council without a secretary', () => {
    const c = council(7);
    c[3] = { ...c[3], position: 'MEMBER' };
    expect(errors(c)).toEqual([{ code: 'secretaryCount' }]);
  });

  it('refuses two secretaries', () => {
    const c = council(7);
    c[6] = { ...c[6], position: 'SECRETARY' };
    expect(errors(c)).toEqual([{ code: 'secretaryCount' }]);
  });

  it('refuses the same person twice', () => {
    const c = council(7);
    c[6] = { ...c[5] };
    expect(errors(c)).toEqual([{ code: 'duplicateMember' }]);
  });

  it('refuses the same person in two positions', () => {
    const c = council(7);
    c[6] = { ...c[0], position: 'MEMBER' };
    expect(errors(c)).toEqual([{ code: 'duplicateMember' }]);
  });

  it('reports several problems at once', () => {
    const c = [person('MEMBER'), person('MEMBER'), person('MEMBER'), person('REVIEWER', { organizationId: 'org-host' })];
    expect(codes(c).sort()).toEqual(['chairCount', 'ineligible', 'reviewerCount', 'secretaryCount', 'size']);
  });

  it('refuses an empty council on every count', () => {
    expect(codes([]).sort()).toEqual(['chairCount', 'reviewerCount', 'secretaryCount', 'size']);
  });
});

describe('compositionErrors: conflicts of interest', () => {
  const withMember = (over: Partial<Candidate>) => {
    const c = council(7);
    c[5] = { ...c[5], ...over };
    return { c, userId: c[5].userId };
  };

  it('refuses a member from the host organization', () => {
    const { c, userId } = withMember({ organizationId: 'org-host' });
    expect(errors(c)).toEqual([{ code: 'ineligible', userId, reason: 'hostOrganization' }]);
  });

  it('refuses a member from a partner organization', () => {
    const { c, userId } = withMember({ organizationId: 'org-partner-2' });
    expect(errors(c)).toEqual([{ code: 'ineligible', userId, reason: 'partnerOrganization' }]);
  });

  it('refuses the principal investigator by email, ignoring case', () => {
    const { c, userId } = withMember({ email: 'An.Nguyen@HOST.edu.VN' });
    expect(errors(c)).toEqual([{ code: 'ineligible', userId, reason: 'principalInvestigator' }]);
  });

  it('refuses the principal investigator by name, ignoring the academic title and case', () => {
    const { c, userId } = withMember({ name: 'nguyễn văn an' });
    expect(errors(c)).toEqual([{ code: 'ineligible', userId, reason: 'principalInvestigator' }]);
  });

  it('refuses a key team member by name', () => {
    const { c, userId } = withMember({ name: 'Trần Thị Bình' });
    expect(errors(c)).toEqual([{ code: 'ineligible', userId, reason: 'taskTeam' }]);
  });

  it('reports every ineligible member', () => {
    const c = council(7);
    c[4] = { ...c[4], organizationId: 'org-host' };
    c[5] = { ...c[5], name: 'Lê Văn Cường' };
    expect(errors(c)).toEqual([
      { code: 'ineligible', userId: c[4].userId, reason: 'hostOrganization' },
      { code: 'ineligible', userId: c[5].userId, reason: 'taskTeam' },
    ]);
  });
});

describe('ineligibility', () => {
  const evaluator = (over: Partial<Candidate> = {}) => ({
    userId: 'u-dung',
    name: 'Phạm Thị Dung',
    email: 'dung.pham@institute.vn',
    organizationId: 'org-institute',
    ...over,
  });

  it('is null for an unrelated evaluator', () => {
    expect(ineligibility(evaluator(), TASK)).toBeNull();
  });

  it('is null for an evaluator without an organization', () => {
    expect(ineligibility(evaluator({ organizationId: null }), TASK)).toBeNull();
  });

  it('is null for a similar but different name', () => {
    expect(ineligibility(evaluator({ name: 'Nguyễn Văn Anh' }), TASK)).toBeNull();
    expect(ineligibility(evaluator({ name: 'Trần Thị Bích' }), TASK)).toBeNull();
  });

  it('finds the host organization', () => {
    expect(ineligibility(evaluator({ organizationId: 'org-host' }), TASK)).toBe('hostOrganization');
  });

  it('finds each partner organization', () => {
    expect(ineligibility(evaluator({ organizationId: 'org-partner-1' }), TASK)).toBe('partnerOrganization');
    expect(ineligibility(evaluator({ organizationId: 'org-partner-2' }), TASK)).toBe('partnerOrganization');
  });

  it('finds the principal investigator by email in any case', () => {
    expect(ineligibility(evaluator({ email: 'an.nguyen@host.edu.vn' }), TASK)).toBe('principalInvestigator');
    expect(ineligibility(evaluator({ email: 'AN.NGUYEN@HOST.EDU.VN' }), TASK)).toBe('principalInvestigator');
  });

  it.each([
    'Nguyễn Văn An',
    'nguyễn văn an',
    'NGUYỄN VĂN AN',
    'PGS.TS. Nguyễn Văn An',
    'PGS. TS. Nguyễn Văn An',
    'pgs.ts. nguyễn văn an',
    'TS. Nguyễn Văn An',
    'GS. Nguyễn Văn An',
    'ThS. Nguyễn Văn An',
    '  Nguyễn   Văn  An  ',
    'Nguyễn Văn An'.normalize('NFD'),
  ])('finds the principal investigator by name %j', (name) => {
    expect(ineligibility(evaluator({ name }), TASK)).toBe('principalInvestigator');
  });

  it('finds the principal investigator when the task names them without a title', () => {
    expect(ineligibility(evaluator({ name: 'PGS.TS. Nguyễn Văn An' }), { ...TASK, piName: 'Nguyễn Văn An' })).toBe('principalInvestigator');
  });

  it('ignores missing PI email and name', () => {
    const task = { ...TASK, piEmail: null, piName: null };
    expect(ineligibility(evaluator({ email: 'an.nguyen@host.edu.vn', name: 'Nguyễn Văn An' }), task)).toBeNull();
  });

  it.each(['Trần Thị Bình', 'TRẦN THỊ BÌNH', 'TS. Trần Thị Bình', 'Lê Văn Cường', 'ThS. Lê Văn Cường', 'KS. lê văn cường'])(
    'finds a key team member by name %j',
    (name) => {
      expect(ineligibility(evaluator({ name }), TASK)).toBe('taskTeam');
    },
  );

  it('is null with an empty team', () => {
    expect(ineligibility(evaluator({ name: 'Trần Thị Bình' }), { ...TASK, teamNames: [] })).toBeNull();
  });

  it('reports the organization before the identity', () => {
    expect(ineligibility(evaluator({ organizationId: 'org-host', email: 'an.nguyen@host.edu.vn' }), TASK)).toBe('hostOrganization');
  });

  it('refuses an evaluator recused on the task (a conflict declared on any of its councils), before anything else', () => {
    expect(ineligibility(evaluator({ userId: 'u-recused' }), TASK)).toBe('recused');
    expect(ineligibility(evaluator({ userId: 'u-recused', organizationId: 'org-host' }), TASK)).toBe('recused');
    expect(ineligibility(evaluator({ userId: 'u-recused' }), { ...TASK, recusedUserIds: [] })).toBeNull();
  });

  it('refuses a recused evaluator in a council composition', () => {
    const members = council();
    members[5] = { ...members[5], userId: 'u-recused' };
    expect(errors(members)).toContainEqual({ code: 'ineligible', userId: 'u-recused', reason: 'recused' });
  });
});

describe('principal investigator recognised behind longer titles', () => {
  it('strips GS.TSKH., BS.CKII., TS without a dot', async () => {
    const { ineligibility } = await import('@/lib/domain/council-rules');
    const task = {
      hostOrganizationId: 'h',
      partnerOrganizationIds: [],
      piEmail: null,
      piName: 'Nguyễn Văn An',
      teamNames: ['Lê Thị Hoa'],
      recusedUserIds: [],
    };
    for (const name of ['GS.TSKH. Nguyễn Văn An', 'PGS.TS.BS. Nguyễn Văn An', 'TS Nguyễn Văn An', 'BS.CKII. nguyễn văn an']) {
      expect(ineligibility({ userId: 'u-x', organizationId: null, email: 'x@y.vn', name }, task), name).toBe('principalInvestigator');
    }
    expect(ineligibility({ userId: 'u-x', organizationId: null, email: 'x@y.vn', name: 'ThS. Lê Thị Hoa' }, task)).toBe('taskTeam');
    expect(ineligibility({ userId: 'u-x', organizationId: null, email: 'x@y.vn', name: 'TS. Nguyễn Văn Anh' }, task)).toBeNull();
  });
});
