import 'server-only';
import { load } from '@/lib/server/page';
import { requireArea } from '@/lib/server/session';
import { getSettings } from '@/lib/settings/service';
import { vietnamDateTimeInputValue } from '@/lib/domain/format';
import { getSelection, selectionPool } from './service';

/** A listed task's selection page: dossiers, council, ranking; the council form and the leader's decision when open. */
export async function loadSelectionPage(rawId: string) {
  const actor = await requireArea('department');
  const page = await load(getSelection(actor, rawId));
  const [pool, settings] = await Promise.all([page.can.form ? load(selectionPool(actor, rawId)) : Promise.resolve([]), getSettings()]);
  const selected = page.result.recommendedTaskId ? page.dossiers.find((d) => d.id === page.result.recommendedTaskId) : undefined;
  return {
    ...page,
    pool,
    meetingHeldAt: vietnamDateTimeInputValue(new Date()),
    bounds: {
      councilSizeMin: settings.councilSizeMin,
      councilSizeMax: settings.councilSizeMax,
      councilSizeDefault: settings.councilSizeDefault,
    },
    decisionDefaults: {
      selectedTaskId: selected?.id ?? '',
    },
  };
}

export type SelectionScreen = Awaited<ReturnType<typeof loadSelectionPage>>;
