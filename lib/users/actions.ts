'use server';
import { runAction } from '@/lib/server/action';
import { createUser, resetUserPassword, setUserActive } from './service';

export async function createUserAction(input: unknown) {
  return runAction((actor) => createUser(actor, input));
}
export async function setUserActiveAction(input: unknown) {
  return runAction((actor) => setUserActive(actor, input));
}
export async function resetUserPasswordAction(input: unknown) {
  return runAction((actor) => resetUserPassword(actor, input));
}
