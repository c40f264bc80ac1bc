import 'server-only';
import { headers } from 'next/headers';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/server/request-id';

export type RequestContext = {
  requestId: string;
  /** The page or route path (never its query string, which may carry filters or tokens). */
  path?: string;
  /** The page or route handler's pattern as Next knows it (e.g. "/api/attachments/[attachmentId]"). */
  route?: string;
  /** The server action's id, when the request is one (Next's `next-action` header). */
  actionId?: string;
};

/**
 * The current request's id and path, as the proxy set them on the request's headers (route handlers, which the
 * proxy does not see: the id a reverse proxy sent, if sane). Without one (a route handler called directly, a
 * script, a test), a fresh id: every line still has one. Call it once per request and pass the id on.
 */
export async function requestContext(): Promise<RequestContext> {
  let h: Headers | undefined;
  try {
    h = await headers();
  } catch {
    // Not inside a request.
  }
  const path = h?.get('x-pathname')?.split('?')[0] || undefined;
  const actionId = h?.get('next-action') || undefined;
  // Next's store of the running request (the same that next/headers reads): the route's pattern, ids left out.
  const route = workAsyncStorage.getStore()?.route || undefined;
  return {
    requestId: requestIdFrom(h?.get(REQUEST_ID_HEADER)),
    ...(path && { path }),
    ...(route && { route }),
    ...(actionId && { actionId }),
  };
}
