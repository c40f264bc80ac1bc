'use server';
import { AuthError, type CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/lib/server/auth';
import { definePublicAction } from '@/lib/server/action';
import { AppError, RateLimitedError, ServiceUnavailableError } from '@/lib/server/errors';
import { parseInput } from '@/lib/server/validation';
import { ZLogin } from './schemas';

/** Email + password login. On success the browser goes to "/", which sends each role to its own home. */
export const loginAction = definePublicAction(ZLogin, async (input) => {
  const { email, password, callbackUrl } = parseInput(ZLogin, input);
  const next = callbackUrl ? `/?next=${encodeURIComponent(callbackUrl)}` : '/';
  try {
    await signIn('credentials', { email, password, redirectTo: next });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = String((e as CredentialsSignin).code ?? '');
      if (code.startsWith('rate_limited')) throw new RateLimitedError({ minutes: Number(code.split(':')[1]) || 15 });
      if (code === 'disabled') throw new AppError('FORBIDDEN', 'accountDisabled');
      if (code === 'unavailable') throw new ServiceUnavailableError();
      throw new AppError('UNAUTHENTICATED', 'invalidCredentials');
    }
    throw e;
  }
});

export async function logoutAction() {
  await signOut({ redirectTo: '/login' });
}
