import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/server/auth';
import { sessionEndpoint } from '@/lib/server/route';

export const { POST } = handlers;

/** next-auth's endpoints; the session endpoint answers only for a session that still holds on the server. */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith('/session')) return sessionEndpoint(() => handlers.GET(request));
  return handlers.GET(request);
}
