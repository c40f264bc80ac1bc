'use server';
import { runAction } from '@/lib/server/action';
import { markNotificationsRead } from './service';

export async function markNotificationsReadAction(input: unknown) {
  return runAction((actor) => markNotificationsRead(actor, input));
}
