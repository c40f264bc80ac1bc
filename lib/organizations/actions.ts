'use server';
import { runAction, runPublicAction } from '@/lib/server/action';
import { setOrganizationStatus, signUpOrganization } from './service';

export async function signUpAction(input: unknown) {
  return runPublicAction(async () => {
    await signUpOrganization(input);
    return null;
  });
}

export async function setOrganizationStatusAction(input: unknown) {
  return runAction((actor) => setOrganizationStatus(actor, input));
}
