'use server';
import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/action';
import { createUser, resetUserPassword, setUserActive } from './service';

export async function createUserAction(input: unknown) {
  return runAction(async (actor) => {
    const result = await createUser(actor, input);
    revalidatePath('/department/users');
    return result;
  });
}

export async function setUserActiveAction(input: unknown) {
  return runAction(async (actor) => {
    const result = await setUserActive(actor, input);
    revalidatePath('/department/users');
    return result;
  });
}

export async function resetUserPasswordAction(input: unknown) {
  return runAction((actor) => resetUserPassword(actor, input));
}
