import { describe, expect, it } from 'vitest';
import { areaOf, homePathOf, isDepartment, landingPathFor, ROLES } from '@/lib/domain/roles';
import { can, CAPABILITIES } from '@/lib/domain/permissions';
import { isPublishableKind, PUBLISHABLE_KINDS } from '@/lib/domain/attachment-rules';

describe('role areas', () => {
  it('sends each role to its own home', () => {
    expect(homePathOf('DEPARTMENT_ADMIN')).toBe('/department');
    expect(homePathOf('DEPARTMENT_STAFF')).toBe('/department');
    expect(homePathOf('ORGANIZATION')).toBe('/org');
    expect(homePathOf('EVALUATOR')).toBe('/evaluator');
    expect(ROLES.filter(isDepartment)).toEqual(['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF']);
    expect(areaOf('EVALUATOR')).toBe('evaluator');
  });

  it('honours a callback inside the role area only', () => {
    expect(landingPathFor('ORGANIZATION', '/org?page=2')).toBe('/org?page=2');
    expect(landingPathFor('ORGANIZATION', '/department')).toBe('/org');
    expect(landingPathFor('EVALUATOR', '/evaluator/seats/1')).toBe('/evaluator/seats/1');
    expect(landingPathFor('DEPARTMENT_STAFF', '/organisation')).toBe('/department');
  });

  it('never redirects off-site', () => {
    for (const evil of ['//evil.example/department', 'https://evil.example/department', '/\\evil.example', 'javascript:alert(1)']) {
      expect(landingPathFor('DEPARTMENT_ADMIN', evil)).toBe('/department');
    }
    expect(landingPathFor('DEPARTMENT_ADMIN', undefined)).toBe('/department');
  });
});

describe('permission table', () => {
  it('gives user management and settings to the admin only', () => {
    for (const role of ROLES) {
      expect(can(role, 'users.manage')).toBe(role === 'DEPARTMENT_ADMIN');
      expect(can(role, 'settings.manage')).toBe(role === 'DEPARTMENT_ADMIN');
    }
  });

  it('shows the audit trail and the access log to the department leader only', () => {
    for (const role of ROLES) expect(can(role, 'audit.view')).toBe(role === 'DEPARTMENT_ADMIN');
  });

  it('lets department users review organizations and see every task, nobody else', () => {
    for (const role of ROLES) {
      expect(can(role, 'organizations.review')).toBe(isDepartment(role));
      expect(can(role, 'tasks.viewAll')).toBe(isDepartment(role));
    }
    expect(can('ORGANIZATION', 'tasks.propose')).toBe(true);
    expect(can('EVALUATOR', 'tasks.propose')).toBe(false);
  });

  it("lets the department alone make an accepted task's result files public, and only result files", () => {
    for (const role of ROLES) expect(can(role, 'registry.publish')).toBe(isDepartment(role));
    expect([...PUBLISHABLE_KINDS].sort()).toEqual(['FINAL_REPORT', 'PRODUCT_EVIDENCE', 'REGISTRATION_FORM']);
    for (const kind of [
      'PROPOSAL_DOC',
      'CV',
      'BUDGET_ESTIMATE',
      'PROGRESS_REPORT',
      'SELF_ASSESSMENT',
      'APPLICATION_REPORT',
      'OTHER',
    ] as const)
      expect(isPublishableKind(kind), kind).toBe(false);
  });

  it('fails closed for a missing role or unknown capability', () => {
    for (const capability of CAPABILITIES) expect(can(undefined, capability)).toBe(false);
    expect(can('DEPARTMENT_ADMIN', 'no.such.thing' as never)).toBe(false);
  });
});
