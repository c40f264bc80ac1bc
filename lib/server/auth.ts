// next-auth v5: credentials login, JWT session carrying the user id, role and organization id.
// The password check itself is lib/users/auth-service.ts (verifyCredentials), which also rate-limits.
import NextAuth, { CredentialsSignin, type DefaultSession } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import type { Role } from '@/lib/domain/roles';
import { isDatabaseUnavailable, RateLimitedError } from '@/lib/server/errors';
import { verifyCredentials } from '@/lib/server/credentials';
import { revokeSession } from '@/lib/server/sessions';
import { clientAddress } from '@/lib/server/client-address';
import { logger } from '@/lib/server/log';
import { authSecret, decode, encode, SESSION_MAX_AGE_S } from '@/lib/server/session-token';

declare module 'next-auth' {
  interface User {
    role?: Role;
    organizationId?: string | null;
    sessionId?: string;
  }
  interface Session {
    user: { id: string; role: Role; organizationId: string | null; sessionId: string } & DefaultSession['user'];
  }
}
declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role;
    organizationId?: string | null;
    /** The server-side Session row this cookie stands for (lib/users/sessions.ts). */
    sid?: string;
  }
}

/** Thrown to the login action when the email is locked out; `code` carries the minutes to wait. */
export class LoginRateLimited extends CredentialsSignin {
  code = 'rate_limited';
}
export class LoginDisabled extends CredentialsSignin {
  code = 'disabled';
}
/** The database did not answer: the user is told to try again, never that the password was wrong. */
export class LoginUnavailable extends CredentialsSignin {
  code = 'unavailable';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  secret: authSecret(),
  // The cookie's key is derived once, not on every request (lib/server/session-token.ts); pages, actions and the
  // proxy read the cookie there directly, without next-auth's request handler.
  jwt: { encode, decode },
  logger: {
    // A refused login is an expected outcome (counted in LoginAttempt), not a server error worth a stack trace.
    error(error) {
      if ((error as { type?: string }).type === 'CredentialsSignin') return;
      logger.error({ err: error }, 'auth error');
    },
    warn(code) {
      logger.warn({ code }, 'auth warning');
    },
  },
  trustHost: true,
  pages: { signIn: '/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        try {
          const result = await verifyCredentials(raw?.email, raw?.password, {
            ip: clientAddress(request.headers),
            userAgent: request.headers.get('user-agent'),
          });
          if (result.outcome === 'disabled') throw new LoginDisabled();
          if (result.outcome !== 'ok') return null;
          const { user, sessionId } = result;
          return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId, sessionId };
        } catch (e) {
          if (e instanceof RateLimitedError) {
            const err = new LoginRateLimited();
            err.code = `rate_limited:${e.params.minutes}`;
            throw err;
          }
          if (isDatabaseUnavailable(e)) throw new LoginUnavailable();
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
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub!;
      session.user.role = token.role!;
      session.user.organizationId = token.organizationId ?? null;
      session.user.sessionId = token.sid ?? '';
      return session;
    },
  },
  events: {
    // Logout ends the session on the server: a copy of the cookie is worthless from now on.
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(sid);
    },
  },
});
