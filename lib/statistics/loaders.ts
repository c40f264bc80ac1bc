import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { stringParams } from '@/lib/domain/paging';
import { yearInVietnam } from '@/lib/domain/format';
import { getStatistics } from './service';

/** The statistics screen: the period's figures, their breakdowns with links to their lists, the overdue lists. */
export async function loadStatisticsPage(searchParams: Record<string, string | string[] | undefined>) {
  const actor = await requireArea('department');
  const params = stringParams(searchParams);
  const stats = await load(getStatistics(actor, params));
  // The years offered: from the oldest the app holds to next year.
  const thisYear = yearInVietnam(new Date());
  return { ...stats, years: { first: Math.min(2020, stats.range.from), last: Math.max(thisYear + 1, stats.range.to) } };
}

export type StatisticsPage = Awaited<ReturnType<typeof loadStatisticsPage>>;
