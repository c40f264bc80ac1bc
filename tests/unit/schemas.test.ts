import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@/lib/domain/zod';
import { ZSignUp } from '@/lib/organizations/schemas';
import { ZCreateUser } from '@/lib/users/schemas';
import { DEFAULT_SETTINGS, ZSettings } from '@/lib/domain/settings';

const validSignUp = {
  organizationName: 'Công ty TNHH Thử Nghiệm',
  kind: 'ENTERPRISE',
  taxCode: '0312345678',
  address: '1 Lê Lợi, tỉnh An Phú',
  contactName: 'Nguyễn Văn Bình',
  email: 'Binh@Example.VN',
  password: 'Matkhau123',
  confirmPassword: 'Matkhau123',
};

describe('sign-up schema (shared by the form and the server)', () => {
  it('accepts a complete sign-up and normalises the email', () => {
    const parsed = ZSignUp.parse(validSignUp);
    expect(parsed.email).toBe('binh@example.vn');
    expect(parsed.phone).toBeUndefined();
  });

  it('names each bad field with a message key', () => {
    const result = ZSignUp.safeParse({
      ...validSignUp,
      taxCode: '12345',
      email: 'not-an-email',
      password: 'short',
      confirmPassword: 'other',
      kind: 'BANK',
    });
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!);
    expect(errors.taxCode).toEqual(['validation.taxCode']);
    expect(errors.email).toEqual(['validation.email']);
    expect(errors.password).toContain('validation.passwordTooShort');
    expect(errors.kind).toEqual(['validation.choose']);
  });

  it('asks for missing fields and matching passwords', () => {
    const missing = fieldErrorsOf(ZSignUp.safeParse({ ...validSignUp, organizationName: '', address: undefined }).error!);
    expect(missing.organizationName).toEqual(['validation.required']);
    expect(missing.address).toEqual(['validation.required']);
    const mismatch = fieldErrorsOf(ZSignUp.safeParse({ ...validSignUp, confirmPassword: 'Matkhau124' }).error!);
    expect(mismatch.confirmPassword).toEqual(['validation.passwordMismatch']);
  });

  it('accepts a branch tax code and refuses letters in it', () => {
    expect(ZSignUp.safeParse({ ...validSignUp, taxCode: '0312345678-001' }).success).toBe(true);
    expect(ZSignUp.safeParse({ ...validSignUp, taxCode: '031234567A' }).success).toBe(false);
  });
});

describe('create-user schema', () => {
  const base = { name: 'Lê Văn Cường', email: 'cuong@khcn.demo', password: 'Matkhau123' };
  it('requires an organization for organization users and a profile for evaluators', () => {
    const org = fieldErrorsOf(ZCreateUser.safeParse({ ...base, role: 'ORGANIZATION' }).error!);
    expect(org.organizationId).toEqual(['validation.required']);
    const evaluator = fieldErrorsOf(ZCreateUser.safeParse({ ...base, role: 'EVALUATOR', field: '' }).error!);
    expect(Object.keys(evaluator).sort()).toEqual(['affiliation', 'expertise', 'field']);
    expect(ZCreateUser.safeParse({ ...base, role: 'DEPARTMENT_STAFF' }).success).toBe(true);
  });
});

describe('settings schema', () => {
  it('accepts the defaults of domain.md', () => {
    expect(ZSettings.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.criteria.reduce((a, c) => a + c.max, 0)).toBe(100);
  });

  it('refuses a default council size outside its bounds and a pass mark above the criteria total', () => {
    const bad = ZSettings.safeParse({ ...DEFAULT_SETTINGS, councilSizeDefault: 11, passMark: 120 });
    expect(bad.success).toBe(false);
    const keys = Object.keys(fieldErrorsOf(bad.error!));
    expect(keys).toContain('passMark');
  });
});
