import fs from 'node:fs';
import path from 'node:path';
import { expect, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@12345';
export const DEMO = {
  admin: 'admin@khcn.demo',
  staff: 'staff@khcn.demo',
  org: 'org@khcn.demo',
  evaluator: 'evaluator@khcn.demo',
} as const;

/** Fills and sends the login form (Vietnamese labels, the default language). */
export async function submitLogin(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Logs in through the form and waits until the browser has left the login page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitLogin(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function logout(page: Page) {
  await page.getByRole('button', { name: /Đăng xuất|Log out/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

// ---------------------------------------------------------------------------------------------------------------
// Stored sessions: the setup project (auth.setup.ts) logs each demo account in through the form once and saves the
// browser's state; a test that only needs "logged in as X" reuses it instead of filling the form again.
//
// Sessions are rows on the server (lib/server/sessions.ts): a logout revokes the row for every context that carries
// the same cookie. A test that logs out, or changes a password or deactivates a user, logs in through the form.

const AUTH_DIR = path.resolve('tests', 'e2e', '.auth');
/** Where an account's logged-in browser state is stored. */
export const authFile = (email: string) => path.join(AUTH_DIR, `${email}.json`);

/** Logs in through the form in the context and stores its state for `useSession`. */
export async function storeSession(context: BrowserContext, email: string) {
  const page = await context.newPage();
  await login(page, email);
  await page.close();
  fs.mkdirSync(AUTH_DIR, { recursive: true });
  await context.storageState({ path: authFile(email) });
  verified.add(email);
}

/** Accounts whose stored session this worker has seen the server accept. */
const verified = new Set<string>();

/**
 * Logs the context in as `email` with the stored session (its cookies), without the form. The first use in a worker
 * checks that the server knows that session; when it does not (the setup project did not run before, as with
 * `--no-deps`, or ran against another server), it logs in through the form once and stores the new state.
 */
export async function useSession(context: BrowserContext, email: string) {
  if (fs.existsSync(authFile(email))) {
    const { cookies } = JSON.parse(fs.readFileSync(authFile(email), 'utf8')) as { cookies: Parameters<BrowserContext['addCookies']>[0] };
    await context.addCookies(cookies);
    if (verified.has(email)) return;
    const session = await context.request.get('/api/auth/session');
    const body = session.ok() ? ((await session.json()) as { user?: { email?: string } } | null) : null;
    if (body?.user?.email === email) {
      verified.add(email);
      return;
    }
    await context.clearCookies();
  }
  await storeSession(context, email);
}

/** The test's page, logged in as `email` with the stored session, opened on `path` (the role's home by default). */
export async function signIn(page: Page, email: string, path = '/') {
  await useSession(page.context(), email);
  await page.goto(path);
}
