import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { ORGANIZATION_KINDS } from '@/lib/domain/task-status';
import { pageField, passwordSchema, recordId, searchText } from '@/lib/domain/inputs';

// Vietnamese tax code (mã số thuế): 10 digits, or 10 digits + "-" + 3 digits for a branch.
export const taxCodeSchema = z.string().check(z.trim(), z.regex(/^\d{10}(-\d{3})?$/, 'validation.taxCode'));

export const ZSignUp = z
  .object({
    organizationName: requiredText(200, 3),
    kind: z.enum(ORGANIZATION_KINDS),
    taxCode: taxCodeSchema,
    address: requiredText(300, 5),
    phone: optionalText(20),
    contactName: requiredText(100, 2),
    email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email()),
    password: passwordSchema,
    confirmPassword: z.string(),
  })
  .check(z.refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' }));
export type TSignUp = z.input<typeof ZSignUp>;

export const ZSetOrganizationStatus = z.object({
  organizationId: recordId,
  status: z.enum(['ACTIVE', 'DISABLED']),
});

export const ZOrganizationFilter = z.object({
  status: z.catch(z.optional(z.enum(['PENDING', 'ACTIVE', 'DISABLED'])), undefined),
  q: searchText(100),
  page: pageField,
});
