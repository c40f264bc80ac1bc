import { getTranslations } from 'next-intl/server';
import { handleRoute } from '@/lib/server/route';
import { exportList, type Translate } from '@/lib/exports/lists';

/** A list's export (.xlsx or .csv), as its screen filters it and to whom the screen shows it; else 403 or 404. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  return handleRoute(async (actor) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    return exportList(actor, (await params).list, query, (await getTranslations()) as unknown as Translate);
  });
}
