import 'server-only';
import { forbidden } from 'next/navigation';
import { requireArea } from '@/lib/server/session';
import { can } from '@/lib/domain/permissions';
import { getSettings } from './service';

/** The department's rules, for the leader to change (anyone else: 403). */
export async function loadSettingsPage() {
  const actor = await requireArea('department');
  if (!can(actor.role, 'settings.manage')) forbidden();
  return { settings: await getSettings() };
}
