'use server';
import { runAction } from '@/lib/server/action';
import { updateSettings } from './service';

export async function updateSettingsAction(input: unknown) {
  return runAction((actor) => updateSettings(actor, input));
}
