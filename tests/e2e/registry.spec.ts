// The public registry of accepted tasks: an anonymous visitor searches it without diacritics, in either language,
// and reaches nothing else (the department's pages, its search included, send them to login). The same folded
// search from the department's header, for its staff only.
import { expect, test } from './test';
import { DEMO, signIn } from './helpers';

test('an anonymous visitor finds an accepted task in the registry by words typed without diacritics', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Danh mục nhiệm vụ đã nghiệm thu' }).click();
  await expect(page).toHaveURL(/\/registry$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Danh mục nhiệm vụ KH&CN đã nghiệm thu' })).toBeVisible();

  await page.getByRole('search').locator('input[name="q"]').fill('LUA CHIU MAN NGAN NGAY');
  await page.getByRole('search').getByRole('button').click();
  await expect(page).toHaveURL(/\/registry\?q=LUA\+CHIU\+MAN\+NGAN\+NGAY$/);
  const entries = page.getByTestId('registry-list').locator(':scope > li');
  await expect(entries).toHaveCount(1);
  const entry = entries.first();
  await expect(entry).toHaveAttribute('data-code', 'KHCN-2020-001');
  await expect(entry.getByRole('heading')).toHaveText('Nghiên cứu chọn tạo giống lúa chịu mặn ngắn ngày cho vùng ven biển tỉnh An Phú');
  await expect(entry).toContainText('TS. Lê Văn Hòa');
  await expect(entry).toContainText('Xuất sắc');
  await expect(entry).toContainText('2020–2021');
  // Its final report, made public by the department, downloads without logging in; any other file id is a 404.
  const file = entry.getByTestId('registry-files').getByRole('link');
  await expect(file).toHaveText('Bao-cao-tong-hop-ket-qua.pdf');
  const download = await page.request.get((await file.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toContain('application/pdf');
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect((await page.request.get('/api/registry/files/cmx0000000000000000000000')).status()).toBe(404);

  // by the principal investigator, again without diacritics; then the same page in English
  await page.goto('/registry?q=le+van+hoa');
  await expect(page.getByTestId('registry-list').locator('li[data-code="KHCN-2020-001"]')).toBeVisible();
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Registry of accepted S&T tasks' })).toBeVisible();
  await expect(page.getByTestId('registry-list').locator('li[data-code="KHCN-2020-001"]')).toContainText('Excellent');
  await page.getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Danh mục nhiệm vụ KH&CN đã nghiệm thu' })).toBeVisible();
});

test("an anonymous visitor reaches no department page: the queue and the staff's search send them to login", async ({ page }) => {
  for (const path of ['/department', '/department/search?q=lua']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  }
});

test("the department's staff search from the header without diacritics; an organization is refused", async ({ page }) => {
  await signIn(page, DEMO.staff);
  const box = page.getByRole('search', { name: 'Tìm nhiệm vụ, tổ chức, người' });
  await box.getByRole('searchbox').fill('LUA CHIU MAN NGAN NGAY');
  await box.getByRole('button', { name: 'Tìm' }).click();
  await expect(page).toHaveURL(/\/department\/search\?q=LUA\+CHIU\+MAN\+NGAN\+NGAY$/);
  const found = page.getByTestId('search-tasks').getByRole('link', { name: /KHCN-2020-001/ });
  await expect(found).toHaveCount(1);
  await found.click();
  await expect(page).toHaveURL(/\/department\/tasks\/[a-z0-9]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nghiên cứu chọn tạo giống lúa chịu mặn ngắn ngày');
  // Another role in the same browser. No logout: it would revoke the stored session the later specs reuse (the
  // logout has its own tests in foundation and hardening).
  await page.context().clearCookies();
  await signIn(page, DEMO.org);
  await expect(page.getByRole('search', { name: 'Tìm nhiệm vụ, tổ chức, người' })).toHaveCount(0);
  const refused = await page.goto('/department/search?q=lua');
  expect(refused?.status()).toBe(403);
});
