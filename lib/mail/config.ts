import 'server-only';

// How e-mail goes out, from the environment (the app and the worker read the same variables):
// - SMTP_URL set: through that SMTP server (nodemailer), e.g. smtps://user:password@mail.example.gov.vn:465;
// - unset outside production (or MAIL_DEV_MAILBOX=1): kept in the database as delivered, readable by the leader at
//   /department/dev/mailbox, so a newcomer sees what the app sends;
// - unset in production: no mail is written at all (the notices stay in the app).

export type MailMode = 'smtp' | 'dev' | 'off';

type Env = Record<string, string | undefined>;

/** Whether the development mailbox (mails kept in the database, and their page) is on. */
export function devMailboxEnabled(env: Env = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.MAIL_DEV_MAILBOX === '1';
}

export function mailMode(env: Env = process.env): MailMode {
  if (env.SMTP_URL) return 'smtp';
  return devMailboxEnabled(env) ? 'dev' : 'off';
}

/** The app's public address, for the links in mails: APP_URL, else AUTH_URL's origin, else localhost:3000. */
export function appUrl(env: Env = process.env): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, '');
  if (env.AUTH_URL) {
    try {
      return new URL(env.AUTH_URL).origin;
    } catch {
      // A malformed AUTH_URL: fall through to the default.
    }
  }
  return 'http://localhost:3000';
}

/** The sender: the department's name and an address (MAIL_FROM). */
export function mailFrom(env: Env = process.env): string {
  return env.MAIL_FROM || '"Sở Khoa học và Công nghệ" <no-reply@khcn.localhost>';
}
