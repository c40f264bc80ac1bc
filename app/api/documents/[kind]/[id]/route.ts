import { handleRoute } from '@/lib/server/route';
import { documentResponse } from '@/lib/documents/service';

/** A document generated from the record (.docx), if the requester may have it; else 404 (JSON, in their language). */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  return handleRoute(async (actor) => {
    const { kind, id } = await params;
    return documentResponse(actor, kind, id);
  });
}
