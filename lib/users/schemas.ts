import * as z from '@/lib/domain/zod';
import { optionalText, requiredText } from '@/lib/domain/zod';
import { ROLES } from '@/lib/domain/roles';
import { pageField, passwordSchema, recordId, searchText } from '@/lib/domain/inputs';
import { SCIENCE_FIELDS } from '@/lib/domain/task-status';
import { LOCALES } from '@/lib/domain/locale';
import { MAIL_CATEGORY_KEYS } from '@/lib/domain/mail';

export const ZLogin = z.object({
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email()),
  password: z.string().check(z.minLength(1)),
  callbackUrl: z.optional(z.string().check(z.maxLength(500))),
});

export const ZCreateUser = z
  .object({
    name: requiredText(100, 2),
    email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email()),
    role: z.enum(ROLES),
    password: passwordSchema,
    phone: optionalText(20),
    organizationId: optionalText(50),
    field: z.union([
      z.optional(z.enum(SCIENCE_FIELDS)),
      z.pipe(
        z.literal(''),
        z.transform(() => undefined),
      ),
    ]),
    expertise: optionalText(300),
    affiliation: optionalText(200),
    academicDegree: optionalText(50),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.role === 'ORGANIZATION' && !v.organizationId)
        ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'validation.required' });
      if (v.role === 'EVALUATOR') {
        if (!v.field) ctx.addIssue({ code: 'custom', path: ['field'], message: 'validation.required' });
        if (!v.expertise) ctx.addIssue({ code: 'custom', path: ['expertise'], message: 'validation.required' });
        if (!v.affiliation) ctx.addIssue({ code: 'custom', path: ['affiliation'], message: 'validation.required' });
      }
    }),
  );
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZSetUserActive = z.object({ userId: recordId, active: z.boolean() });

export const ZResetPassword = z
  .object({ userId: recordId, password: passwordSchema, confirmPassword: z.string() })
  .check(z.refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordMismatch' }));
export type TResetPassword = z.input<typeof ZResetPassword>;

export const ZUserFilter = z.object({
  role: z.catch(z.optional(z.enum(ROLES)), undefined),
  q: searchText(100),
  page: pageField,
});

/** The user's own profile: the language of their mails, and the mail categories they receive (the checked ones). */
export const ZProfile = z.object({
  locale: z.enum(LOCALES),
  mailCategories: z.array(z.enum(MAIL_CATEGORY_KEYS as [string, ...string[]])).check(z.maxLength(MAIL_CATEGORY_KEYS.length)),
});
export type TProfile = z.input<typeof ZProfile>;
