// Roles and their home areas. Pure: imports nothing from next, react or prisma.

export const ROLES = ['DEPARTMENT_ADMIN', 'DEPARTMENT_STAFF', 'ORGANIZATION', 'EVALUATOR'] as const;
export type Role = (typeof ROLES)[number];

export type Area = 'department' | 'org' | 'evaluator';

const AREA_OF_ROLE: Record<Role, Area> = {
  DEPARTMENT_ADMIN: 'department',
  DEPARTMENT_STAFF: 'department',
  ORGANIZATION: 'org',
  EVALUATOR: 'evaluator',
};

export function areaOf(role: Role): Area {
  return AREA_OF_ROLE[role];
}

export function homePathOf(role: Role): string {
  return `/${AREA_OF_ROLE[role]}`;
}

export function isDepartment(role: Role): boolean {
  return role === 'DEPARTMENT_ADMIN' || role === 'DEPARTMENT_STAFF';
}

/** A safe post-login destination: a same-site path inside the user's own area, else the user's home. */
export function landingPathFor(role: Role, callbackUrl: string | null | undefined): string {
  const home = homePathOf(role);
  if (!callbackUrl || !callbackUrl.startsWith('/') || callbackUrl.startsWith('//') || callbackUrl.includes('\\')) return home;
  const firstSegment = callbackUrl.split(/[/?#]/)[1];
  return firstSegment === AREA_OF_ROLE[role] ? callbackUrl : home;
}
