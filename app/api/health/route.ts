import { probeBucket, storageDir, storageKind } from '@/lib/attachments/storage';
import { checkHealth } from '@/lib/server/health';
import { handlePublicRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

/**
 * Liveness for load balancers and monitoring: `{"status":"ok","db":"ok","storage":"ok","jobs":"ok"}`, or 503
 * with the part that is down ("down") and the status "degraded".
 */
export async function GET() {
  return handlePublicRoute(
    async () => {
      const health = await checkHealth({ storageDir: storageDir(), storageProbe: storageKind() === 's3' ? probeBucket : undefined });
      return Response.json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
    },
    { quiet: true },
  );
}
