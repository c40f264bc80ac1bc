import { z, optionalText, requiredText } from '@/lib/domain/zod';
import { ROLES } from '@/lib/domain/roles';
import { pageField, passwordSchema, recordId, searchText } from '@/lib/domain/inputs';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { LOCALES } from '@/lib/domain/format';
import { MAIL_CATEGORY_KEYS } from '@/lib/domain/mail';

export const ZLogin = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1),
  callbackUrl: z.string().max(500).optional(),
});

export const ZCreateUser = z
  .object({
    name: requiredText(100, 2),
    email: z.string().trim().toLowerCase().pipe(z.email()),
    role: z.enum(ROLES),
    password: passwordSchema,
    phone: optionalText(20),
    organizationId: optionalText(50),
    field: z
      .enum(SCIENCE_FIELDS)
      .optional()
      .or(z.literal('').transform(() => undefined)),
    expertise: optionalText(300),
    affiliation: optionalText(200),
    academicDegree: optionalText(50),
  })
  .superRefine((v, ctx) => {
    if (v.role === 'ORGANIZATION' && !v.organizationId)
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'validation.required' });
    if (v.role === 'EVALUATOR') {
      if (!v.field) ctx.addIssue({ code: 'custom', path: ['field'], message: 'validation.required' });
      if (!v.expertise) ctx.addIssue({ code: 'custom', path: ['expertise'], message: 'validation.required' });
      if (!v.affiliation) ctx.addIssue({ code: 'custom', path: ['affiliation'], message: 'validation.required' });
    }
  });
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZSetUserActive = z.object({ userId: recordId, active: z.boolean() });

export const ZResetPassword = z
  .object({ userId: recordId, password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' });
export type TResetPassword = z.input<typeof ZResetPassword>;

export const ZUserFilter = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  q: searchText(100),
  page: pageField,
});

/** The user's own profile: the language of their mails, and the mail categories they receive (the checked ones). */
export const ZProfile = z.object({
  locale: z.enum(LOCALES),
  mailCategories: z.array(z.enum(MAIL_CATEGORY_KEYS as [string, ...string[]])).max(MAIL_CATEGORY_KEYS.length),
});
export type TProfile = z.input<typeof ZProfile>;
