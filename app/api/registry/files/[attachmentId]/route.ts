import { handlePublicRoute } from '@/lib/server/route';
import { getPublishedFile } from '@/lib/attachments/service';
import { attachmentResponse } from '@/lib/attachments/download';

/**
 * The registry's download, without login: a result file the department published, of an accepted task. Anything
 * else (not published, withdrawn, its task not accepted, an unknown id) is the same 404 as any missing record.
 * Under /api: the proxy neither redirects nor adds a page's CSP here; next.config.js gives it the closed one.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  return handlePublicRoute(async () => attachmentResponse(await getPublishedFile((await params).attachmentId), 'no-store'));
}
