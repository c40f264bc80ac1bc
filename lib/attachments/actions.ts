'use server';
import { defineAction } from '@/lib/server/action';
import { ZPublishAttachment } from './schemas';
import { setAttachmentPublished } from './service';

export const setAttachmentPublishedAction = defineAction(ZPublishAttachment, (actor, input) => setAttachmentPublished(actor, input));
