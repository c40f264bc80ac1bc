import { handleRoute } from '@/lib/server/route';
import { deleteAttachment, getAttachmentFile } from '@/lib/attachments/service';
import { attachmentResponse } from '@/lib/attachments/download';

/** Download: only for users who may see the attachment's task; anyone else gets a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return handleRoute(async (actor) => attachmentResponse(await getAttachmentFile(actor, (await params).attachmentId), 'private, no-store'));
}

export async function DELETE(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return handleRoute(async (actor) => Response.json(await deleteAttachment(actor, (await params).attachmentId)));
}
