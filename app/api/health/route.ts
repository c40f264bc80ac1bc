import { checkDatabase } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

/** Liveness and database check for load balancers and monitoring. */
export async function GET() {
  const db = await checkDatabase();
  return Response.json(
    { status: db ? 'ok' : 'degraded', db: db ? 'ok' : 'down' },
    { status: db ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
