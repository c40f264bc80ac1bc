'use server';
import { defineAction, definePublicAction } from '@/lib/server/action';
import { ZSetOrganizationStatus, ZSignUp } from './schemas';
import { setOrganizationStatus, signUpOrganization } from './service';

export const signUpAction = definePublicAction(ZSignUp, async (input) => {
  await signUpOrganization(input);
  return null;
});
export const setOrganizationStatusAction = defineAction(ZSetOrganizationStatus, setOrganizationStatus);
