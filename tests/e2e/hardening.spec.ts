// Issue 6 against the running production build: sessions that end at logout, strict headers, malformed server
// action bodies, and a database outage in the middle of a form. Issue 11: two instances, the logs, the mail settings
// of a profile and the development mailbox.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './test';
import { DEMO, login, logout, signIn, submitLogin, useSession } from './helpers';
import { ORG_USERS } from './lifecycle-helpers';

const port = Number(process.env.E2E_PORT ?? 3101);
/** The e2e server's control port (scripts/e2e-server.mjs): stops and starts the test database. */
const control = `http://127.0.0.1:${port + 1}`;

test('two instances on one database and one store: log in on one, upload on the other, download on the first', async ({ browser, csp }) => {
  // scripts/e2e-server.mjs serves the same build twice: E2E_PORT and E2E_PORT + 2 (cookies do not depend on the port).
  const second = `http://127.0.0.1:${port + 2}`;
  await expect.poll(async () => (await fetch(`${second}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);
  const context = await csp.watched(browser.newContext());
  const page = await context.newPage();
  await login(page, DEMO.org);
  // The session made on the first instance is known to the second.
  expect((await (await context.request.get(`${second}/api/auth/session`)).json())?.user?.email).toBe(DEMO.org);
  await page.goto('/org');
  const draft = page.locator('tr[data-status="DRAFT"]').first();
  const taskId = (await draft.getAttribute('data-task-id'))!;
  expect(taskId).toBeTruthy();
  const bytes = Buffer.from(`%PDF-1.4\n% hai may chu ${Date.now()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  const uploaded = await context.request.post(`${second}/api/tasks/${taskId}/attachments`, {
    multipart: { kind: 'PROPOSAL_DOC', file: { name: 'thuyet-minh-hai-may-chu.pdf', mimeType: 'application/pdf', buffer: bytes } },
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  const download = await context.request.get(`/api/attachments/${id}`);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), bytes)).toBe(0);
  // And the other way round, the file listed on the first instance's page.
  await page.goto(`/org/tasks/${taskId}`);
  await expect(page.getByText('thuyet-minh-hai-may-chu.pdf')).toBeVisible();
  await context.close();
});

test('the server logs each request as one JSON line with its request id and user, never a password or a file', async ({
  page,
  browser,
  csp,
}) => {
  // scripts/e2e-server.mjs copies the instances' standard output into this file.
  const logFile = process.env.E2E_LOG_FILE ?? path.join(os.tmpdir(), `khcn-e2e-${port}.log`);
  const password = `Sai@MatKhau-${Date.now()}`;
  await submitLogin(page, DEMO.staff, password);
  await expect(page.getByTestId('form-error')).toHaveText('Email hoặc mật khẩu không đúng.');

  const context = await csp.watched(browser.newContext());
  const org = await context.newPage();
  await signIn(org, DEMO.org, '/org');
  const taskId = (await org.locator('tr[data-status="DRAFT"]').first().getAttribute('data-task-id'))!;
  const marker = `NOI-DUNG-TAP-TIN-${Date.now()}`;
  const bytes = Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  const uploaded = await context.request.post(`/api/tasks/${taskId}/attachments`, {
    multipart: { kind: 'PROPOSAL_DOC', file: { name: 'nhat-ky.pdf', mimeType: 'application/pdf', buffer: bytes } },
  });
  expect(uploaded.status()).toBe(201);
  await context.close();

  type Line = Record<string, unknown>;
  const lines = async () =>
    (await fs.readFile(logFile, 'utf8'))
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line);
  const uploadLine = (all: Line[]) => all.find((l) => String(l.route ?? '').includes('/attachments') && l.status === 201);
  await expect.poll(async () => Boolean(uploadLine(await lines())), { timeout: 10_000 }).toBe(true);
  const all = await lines();
  const login = all.find((l) => l.action === 'loginAction' && l.outcome === 'unauthenticated');
  expect(login?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  const upload = uploadLine(all)!;
  expect(upload.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(upload.userId).toEqual(expect.any(String));
  const text = await fs.readFile(logFile, 'utf8');
  expect(text).not.toContain(password);
  expect(text).not.toContain(marker);
});

test('a copy of the session cookie is worthless after logout', async ({ page, browser, csp }) => {
  // A session of its own, through the form: the logout revokes it (a stored one would end for every later test).
  await login(page, DEMO.staff);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes('session-token'))).toBe(true);
  await logout(page);

  // Someone who copied the cookie before the logout replays it in another browser.
  const thief = await csp.watched(browser.newContext());
  await thief.addCookies(cookies);
  const session = await thief.request.get('/api/auth/session');
  expect(await session.json()).toBeNull();
  const stolen = await thief.newPage();
  await stolen.goto('/department');
  await expect(stolen).toHaveURL(/\/login/);
  await thief.close();
});

test('pages carry a strict Content-Security-Policy with a fresh nonce; route handlers a closed one', async ({ request }) => {
  const first = await request.get('/login');
  const csp = first.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Next puts the nonce on its own scripts; every response gets a new one.
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get('/login');
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  expect(first.headers()['permissions-policy']).toContain('camera=()');
  expect(first.headers()['x-frame-options']).toBe('DENY');
  // Served over plain http here: no HSTS. Behind a proxy that terminates https, the header is sent.
  expect(first.headers()['strict-transport-security']).toBeUndefined();
  const overHttps = await request.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overHttps.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  expect(overHttps.headers()['content-security-policy']).toContain('upgrade-insecure-requests');

  const api = await request.get('/api/health');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
});

/** The id of the login form's server action, read from the request the browser sends. */
async function loginActionId(page: Page): Promise<string> {
  await page.goto('/login');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByLabel('Email').fill('nobody@khcn.demo');
  await page.getByLabel('Mật khẩu').fill('Sai@123456');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  return (await sent).headers()['next-action'];
}

const postAction = (request: APIRequestContext, id: string, body: string) =>
  request.post('/login', { headers: { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8' }, data: body });

test('malformed server action bodies get 400 or 413 with a message, never a 500', async ({ page, request }) => {
  const id = await loginActionId(page);
  for (const body of ['["$1"]', 'không phải JSON', `${'['.repeat(5000)}${']'.repeat(5000)}`, '[{"email":"$Q2"}]']) {
    const res = await postAction(request, id, body);
    expect(res.status(), body.slice(0, 20)).toBe(400);
    expect((await res.json()).error).toBe('Yêu cầu gửi lên không đúng định dạng. Vui lòng tải lại trang và thử lại.');
  }
  const big = await postAction(request, id, JSON.stringify(['x'.repeat(1_100_000)]));
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toBe('Dữ liệu gửi lên quá lớn (tối đa 1 MB).');
  // A well-formed body still reaches the action, which answers in the page's protocol.
  const ok = await postAction(request, id, JSON.stringify([{ email: 'nobody@khcn.demo', password: 'Sai@123456' }]));
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain('Email hoặc mật khẩu không đúng.');
});

test('a user chooses the language of their mails and turns a kind off in their profile; both are kept', async ({ page }) => {
  await signIn(page, ORG_USERS.mech, '/org');
  await page.getByTestId('whoami').click();
  await expect(page).toHaveURL(/\/org\/profile$/);
  const form = page.getByTestId('profile-form');
  const language = form.getByLabel('Ngôn ngữ của thư');
  await expect(language).toHaveValue('vi');
  // An organization is offered its three kinds, all on; the account's mails are not among them (always sent).
  for (const kind of ['returns', 'decisions', 'reminders']) await expect(form.getByTestId(`mail-category-${kind}`)).toBeChecked();
  await expect(form.getByTestId('mail-category-account')).toHaveCount(0);

  await language.selectOption('en');
  await form.getByTestId('mail-category-reminders').uncheck();
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByText('Đã lưu.')).toBeVisible();

  await page.reload();
  await expect(language).toHaveValue('en');
  await expect(form.getByTestId('mail-category-reminders')).not.toBeChecked();
  await expect(form.getByTestId('mail-category-returns')).toBeChecked();
  await expect(form.getByTestId('mail-category-decisions')).toBeChecked();
  // The page's own language is the browser's choice, not the mails': still Vietnamese.
  await expect(page.getByRole('heading', { name: 'Hồ sơ cá nhân' })).toBeVisible();
});

test('the leader reads in the development mailbox the mail an action just wrote; nobody else finds the page', async ({
  page,
  browser,
  csp,
}) => {
  // The e2e server has no SMTP_URL and MAIL_DEV_MAILBOX=1: its worker keeps each mail in the database as delivered.
  const email = `hopthu.${Date.now()}@khcn.demo`;
  await signIn(page, DEMO.admin, '/department/users/new');
  const form = page.getByTestId('create-user-form');
  await form.getByLabel('Họ và tên').fill('Lương Thị Thu Hà');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Vai trò').selectOption('DEPARTMENT_STAFF');
  await form.getByLabel('Mật khẩu ban đầu').fill('Hopthu@2026');
  await form.getByRole('button', { name: 'Tạo người dùng' }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();

  await page.getByRole('link', { name: 'Hộp thư thử nghiệm' }).click();
  await expect(page).toHaveURL(/\/department\/dev\/mailbox$/);
  await expect(page.getByText('Chưa cấu hình máy chủ thư (SMTP_URL): thư được lưu tại đây thay vì gửi đi.')).toBeVisible();
  const mail = page.getByTestId('mailbox').getByRole('listitem').filter({ hasText: email });
  // Written with the action, delivered by the worker a moment later.
  await expect(mail).toHaveAttribute('data-kind', 'accountCreated');
  await expect
    .poll(
      async () => {
        await page.reload();
        return mail.getByText('Đã gửi', { exact: true }).count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await mail.getByText('Tài khoản của bạn đã được tạo').click();
  const text = mail.locator('pre');
  await expect(text).toContainText('Lương Thị Thu Hà');
  await expect(text).toContainText(email);
  await expect(text).toContainText('/login');
  await expect(text).not.toContainText('Hopthu@2026');

  // Anyone else, a staff member included, gets the 404 page.
  const staff = await csp.watched(browser.newContext());
  await useSession(staff, DEMO.staff);
  expect((await staff.request.get('/department/dev/mailbox')).status()).toBe(404);
  await staff.close();
});

test('a database outage: the form keeps its text and says to try again, routes answer 503, and saving works after', async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.org, '/org/tasks/new');
  const title = `Nghiên cứu giữ nội dung khi mất kết nối cơ sở dữ liệu ${Date.now()}`;
  const form = page.getByTestId('task-form');
  await form.locator('[name="title"]').fill(title);
  await form.locator('[name="objectives"]').fill('Mục tiêu đã gõ trước khi mất kết nối.');
  try {
    expect((await request.post(`${control}/db/stop`)).ok()).toBe(true);

    await page.getByTestId('save-draft').click();
    await expect(page.getByTestId('form-error')).toHaveText(
      'Hệ thống tạm thời gián đoạn trong giây lát. Nội dung bạn đã nhập vẫn được giữ nguyên; vui lòng thử lại sau ít giây.',
    );
    await expect(form.locator('[name="title"]')).toHaveValue(title);
    await expect(form.locator('[name="objectives"]')).toHaveValue('Mục tiêu đã gõ trước khi mất kết nối.');

    // Route handlers, with this user's session: 503 and when to come back.
    const download = await page.request.get('/api/attachments/any-attachment-id');
    expect(download.status()).toBe(503);
    expect(download.headers()['retry-after']).toBe('5');
    expect((await download.json()).error).toContain('tạm thời gián đoạn');
    expect((await request.get('/api/health')).status()).toBe(503);

    // A page opened meanwhile shows the error page in Vietnamese, with a way to retry.
    const other = await page.context().newPage();
    await other.goto('/org');
    await expect(other.getByTestId('error-page')).toHaveText('Chưa tải được trang');
    await other.close();
  } finally {
    await request.post(`${control}/db/start`);
  }
  await expect.poll(async () => (await request.get('/api/health')).status(), { timeout: 20_000 }).toBe(200);

  // The same form, untouched, saves now.
  await page.getByTestId('save-draft').click();
  await page.waitForURL(/\/org\/tasks\/[^/]+$/, { timeout: 20_000 });
  await expect(page.getByTestId('task-heading')).toHaveText(title);
});
