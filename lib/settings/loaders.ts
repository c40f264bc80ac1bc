import 'server-only';
import { forbidden } from 'next/navigation';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { monthDayLabel } from '@/lib/domain/settings';
import { getSettings } from './service';

/** The department's rules, for the leader to change (anyone else: 403). */
export async function loadSettingsPage() {
  const actor = await requireArea('department');
  if (!can(actor.role, 'settings.manage')) forbidden();
  const settings = await getSettings();
  // The form shows the yearly due days as the screens write them (15/03); the schema reads both forms back.
  return { settings, values: { ...settings, reportDueDays: settings.reportDueDays.map(monthDayLabel) } };
}
