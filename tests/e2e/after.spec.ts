// After acceptance in the browser (issue 9): the demo organization's accepted task KHCN-2023-009, which the seed
// leaves owing its registration, is registered (the form first refused without its file), liquidated, and gets its
// first application report reviewed; a running task is terminated and its contract liquidated with a refund (a
// refund below the unspent money refused on its field first).
import type { Page } from '@playwright/test';
import { DEMO } from './helpers';
import { decide, deptStatus, expect, fixture, ORG_USERS, SLOW, test, upload } from './lifecycle-helpers';

const ACCEPTED_CODE = 'KHCN-2023-009';
const RUNNING_CODE = 'KHCN-2026-018';

/** Opens a task of the department's queue by its code; returns its id. */
async function openByCode(page: Page, code: string): Promise<string> {
  await page.goto(`/department/tasks?q=${encodeURIComponent(code)}`);
  const link = page.getByTestId('queue-rows').getByTestId('queue-link');
  await expect(link).toHaveCount(1);
  await link.click();
  await page.waitForURL(/\/department\/tasks\/[^/?]+$/);
  return page.url().split('/').pop()!;
}

test('an accepted task is registered, its contract liquidated, and its first application report reviewed', async ({ actors }) => {
  test.setTimeout(6 * 60_000);
  const org = await actors.as(ORG_USERS.uni);

  // The organization's home says what it owes: the registration of KHCN-2023-009, overdue.
  await org.goto('/org');
  const owed = org.getByTestId('owed-list').locator('tr[data-kind="registration"]', { hasText: ACCEPTED_CODE });
  await expect(owed).toHaveAttribute('data-state', 'overdue');
  await owed.getByRole('link').click();
  await org.waitForURL(/\/org\/tasks\/[^/?]+$/);
  const taskId = org.url().split('/').pop()!;
  const registration = org.getByTestId('registration');
  await expect(registration).toHaveAttribute('data-status', 'NONE');

  // Without the registration form the submission is refused, and nothing changes.
  const submitForm = org.getByTestId('registration-submit-form');
  await submitForm
    .getByLabel('Kết quả, sản phẩm đăng ký')
    .fill('Báo cáo tổng hợp, quy trình công nghệ và hai bài báo khoa học nộp lưu giữ.');
  await submitForm.getByTestId('registration-submit').click();
  await expect(submitForm).toContainText('Vui lòng tải lên hồ sơ đăng ký kết quả', SLOW);
  await expect(registration).toHaveAttribute('data-status', 'NONE');

  await upload(org, 'REGISTRATION_FORM', { name: 'Phieu-dang-ky-ket-qua.pdf', from: fixture('bao-cao.pdf') });
  await org.getByTestId('registration-submit-form').getByTestId('registration-submit').click();
  await expect(registration).toHaveAttribute('data-status', 'SUBMITTED', SLOW);

  // The department records the certificate.
  const staff = await actors.as(DEMO.staff);
  expect(await openByCode(staff, ACCEPTED_CODE)).toBe(taskId);
  const register = staff.getByTestId('registration-register-form');
  await register.getByLabel('Số giấy chứng nhận đăng ký').fill(`15/2026/GCN-SKHCN-${Date.now().toString(36)}`);
  await register.getByTestId('registration-register').click();
  await expect(staff.getByTestId('registration')).toHaveAttribute('data-status', 'REGISTERED', SLOW);
  await expect(staff.getByTestId('registration-certificate')).toContainText('GCN-SKHCN');

  // The contract is liquidated: everything disbursed was spent, nothing to refund.
  const liquidation = staff.getByTestId('liquidation-form');
  await liquidation.getByLabel('Số biên bản thanh lý').fill('21/2026/BBTL-SKHCN');
  const disbursed = await liquidation.getByLabel('Kinh phí đã cấp (đồng)').inputValue();
  expect(disbursed).toMatch(/^\d{1,3}(\.\d{3})+$/);
  await liquidation.getByLabel('Kinh phí đã sử dụng (đồng)').fill(disbursed);
  await liquidation.getByLabel('Số tiền nộp trả ngân sách (đồng)').fill('0');
  await liquidation.getByTestId('liquidation-submit').click();
  await expect(staff.getByTestId('liquidation')).toHaveAttribute('data-done', 'yes', SLOW);
  await expect(staff.getByTestId('liquidation-refunded')).toContainText('0');

  // The organization reports its first year of application, ahead of the anniversary.
  await org.reload();
  await expect(org.getByTestId('registration-certificate')).toBeVisible();
  const report = org.getByTestId('application-form');
  await expect(report.getByTestId('application-period')).toContainText('Năm thứ 1');
  await report.getByLabel('Nơi ứng dụng').fill('Công ty TNHH Nông nghiệp Công nghệ cao Phú Yên; 2 hợp tác xã tại huyện Sơn Hòa.');
  await report.getByLabel('Hiệu quả kinh tế - xã hội').fill('Giảm 25% lượng nước tưới, năng suất tăng 10% trên 35 ha ứng dụng.');
  await report.getByLabel('Doanh thu, lợi ích (đồng)').fill('350.000.000');
  await report.getByTestId('application-submit').click();
  const year1 = org.getByTestId('application-periods').locator('tr[data-year="1"]');
  await expect(year1).toHaveAttribute('data-status', 'SUBMITTED', SLOW);

  // The department reviews it.
  await staff.reload();
  const row = staff.getByTestId('application-periods').locator('tr[data-year="1"]');
  await expect(row).toContainText('Giảm 25% lượng nước tưới');
  await row.getByTestId('application-accept').click();
  await expect(row).toHaveAttribute('data-status', 'REVIEWED', SLOW);

  // Nothing is owed on the registration any more; the organization's home no longer lists it.
  await org.goto('/org');
  await expect(org.getByTestId('owed-list').locator('tr[data-kind="registration"]', { hasText: ACCEPTED_CODE })).toHaveCount(0);
});

test('a terminated task’s contract is liquidated with a refund, the refund checked against the unspent money', async ({ actors }) => {
  test.setTimeout(4 * 60_000);
  const admin = await actors.as(DEMO.admin);
  const taskId = await openByCode(admin, RUNNING_CODE);
  await decide(admin, 'terminate', {
    reason: 'Tổ chức chủ trì đề nghị chấm dứt do chủ nhiệm nhiệm vụ chuyển công tác, không có người thay thế.',
  });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'TERMINATED', SLOW);

  const form = admin.getByTestId('liquidation-form');
  await form.getByLabel('Số biên bản thanh lý').fill('22/2026/BBTL-SKHCN');
  await form.getByLabel('Kinh phí đã cấp (đồng)').fill('400.000.000');
  await form.getByLabel('Kinh phí đã sử dụng (đồng)').fill('250.000.000');
  // 150 million were disbursed and not spent: a smaller refund is refused on its field, and nothing is stored.
  await form.getByLabel('Số tiền nộp trả ngân sách (đồng)').fill('100.000.000');
  await form.getByTestId('liquidation-submit').click();
  await expect(form).toContainText('Số tiền nộp trả phải ít nhất bằng phần kinh phí đã cấp chưa sử dụng', SLOW);
  await admin.reload();
  await expect(admin.getByTestId('liquidation')).toHaveAttribute('data-done', 'no');

  const again = admin.getByTestId('liquidation-form');
  await again.getByLabel('Số biên bản thanh lý').fill('22/2026/BBTL-SKHCN');
  await again.getByLabel('Kinh phí đã cấp (đồng)').fill('400.000.000');
  await again.getByLabel('Kinh phí đã sử dụng (đồng)').fill('250.000.000');
  await again.getByLabel('Số tiền nộp trả ngân sách (đồng)').fill('150.000.000');
  await again.getByTestId('liquidation-submit').click();
  await expect(admin.getByTestId('liquidation')).toHaveAttribute('data-done', 'yes', SLOW);
  await expect(admin.getByTestId('liquidation-refunded')).toContainText('150.000.000');

  // The host organization sees the settlement on its task.
  const org = await actors.as(ORG_USERS.social);
  await org.goto(`/org/tasks/${taskId}`);
  await expect(org.getByTestId('liquidation-refunded')).toContainText('150.000.000');
  await expect(org.getByTestId('liquidation-form')).toHaveCount(0);
});

test('the leader records a program (a wrong period refused on its field) and a program page lists its tasks and budget used', async ({
  actors,
}) => {
  test.setTimeout(4 * 60_000);
  const admin = await actors.as(DEMO.admin);

  // The agriculture program of 2021–2025: three tasks; used = their approved budgets less the refund recorded at
  // one's liquidation (2 261 000 000 + 2 489 950 000 + 1 381 000 000 − 48 000 000).
  await admin.goto('/department/programs');
  await admin.locator('tr[data-code="CT-NNNT"]').getByTestId('program-link').click();
  await admin.waitForURL(/\/department\/programs\/[^/?]+$/);
  await expect(admin.getByTestId('program-tasks').locator('tr')).toHaveCount(3);
  await expect(admin.getByTestId('program-tasks')).toContainText('KHCN-2024-006');
  await expect(admin.getByTestId('program-budget')).toContainText('40.000.000.000');
  await expect(admin.getByTestId('program-used')).toContainText('6.083.950.000');
  await expect(admin.getByTestId('program-remaining')).toContainText('33.916.050.000');

  // A new program: an end year before the start is refused on its field, nothing recorded.
  const code = `CT-${Date.now().toString(36).toUpperCase()}`;
  await admin.goto('/department/programs/new');
  await admin.getByLabel('Mã chương trình').fill(code);
  await admin.getByLabel('Tên chương trình').fill('Chương trình hỗ trợ doanh nghiệp chuyển đổi số tỉnh An Phú');
  await admin.getByLabel('Năm bắt đầu').fill('2027');
  await admin.getByLabel('Năm kết thúc').fill('2026');
  await admin.getByLabel('Mục tiêu').fill('Hỗ trợ 50 doanh nghiệp nhỏ và vừa ứng dụng công nghệ số trong sản xuất, kinh doanh.');
  await admin.getByLabel('Tổng kinh phí (đồng)').fill('12.000.000.000');
  await admin.getByTestId('program-submit').click();
  await expect(admin.getByText('Năm kết thúc không được trước năm bắt đầu.')).toBeVisible(SLOW);
  await expect(admin).toHaveURL(/\/department\/programs\/new$/);

  await admin.getByLabel('Năm kết thúc').fill('2030');
  await admin.getByTestId('program-submit').click();
  await admin.waitForURL(/\/department\/programs\/(?!new)[^/?]+$/, SLOW);
  await expect(admin.getByTestId('program-heading')).toContainText(code);
  await expect(admin.getByTestId('program-used')).toContainText('0');
  await expect(admin.getByTestId('program-tasks-empty')).toBeVisible();
});
