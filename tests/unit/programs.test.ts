// The province's S&T programs and the enterprise support kinds, as pure rules: when a program may be chosen, its
// budget used and remaining, what an enterprise support project must name, and the schemas that carry them.
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/domain/zod';
import { ENTERPRISE_SUPPORT_TYPES, isEnterpriseSupport, TASK_TYPES } from '@/lib/domain/task-status';
import { enterpriseSupportProblems, isProgramActive, PROGRAM_SPENDING_STATUSES, programBudget } from '@/lib/domain/programs';
import { can } from '@/lib/domain/permissions';
import { ROLES } from '@/lib/domain/roles';
import { ZProgram } from '@/lib/programs/schemas';
import { ZReadyToSubmit, ZTaskContent } from '@/lib/tasks/schemas';

describe('enterprise support kinds', () => {
  it('are three of the task kinds', () => {
    expect(ENTERPRISE_SUPPORT_TYPES).toEqual(['TECH_INNOVATION', 'PRODUCTIVITY_QUALITY', 'INTELLECTUAL_PROPERTY']);
    for (const type of ENTERPRISE_SUPPORT_TYPES) expect(TASK_TYPES).toContain(type);
    expect(TASK_TYPES.filter(isEnterpriseSupport)).toEqual([...ENTERPRISE_SUPPORT_TYPES]);
    for (const other of ['RESEARCH', 'PILOT_PRODUCTION', 'SCHEME', '', null, undefined, 'tech_innovation'])
      expect(isEnterpriseSupport(other)).toBe(false);
  });

  it('require the beneficiary and the amount on submission, nothing on a draft', () => {
    const empty = { type: 'TECH_INNOVATION', beneficiaryEnterprise: null, supportAmount: null, budgetState: 1_000n };
    expect(enterpriseSupportProblems(empty, true)).toEqual({
      beneficiaryEnterprise: ['validation.requiredForSubmission'],
      supportAmount: ['validation.requiredForSubmission'],
    });
    expect(enterpriseSupportProblems({ ...empty, beneficiaryEnterprise: '   ' }, true).beneficiaryEnterprise).toEqual([
      'validation.requiredForSubmission',
    ]);
    expect(enterpriseSupportProblems(empty, false)).toEqual({});
  });

  it('keep the amount above zero and at most the state budget (drafts too, once typed)', () => {
    const v = (supportAmount: bigint, budgetState: bigint | null = 1_000_000n) => ({
      type: 'PRODUCTIVITY_QUALITY',
      beneficiaryEnterprise: 'Công ty TNHH Minh Phát',
      supportAmount,
      budgetState,
    });
    expect(enterpriseSupportProblems(v(1_000_000n), true)).toEqual({});
    expect(enterpriseSupportProblems(v(1n), true)).toEqual({});
    expect(enterpriseSupportProblems(v(1_000_001n), true)).toEqual({ supportAmount: ['validation.supportAboveStateBudget'] });
    expect(enterpriseSupportProblems(v(1_000_001n), false)).toEqual({ supportAmount: ['validation.supportAboveStateBudget'] });
    expect(enterpriseSupportProblems(v(0n), false)).toEqual({ supportAmount: ['validation.moneyPositive'] });
    // No state budget typed yet: nothing to compare with (the submission requires the state budget on its own).
    expect(enterpriseSupportProblems(v(5_000_000n, null), true)).toEqual({});
  });

  it('ask nothing of the other kinds', () => {
    for (const type of ['RESEARCH', 'PILOT_PRODUCTION', 'SCHEME', undefined])
      expect(
        enterpriseSupportProblems({ type, beneficiaryEnterprise: null, supportAmount: 9_999_999_999n, budgetState: 1n }, true),
      ).toEqual({});
  });
});

describe('the dossier schemas with an enterprise support kind', () => {
  const ready = {
    title: 'Đổi mới dây chuyền đúc gang cầu tại doanh nghiệp',
    type: 'TECH_INNOVATION',
    field: 'ENGINEERING',
    piName: 'Nguyễn Văn A',
    piEmail: 'a@dn.vn',
    piPhone: '0912 345 678',
    objectives: 'Mục tiêu',
    contentMethods: 'Nội dung',
    expectedProducts: [{ name: 'Dây chuyền', kind: 'Thiết bị', quantity: '1', quality: 'Đạt tiêu chuẩn' }],
    applicationPlan: 'Ứng dụng tại doanh nghiệp',
    budgetTotal: '3.000.000.000',
    budgetState: '1.000.000.000',
    budgetOther: '2.000.000.000',
    durationMonths: '12',
    proposedStart: '2027-01-01',
    beneficiaryEnterprise: 'Công ty TNHH Cơ khí Minh Phát',
    supportAmount: '1.000.000.000',
  };
  const errorsOf = (schema: typeof ZReadyToSubmit | typeof ZTaskContent, v: Record<string, unknown>) => {
    const r = schema.safeParse(v);
    return r.success ? {} : fieldErrorsOf(r.error);
  };

  it('accept a complete enterprise dossier with the support at the state budget', () => {
    expect(errorsOf(ZReadyToSubmit, ready)).toEqual({});
  });

  it('refuse submission without the beneficiary or the amount, on their fields, beside the other missing fields', () => {
    const errors = errorsOf(ZReadyToSubmit, { ...ready, beneficiaryEnterprise: '', supportAmount: '', piName: '' });
    expect(errors.beneficiaryEnterprise).toEqual(['validation.requiredForSubmission']);
    expect(errors.supportAmount).toEqual(['validation.requiredForSubmission']);
    expect(errors.piName).toEqual(['validation.requiredForSubmission']);
  });

  it('refuse an amount above the state budget, in a draft as in a submission', () => {
    expect(errorsOf(ZReadyToSubmit, { ...ready, supportAmount: '1.000.000.001' }).supportAmount).toEqual([
      'validation.supportAboveStateBudget',
    ]);
    expect(errorsOf(ZTaskContent, { title: ready.title, type: 'INTELLECTUAL_PROPERTY', budgetState: '10', supportAmount: '11' })).toEqual({
      supportAmount: ['validation.supportAboveStateBudget'],
    });
  });

  it('keep an unreadable amount’s own message', () => {
    expect(errorsOf(ZReadyToSubmit, { ...ready, supportAmount: '1,5 tỷ' }).supportAmount).toEqual(['validation.money']);
  });

  it('ask nothing of a research dossier', () => {
    expect(errorsOf(ZReadyToSubmit, { ...ready, type: 'RESEARCH', beneficiaryEnterprise: '', supportAmount: '' })).toEqual({});
  });
});

describe('programs', () => {
  it('are active from their start year to their end year inclusive', () => {
    const p = { startYear: 2025, endYear: 2030 };
    expect([2024, 2025, 2027, 2030, 2031].map((y) => isProgramActive(p, y))).toEqual([false, true, true, true, false]);
  });

  it('count approved tasks onward as spending', () => {
    expect(PROGRAM_SPENDING_STATUSES).toEqual(['APPROVED', 'RUNNING', 'ACCEPTANCE_REVIEW', 'ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED']);
  });

  it('state the budget used (approved less refunded), what remains and the share used', () => {
    expect(programBudget(60_000_000_000n, 7_000_000_000n, 250_000_000n)).toEqual({
      budget: 60_000_000_000n,
      used: 6_750_000_000n,
      remaining: 53_250_000_000n,
      share: 11.2,
    });
    expect(programBudget(1_000n, 0n, 0n)).toEqual({ budget: 1_000n, used: 0n, remaining: 1_000n, share: 0 });
    expect(programBudget(1_000n, 1_500n, 0n)).toMatchObject({ remaining: -500n, share: 150 });
  });

  it('are managed by the leader and read by the department only', () => {
    for (const role of ROLES) {
      expect(can(role, 'programs.manage'), role).toBe(role === 'DEPARTMENT_ADMIN');
      expect(can(role, 'programs.view'), role).toBe(role === 'DEPARTMENT_ADMIN' || role === 'DEPARTMENT_STAFF');
    }
  });

  it('validate a program: code, years in order, budget above zero', () => {
    const ok = {
      code: 'ct-dmcn',
      name: 'Chương trình đổi mới công nghệ',
      startYear: '2025',
      endYear: '2030',
      goals: 'Hỗ trợ doanh nghiệp.',
      budget: '60.000.000.000',
    };
    const parsed = ZProgram.parse(ok);
    expect(parsed).toMatchObject({ code: 'CT-DMCN', startYear: 2025, endYear: 2030, budget: 60_000_000_000n });
    expect(parsed.decisionNo).toBeUndefined();
    const errors = (v: Record<string, unknown>) => {
      const r = ZProgram.safeParse(v);
      return r.success ? {} : fieldErrorsOf(r.error);
    };
    expect(errors({ ...ok, endYear: '2024' })).toEqual({ endYear: ['validation.endYearBeforeStart'] });
    expect(errors({ ...ok, endYear: '2024', budget: '0' })).toEqual({
      endYear: ['validation.endYearBeforeStart'],
      budget: ['validation.moneyPositive'],
    });
    expect(errors({ ...ok, code: 'CT DMCN' }).code).toEqual(['validation.programCode']);
    expect(Object.keys(errors({}))).toEqual(expect.arrayContaining(['code', 'name', 'startYear', 'endYear', 'goals', 'budget']));
  });
});
