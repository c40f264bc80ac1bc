import * as z from '@/lib/domain/zod';
import { recordId } from '@/lib/domain/inputs';

/** Marks some notifications (by id) or all of the user's as read. */
export const ZMarkRead = z.object({ ids: z.optional(z.array(recordId).check(z.maxLength(200))), all: z.optional(z.boolean()) });
