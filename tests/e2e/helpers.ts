import { expect, type Page } from '@playwright/test';

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
