import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from './test';
import { DEMO, login, logout, signIn, submitLogin, useSession } from './helpers';
import { docxText } from '../support/zip';

// The login form's own tests: each demo account logs in through it and lands on its home. Elsewhere the tests reuse
// the sessions the setup project stored (helpers.ts: signIn, useSession).
test.describe('demo accounts land on their own home with real data', () => {
  test('department admin: tasks counted by status and the latest tasks', async ({ page }) => {
    await login(page, DEMO.admin);
    await expect(page).toHaveURL(/\/department$/);
    await expect(page.getByTestId('whoami')).toContainText('Lãnh đạo Sở');
    const running = page.getByTestId('status-counts').locator('[data-status="RUNNING"]');
    await expect(running).toContainText('Đang thực hiện');
    // The seed's running tasks: 8 demo tasks and 20 of the year's contracted dossiers.
    await expect(running).toContainText('28');
    await expect(page.getByTestId('task-rows').locator('tr')).toHaveCount(10);
    await expect(page.getByRole('link', { name: 'Người dùng' })).toBeVisible();
    await logout(page);
  });

  test('department staff: same home, without user administration', async ({ page }) => {
    await login(page, DEMO.staff);
    await expect(page).toHaveURL(/\/department$/);
    await expect(page.getByTestId('status-counts')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);
    const res = await page.goto('/department/users');
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });

  test('organization: its own tasks with the next step, amounts in VND', async ({ page }) => {
    await login(page, DEMO.org);
    await expect(page).toHaveURL(/\/org$/);
    const rows = page.getByTestId('task-rows').locator('tr');
    await expect(rows).toHaveCount(6);
    await expect(page.getByTestId('task-rows')).toContainText('Nghiên cứu chế tạo hệ thống tưới nhỏ giọt');
    await expect(page.getByTestId('task-rows')).not.toContainText('Tuyển chọn giống lúa chịu mặn');
    await expect(page.getByTestId('task-rows')).toContainText(/\d{1,3}(\.\d{3})+ ₫/);
    await expect(page.getByTestId('task-rows')).toContainText('Chỉnh sửa theo góp ý và nộp lại');
  });

  test('evaluator: its council seats', async ({ page }) => {
    await login(page, DEMO.evaluator);
    await expect(page).toHaveURL(/\/evaluator$/);
    await expect(page.getByTestId('seat-rows').locator('tr').first()).toBeVisible();
    await expect(page.getByTestId('seat-rows')).toContainText('Chủ tịch');
  });
});

test('a wrong password shows one generic message and stays on the login page', async ({ page }) => {
  await submitLogin(page, DEMO.org, 'Sai@mat-khau1');
  await expect(page.getByTestId('form-error')).toHaveText('Email hoặc mật khẩu không đúng.');
  await expect(page).toHaveURL(/\/login/);
  await submitLogin(page, 'khong-ton-tai@khcn.demo', 'Sai@mat-khau1');
  await expect(page.getByTestId('form-error')).toHaveText('Email hoặc mật khẩu không đúng.');
});

test('the login form checks fields in the browser before sending', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('khong-phai-email');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('[data-field-error="email"]')).toHaveText('Email không hợp lệ.');
  await expect(page.locator('[data-field-error="password"]')).toHaveText('Vui lòng nhập trường này.');
});

test.describe("each role is refused another role's area, on the server", () => {
  const cases = [
    { who: DEMO.admin, home: /\/department$/, denied: ['/org', '/evaluator'] },
    { who: DEMO.staff, home: /\/department$/, denied: ['/org', '/evaluator'] },
    { who: DEMO.org, home: /\/org$/, denied: ['/department', '/department/organizations', '/department/users', '/evaluator'] },
    { who: DEMO.evaluator, home: /\/evaluator$/, denied: ['/department', '/org'] },
  ];
  for (const c of cases) {
    test(`${c.who}`, async ({ page }) => {
      await signIn(page, c.who);
      await expect(page).toHaveURL(c.home);
      for (const path of c.denied) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(403);
        await expect(page.getByTestId('forbidden')).toBeVisible();
        await expect(page.getByTestId('task-rows')).toHaveCount(0);
        await expect(page.getByTestId('seat-rows')).toHaveCount(0);
      }
    });
  }
});

test('an anonymous visitor is sent to login and back to the page asked for', async ({ page }) => {
  await page.goto('/department/organizations?status=ACTIVE');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel('Email').fill(DEMO.staff);
  await page.getByLabel('Mật khẩu').fill('Demo@12345');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page).toHaveURL(/\/department\/organizations\?status=ACTIVE$/);
  await expect(page.getByRole('heading', { name: 'Tổ chức chủ trì' })).toBeVisible();
});

test('the session API carries the role; health reports the database, the files and the job queue', async ({ page, request }) => {
  await signIn(page, DEMO.evaluator);
  await expect(page).toHaveURL(/\/evaluator$/);
  const session = await page.request.get('/api/auth/session');
  expect((await session.json()).user).toMatchObject({ email: DEMO.evaluator, role: 'EVALUATOR' });
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', db: 'ok', storage: 'ok', jobs: 'ok' });
});

test('switching to English changes the screen and persists across visits', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Email').fill(DEMO.admin);
  await page.getByLabel('Password').fill('Demo@12345');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/department$/);
  await expect(page.getByTestId('status-counts').locator('[data-status="RUNNING"]')).toContainText('In progress');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
});

test('a new organization signs up, waits for verification, and is activated by staff', async ({ browser, csp }) => {
  const stamp = Date.now().toString().slice(-8);
  const email = `dangky.${stamp}@example.vn`;
  const taxCode = `43${stamp}`;
  const orgPage = await (await csp.watched(browser.newContext())).newPage();
  await orgPage.goto('/sign-up');
  await orgPage.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(orgPage.locator('[data-field-error="organizationName"]')).toHaveText('Vui lòng nhập trường này.');
  await orgPage.getByLabel('Tên tổ chức').fill(`Công ty TNHH Đổi Mới ${stamp}`);
  await orgPage.getByLabel('Loại hình tổ chức').selectOption('ENTERPRISE');
  await orgPage.getByLabel('Mã số thuế').fill(taxCode);
  await orgPage.getByLabel('Địa chỉ').fill('99 Lê Duẩn, phường Phú Thịnh, tỉnh An Phú');
  await orgPage.getByLabel('Họ và tên').fill('Nguyễn Thị Hạnh');
  await orgPage.getByLabel('Email').fill('org@khcn.demo');
  await orgPage.locator('input[name="password"]').fill('Doimoi2026');
  await orgPage.getByLabel('Nhập lại mật khẩu').fill('Doimoi2026');
  await orgPage.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(orgPage.locator('[data-field-error="email"]')).toHaveText('Email này đã được đăng ký.');
  await orgPage.getByLabel('Email').fill(email);
  await orgPage.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(orgPage.getByText('Đã gửi đăng ký')).toBeVisible();

  await orgPage.getByRole('link', { name: 'Đăng nhập' }).click();
  await orgPage.getByLabel('Email').fill(email);
  await orgPage.getByLabel('Mật khẩu').fill('Doimoi2026');
  await orgPage.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(orgPage).toHaveURL(/\/org$/);
  await expect(orgPage.getByTestId('pending-verification')).toBeVisible();

  const staffContext = await csp.watched(browser.newContext());
  await useSession(staffContext, DEMO.staff);
  const staffPage = await staffContext.newPage();
  await staffPage.goto('/department/organizations?status=PENDING');
  const row = staffPage.getByTestId(`org-row-${taxCode}`);
  await expect(row).toContainText('Chờ xác minh');
  await row.getByRole('button', { name: 'Xác minh và kích hoạt' }).click();
  await expect(row).toHaveCount(0); // it leaves the list of organizations awaiting verification
  await staffPage.goto('/department/organizations?status=ACTIVE&q=' + taxCode);
  await expect(staffPage.getByTestId(`org-row-${taxCode}`)).toContainText('Đang hoạt động');

  await orgPage.reload();
  await expect(orgPage.getByTestId('pending-verification')).toHaveCount(0);
  await expect(orgPage.getByText('Chưa có nhiệm vụ nào.')).toBeVisible();
});

test('the admin creates a staff user who can then log in', async ({ page, browser, csp }) => {
  const email = `chuyenvien.${Date.now()}@khcn.demo`;
  await signIn(page, DEMO.admin, '/department/users');
  await page.getByRole('link', { name: 'Thêm người dùng' }).click();
  await expect(page).toHaveURL(/\/department\/users\/new$/);
  const form = page.getByTestId('create-user-form');
  await form.getByLabel('Họ và tên').fill('Đoàn Thị Mỹ Linh');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Vai trò').selectOption('DEPARTMENT_STAFF');
  await form.getByLabel('Mật khẩu ban đầu').fill('short');
  await form.getByRole('button', { name: 'Tạo người dùng' }).click();
  // Refused on its field, in Vietnamese, with what was typed kept.
  await expect(form.locator('[data-field-error="password"]')).toHaveText('Mật khẩu cần ít nhất 8 ký tự.');
  await expect(form.getByLabel('Email')).toHaveValue(email);
  await form.getByLabel('Mật khẩu ban đầu').fill('Chuyenvien1');
  await form.getByRole('button', { name: 'Tạo người dùng' }).click();
  // Back on the list, found by their email.
  await expect(page).toHaveURL(/\/department\/users\?q=/);
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('Đoàn Thị Mỹ Linh');

  // The list's row resets their password with a form loaded on demand, refused on its field first.
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
  await row.getByLabel('Mật khẩu mới', { exact: true }).fill('Chuyenvien2');
  await row.getByLabel('Nhập lại mật khẩu mới').fill('Chuyenvien3');
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).last().click();
  await expect(row.locator('[data-field-error$="confirmPassword"]')).toHaveText('Mật khẩu nhập lại không khớp.');
  await row.getByLabel('Nhập lại mật khẩu mới').fill('Chuyenvien2');
  await row.getByRole('button', { name: 'Đặt lại mật khẩu' }).last().click();
  await expect(row.getByRole('status')).toContainText('Đã đặt lại mật khẩu.');
  const other = await (await csp.watched(browser.newContext())).newPage();
  await login(other, email, 'Chuyenvien2');
  await expect(other).toHaveURL(/\/department$/);
});

test('the leader reads the seeded year’s figures on the statistics screen, and each figure opens its list', async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.getByRole('link', { name: 'Thống kê', exact: true }).click();
  await expect(page).toHaveURL(/\/department\/statistics$/);
  // The seed's year 2026 as the department states it: 47 listed by UBND, 30 approved for implementation, 19 accepted.
  await expect(page.getByTestId('figure-listed')).toContainText('47');
  await expect(page.getByTestId('figure-approved-link')).toHaveText('30');
  await expect(page.getByTestId('figure-accepted-link')).toHaveText('19');
  await expect(page.getByTestId('statistics-chart')).toBeVisible();
  await expect(page.getByTestId('breakdown-field').getByRole('table')).toBeVisible();

  // The provincial statistics form of the year, opened: its title and the year's acceptances (line 05).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-form-04').click()]);
  expect(download.suggestedFilename()).toBe('Bieu-04-TKTH-KHCN-DP-2026.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0];
  expect(ws.getCell('A5').value).toBe('NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ CẤP TỈNH');
  const accepted = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1)).find((r) => r.getCell(2).value === '05');
  expect(accepted?.getCell(3).value).toBe(19);

  await page.getByTestId('figure-approved-link').click();
  await expect(page).toHaveURL(/\/department\/tasks\?figure=approved&from=2026&to=2026$/);
  await expect(page.getByTestId('queue-figure')).toContainText('30 nhiệm vụ');
  // The list exports as it is filtered: the 30 tasks, every page, under a title row and the header.
  const [list] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tasks').getByTestId('export-xlsx').click()]);
  const listBook = new ExcelJS.Workbook();
  await listBook.xlsx.readFile(await list.path());
  expect(listBook.worksheets[0].rowCount).toBe(32);
  await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('30 nhiệm vụ phù hợp');

  // An earlier year: the 2023 acceptance of the legacy task KHCN-2021-001 is there, and nothing of 2026.
  await page.goto('/department/statistics?from=2023&to=2023');
  await expect(page.getByTestId('figure-accepted-link')).toHaveText('1');
  await page.getByTestId('figure-accepted-link').click();
  await expect(page.getByTestId('queue-rows')).toContainText('KHCN-2021-001');
});

test('the leader downloads a task’s approval decision as Word; the host organization never gets its minutes', async ({
  page,
  browser,
  csp,
}) => {
  await signIn(page, DEMO.admin, '/department/tasks?figure=approved&from=2026&to=2026');
  await page.getByTestId('queue-rows').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/department\/tasks\/[^/]+$/);
  const documents = page.getByTestId('documents');
  await expect(documents).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), documents.getByTestId('document-approval-decision').click()]);
  expect(download.suggestedFilename()).toMatch(/^Quyết định phê duyệt .+\.docx$/);
  const text = docxText(await readFile(await download.path()));
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
  expect(text).toMatch(/An Phú, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm 2026/);
  expect(text).toContain((await page.getByTestId('task-heading').textContent())!.trim());

  // The minutes name the evaluators' scores: an organization's request is a 404, whoever hosts the task.
  const minutes = await documents.getByTestId('document-minutes').first().getAttribute('href');
  const org = await csp.watched(browser.newContext());
  await useSession(org, DEMO.org);
  const refused = await org.request.get(minutes!);
  expect(refused.status()).toBe(404);
  expect((await refused.json()).error).toBeTruthy();
});
