// next-auth v5: credentials login, JWT session carrying the user id, role and organization id.
// The password check itself is lib/users/auth-service.ts (verifyCredentials), which also rate-limits.
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { Role } from '@/lib/domain/roles';
import { RateLimitedError } from '@/lib/server/errors';
import { verifyCredentials } from '@/lib/users/auth-service';

declare module 'next-auth' {
  interface User {
    role?: Role;
    organizationId?: string | null;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; organizationId: string | null; sessionVersion: number } & DefaultSession['user'];
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
    organizationId?: string | null;
    sessionVersion?: number;
  }
}

/** Thrown to the login action when the email is locked out; `code` carries the minutes to wait. */
export class LoginRateLimited extends CredentialsSignin {
  code = 'rate_limited';
}
export class LoginDisabled extends CredentialsSignin {
  code = 'disabled';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  logger: {
    // A refused login is an expected outcome (counted in LoginAttempt), not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  trustHost: true,
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        try {
          const result = await verifyCredentials(raw?.email, raw?.password);
          if (result.outcome === 'disabled') throw new LoginDisabled();
          if (result.outcome !== 'ok') return null;
          const { user } = result;
          return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, sessionVersion: user.sessionVersion };
        } catch (e) {
          if (e instanceof RateLimitedError) {
            const err = new LoginRateLimited();
            err.code = `rate_limited:${e.params.minutes}`;
            throw err;
          }
          throw e;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.organizationId = user.organizationId ?? null;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.user.role = token.role!;
      session.user.organizationId = token.organizationId ?? null;
      session.user.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
});
