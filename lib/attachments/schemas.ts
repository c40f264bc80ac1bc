import * as z from '@/lib/domain/zod';
import { recordId } from '@/lib/domain/inputs';

/** The department makes a result file public in the registry (`publish: true`) or withdraws it (`false`). */
export const ZPublishAttachment = z.object({ attachmentId: recordId, publish: z.boolean() });
export type TPublishAttachment = z.input<typeof ZPublishAttachment>;
