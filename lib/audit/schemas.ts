import * as z from '@/lib/domain/zod';
import { day, searchText } from '@/lib/domain/inputs';
import { ACCESS_KINDS, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './kinds';

export const AUDIT_LOGS = ['audit', 'access'] as const;
export type AuditLog = (typeof AUDIT_LOGS)[number];

/** A search parameter as one string (the first one when a URL repeats it). */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionalDayText = z.preprocess(first, z.catch(z.optional(day), undefined));

/**
 * The audit screen's filters, from the URL. A value that does not parse is dropped (the list is then
 * unfiltered by it), never an error: the URL is typed by hand or bookmarked.
 */
export const ZAuditFilter = z.object({
  log: z.preprocess(first, z.catch(z.enum(AUDIT_LOGS), 'audit')),
  /** Part of the acting user's name or email. */
  actor: z.preprocess(first, searchText(120)),
  action: z.preprocess(first, z.catch(z.optional(z.enum(AUDIT_ACTIONS)), undefined)),
  entity: z.preprocess(first, z.catch(z.optional(z.enum(AUDIT_ENTITY_TYPES)), undefined)),
  kind: z.preprocess(first, z.catch(z.optional(z.enum(ACCESS_KINDS)), undefined)),
  /** A task's code, or part of its title (a proposal has no code before its approval). */
  task: z.preprocess(first, searchText(200)),
  /** Days in Asia/Ho_Chi_Minh, both included. */
  from: optionalDayText,
  to: optionalDayText,
});
export type AuditFilter = z.output<typeof ZAuditFilter>;
