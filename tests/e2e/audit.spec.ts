// The department leader's logs in the browser: an opened dossier shows up in the access log, the filters and
// tabs keep to the URL, and nobody else has the screen.
import { expect, test } from './test';
import { DEMO, signIn } from './helpers';

test('the leader finds the dossier they just opened in the access log, and filters the audit trail', async ({ page }) => {
  await signIn(page, DEMO.admin, '/department/tasks?status=RUNNING');
  const first = page.getByTestId('queue-link').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Nhật ký', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nhật ký thao tác và truy cập' })).toBeVisible();
  await page.getByRole('link', { name: 'Nhật ký truy cập', exact: true }).click();
  await expect(page).toHaveURL(/log=access/);
  await page.getByLabel('Người thực hiện').fill(DEMO.admin);
  await page.getByLabel('Nội dung đã xem').selectOption('DOSSIER');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  const rows = page.getByTestId('access-log-row');
  await expect(rows.first()).toContainText('Hồ sơ nhiệm vụ');
  await expect(rows.first()).toContainText(DEMO.admin);
  await expect(rows.first()).toContainText(title.slice(0, 20));
  await expect(page).toHaveURL(/kind=DOSSIER/);

  // Back to the audit trail: the person filter stays, the kind of read does not apply there.
  await page.getByRole('link', { name: 'Nhật ký thao tác', exact: true }).click();
  await expect(page).toHaveURL(/log=audit/);
  await expect(page).not.toHaveURL(/kind=/);
  await expect(page.getByLabel('Người thực hiện')).toHaveValue(DEMO.admin);
  await expect(page.getByRole('combobox', { name: 'Thao tác' })).toBeVisible();
});

test('department staff have neither the menu entry nor the screen', async ({ page }) => {
  await signIn(page, DEMO.staff);
  await expect(page).toHaveURL(/\/department$/);
  await expect(page.getByRole('link', { name: 'Nhật ký', exact: true })).toHaveCount(0);
  const res = await page.goto('/department/audit');
  expect(res?.status()).toBe(403);
  await expect(page.getByTestId('forbidden')).toBeVisible();
});
