import { handleRoute } from '@/lib/server/route';
import { deleteAttachment, getAttachmentFile } from '@/lib/attachments/service';

/** Download: only for users who may see the attachment's task; anyone else gets a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return handleRoute(async (actor) => {
    const file = await getAttachmentFile(actor, (await params).attachmentId);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'Content-Type': file.mimeType,
        'Content-Length': String(file.bytes.byteLength),
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

export async function DELETE(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return handleRoute(async (actor) => Response.json(await deleteAttachment(actor, (await params).attachmentId)));
}
