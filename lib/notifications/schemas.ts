import { z } from '@/lib/domain/zod';
import { recordId } from '@/lib/domain/inputs';

/** Marks some notifications (by id) or all of the user's as read. */
export const ZMarkRead = z.object({ ids: z.array(recordId).max(200).optional(), all: z.boolean().optional() });
