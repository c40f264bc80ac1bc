// Phase 1 of the department's year in the browser: staff open a needs call, organizations send needs proposals,
// staff return one for completion and merge a duplicate (issue 8, item 1).
import type { Page } from '@playwright/test';
import { DEMO } from './helpers';
import { expect, ORG_USERS, SLOW, stamp, test } from './lifecycle-helpers';

type Needs = { title: string; callTitle: string };

/** Fills the needs form's content (the page must show it). */
async function fillNeeds(page: Page, n: Needs, problem = 'Xâm nhập mặn làm giảm năng suất lúa vụ đông xuân ở các huyện ven biển.') {
  const form = page.getByTestId('needs-form');
  const byName = (name: string) => form.locator(`[name="${name}"]`);
  await byName('title').fill(n.title);
  await byName('field').selectOption('AGRICULTURAL');
  await byName('applyingUnits').fill('UBND các huyện ven biển');
  await byName('problem').fill(problem);
  await byName('objectives').fill('Xây dựng quy trình canh tác lúa chịu mặn phù hợp với điều kiện của tỉnh.');
  await byName('expectedResults').fill('Quy trình canh tác, 02 mô hình trình diễn và báo cáo khoa học tổng hợp.');
  await byName('durationMonths').fill('24');
  await byName('budgetEstimate').fill('1.800.000.000');
}

/** Creates a needs proposal in the call and submits it; returns its id (the page is left on it). */
async function proposeNeeds(page: Page, n: Needs): Promise<string> {
  await page.goto('/org/needs');
  await page.getByTestId('new-needs').click();
  await expect(page).toHaveURL(/\/org\/needs\/new$/);
  const call = page.getByTestId('needs-call');
  const option = call.locator('option', { hasText: n.callTitle });
  await expect(option).toHaveCount(1);
  await call.selectOption((await option.getAttribute('value'))!);
  await fillNeeds(page, n);
  await page.getByTestId('needs-save').click();
  await page.waitForURL((u) => /^\/org\/needs\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), SLOW);
  await expect(page.getByTestId('needs-status')).toHaveAttribute('data-status', 'DRAFT');
  await page.getByTestId('submit-needs').click();
  await expect(page.getByTestId('needs-status')).toHaveAttribute('data-status', 'SUBMITTED', SLOW);
  return page.url().split('/').pop()!;
}

test('a needs call, needs proposals, a return for completion and a merge of duplicates', async ({ actors }) => {
  // Four roles' screens, each checked for accessibility when the test ends: more than the default minute.
  test.setTimeout(4 * 60_000);
  const tag = stamp();
  const callTitle = `Đợt đề xuất đặt hàng nhiệm vụ KH&CN năm 2029 (${tag})`;

  // Staff open a needs call.
  const staff = await actors.as(DEMO.staff);
  await staff.goto('/department/calls/new');
  const callForm = staff.getByTestId('call-form');
  await staff.getByTestId('call-kind').selectOption('NEEDS');
  await staff.getByTestId('call-title').fill(callTitle);
  await staff.getByTestId('call-year').fill('2029');
  await staff.getByTestId('call-opens-at').fill('2026-01-01T08:00');
  await staff.getByTestId('call-closes-at').fill('2099-12-31T17:00');
  await callForm.getByTestId('call-submit').click();
  await expect(staff).toHaveURL(/\/department\/calls$/, SLOW);
  const callRow = staff.getByTestId('call-rows').locator('tr', { hasText: callTitle });
  await expect(callRow).toContainText('Đợt đề xuất đặt hàng');

  // An organization proposes; an incomplete draft cannot be sent and the form says what is missing.
  const org = await actors.as(ORG_USERS.uni);
  const first: Needs = { title: `Mô hình canh tác lúa chịu mặn vùng ven biển ${tag}`, callTitle };
  await org.goto('/org/needs/new');
  const call = org.getByTestId('needs-call');
  await call.selectOption((await call.locator('option', { hasText: callTitle }).getAttribute('value'))!);
  await org.getByTestId('needs-form').locator('[name="title"]').fill(first.title);
  await org.getByTestId('needs-save').click();
  await org.waitForURL((u) => /^\/org\/needs\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), SLOW);
  const firstId = org.url().split('/').pop()!;
  await org.getByTestId('submit-needs').click();
  await expect(org).toHaveURL(new RegExp(`/org/needs/${firstId}/edit\\?check=1$`), SLOW);
  await expect(org.getByTestId('submission-problems')).toBeVisible();
  await expect(org.locator('[data-field-error$="problem"]')).toBeVisible();
  await fillNeeds(org, first);
  await org.getByTestId('needs-save-and-submit').click();
  await org.waitForURL(new RegExp(`/org/needs/${firstId}$`), SLOW);
  await expect(org.getByTestId('needs-status')).toHaveAttribute('data-status', 'SUBMITTED', SLOW);
  await expect(org.getByTestId('needs-detail')).toContainText(/DX-2029-\d{3}/);

  // Staff find it in the department's list and return it with a note.
  await staff.goto(`/department/needs?q=${encodeURIComponent(tag)}`);
  await expect(staff.getByTestId('needs-rows').locator('tr')).toHaveCount(1);
  await staff.getByTestId('needs-link').click();
  await staff.getByTestId('needs-return-note').fill('Đề nghị nêu rõ các xã dự kiến áp dụng mô hình.');
  await staff.getByTestId('needs-return-submit').click();
  await expect(staff.getByTestId('needs-status')).toHaveAttribute('data-status', 'RETURNED', SLOW);

  // The organization sees the note, revises and sends it again.
  await org.goto(`/org/needs/${firstId}`);
  await expect(org.getByTestId('needs-return-note-shown')).toHaveText('Đề nghị nêu rõ các xã dự kiến áp dụng mô hình.');
  await org.getByTestId('edit-needs').click();
  await org.getByTestId('needs-form').locator('[name="applyingUnits"]').fill('UBND các xã Tân Hải, Phước An');
  await org.getByTestId('needs-save-and-submit').click();
  await org.waitForURL(new RegExp(`/org/needs/${firstId}$`), SLOW);
  await expect(org.getByTestId('needs-status')).toHaveAttribute('data-status', 'SUBMITTED', SLOW);

  // Another organization sends the same need; staff merge it into the first.
  const agri = await actors.as(ORG_USERS.agri);
  const dupId = await proposeNeeds(agri, { title: `Lúa chịu mặn cho các huyện ven biển ${tag}`, callTitle });
  await staff.goto(`/department/needs/${dupId}`);
  const into = staff.getByTestId('needs-merge-into');
  await into.selectOption((await into.locator('option', { hasText: first.title }).getAttribute('value'))!);
  await staff.getByTestId('needs-merge-submit').click();
  await expect(staff.getByTestId('needs-status')).toHaveAttribute('data-status', 'MERGED', SLOW);
  await expect(staff.getByTestId('merged-into')).toContainText(first.title);

  // The merged one's organization sees where it went, and cannot open the other organization's proposal.
  await agri.goto(`/org/needs/${dupId}`);
  await expect(agri.getByTestId('needs-status')).toHaveAttribute('data-status', 'MERGED');
  await expect(agri.getByTestId('merged-into')).toContainText(first.title);
  const response = await agri.goto(`/org/needs/${firstId}`);
  expect(response?.status()).toBe(404);
});
