// The identification council in the browser (issue 8, item 2): staff form a council over a batch of submitted
// needs proposals; members declare (one recuses) and rate each proposal; staff conclude; the organizations
// see the outcome.
import type { Page } from '@playwright/test';
import { DEMO } from './helpers';
import { COUNCIL_OF_FIVE, expect, ORG_USERS, recordMeeting, SLOW, stamp, test } from './lifecycle-helpers';

/** Proposes a complete needs proposal in the call and submits it; returns its id. */
async function proposeNeeds(page: Page, title: string, callTitle: string): Promise<string> {
  await page.goto('/org/needs/new');
  const call = page.getByTestId('needs-call');
  await call.selectOption((await call.locator('option', { hasText: callTitle }).getAttribute('value'))!);
  const form = page.getByTestId('needs-form');
  const byName = (name: string) => form.locator(`[name="${name}"]`);
  await byName('title').fill(title);
  await byName('field').selectOption('AGRICULTURAL');
  await byName('applyingUnits').fill('Các hợp tác xã dược liệu trong tỉnh');
  await byName('problem').fill('Cây dược liệu của tỉnh chưa có chuỗi liên kết tiêu thụ ổn định.');
  await byName('objectives').fill('Xây dựng chuỗi giá trị dược liệu gắn với sản phẩm OCOP.');
  await byName('expectedResults').fill('Quy trình trồng, sơ chế; 02 sản phẩm OCOP 3 sao.');
  await byName('durationMonths').fill('24');
  await byName('budgetEstimate').fill('2.000.000.000');
  await page.getByTestId('needs-save').click();
  await page.waitForURL((u) => /^\/org\/needs\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), SLOW);
  await page.getByTestId('submit-needs').click();
  await expect(page.getByTestId('needs-status')).toHaveAttribute('data-status', 'SUBMITTED', SLOW);
  return page.url().split('/').pop()!;
}

/** Opens the member's identification seat from their home page. */
async function openSeat(page: Page, councilName: string) {
  await page.goto('/evaluator');
  await page
    .getByTestId('identification-seat-rows')
    .locator('tr', { hasText: councilName })
    .getByTestId('identification-seat-link')
    .click();
  await page.waitForURL(/\/evaluator\/identification\/[^/]+$/, SLOW);
}

async function rate(page: Page, needsId: string, recommend: boolean) {
  const form = page.getByTestId(`rating-form-${needsId}`);
  await form.getByTestId('rating-recommend').selectOption(recommend ? 'YES' : 'NO');
  if (recommend) {
    await form.getByTestId('rating-refined-objectives').fill('Hình thành chuỗi liên kết sản xuất, tiêu thụ dược liệu bền vững.');
    await form.getByTestId('rating-refined-products').fill('Quy trình kỹ thuật; mô hình liên kết; 02 sản phẩm OCOP.');
    await form.getByTestId('rating-method').selectOption('SELECTION');
  }
  await form.getByTestId('rating-submit').click();
  await expect(page.getByTestId(`identification-needs-${needsId}`).getByTestId('rating-locked')).toBeVisible(SLOW);
}

test('an identification council rates a batch of needs proposals, the department concludes and UBND lists the recommended one', async ({
  actors,
}) => {
  test.setTimeout(8 * 60_000);
  const tag = stamp();
  const callTitle = `Đợt đề xuất đặt hàng năm 2029 — xác định nhiệm vụ (${tag})`;
  const staff = await actors.as(DEMO.staff);
  await staff.goto('/department/calls/new');
  await staff.getByTestId('call-kind').selectOption('NEEDS');
  await staff.getByTestId('call-title').fill(callTitle);
  await staff.getByTestId('call-year').fill('2029');
  await staff.getByTestId('call-opens-at').fill('2026-01-01T08:00');
  await staff.getByTestId('call-closes-at').fill('2099-12-31T17:00');
  await staff.getByTestId('call-form').getByTestId('call-submit').click();
  await expect(staff).toHaveURL(/\/department\/calls$/, SLOW);

  const uni = await actors.as(ORG_USERS.uni);
  const agri = await actors.as(ORG_USERS.agri);
  const good = await proposeNeeds(uni, `Chuỗi giá trị dược liệu gắn với OCOP ${tag}`, callTitle);
  const weak = await proposeNeeds(agri, `Khảo sát chung về cây trồng của tỉnh ${tag}`, callTitle);

  // Staff form the council for this call over both proposals, with five evaluators.
  await staff.goto('/department/needs/councils');
  await staff.getByTestId('identification-calls').locator('a', { hasText: callTitle }).click();
  await staff.waitForURL(/\/department\/needs\/councils\/new\?callId=/, SLOW);
  const form = staff.getByTestId('identification-form');
  const councilName = `Hội đồng tư vấn xác định nhiệm vụ ${tag}`;
  await staff.getByTestId('identification-name').fill(councilName);
  await form.getByTestId(`needs-pick-${good}`).check();
  await form.getByTestId(`needs-pick-${weak}`).check();
  for (const s of COUNCIL_OF_FIVE) {
    await form.getByTestId(`pick-${s.email}`).check();
    await form.getByTestId(`position-${s.email}`).selectOption(s.position);
  }
  await staff.getByTestId('identification-submit').click();
  await staff.waitForURL(/\/department\/needs\/councils\/[^/]+$/, SLOW);
  await expect(staff.getByTestId('identification-status')).toHaveAttribute('data-status', 'ACTIVE');
  await expect(staff.getByTestId('identification-conclude')).toBeDisabled();
  const councilUrl = staff.url();

  // The organization sees its proposal under identification.
  await uni.goto(`/org/needs/${good}`);
  await expect(uni.getByTestId('needs-status')).toHaveAttribute('data-status', 'UNDER_IDENTIFICATION');

  // The last member declares a conflict and sees nothing more; the other four declare none and rate both.
  const [recusedSeat, ...raters] = [...COUNCIL_OF_FIVE].reverse();
  const recused = await actors.as(recusedSeat.email);
  await openSeat(recused, councilName);
  await expect(recused.getByTestId('identification-batch')).toContainText(`Chuỗi giá trị dược liệu gắn với OCOP ${tag}`);
  await recused.getByTestId('conflict-choice-conflict').check();
  await recused.getByTestId('conflict-reason').fill('Tôi là cộng tác viên của Viện Nghiên cứu Nông nghiệp Duyên hải.');
  await recused.getByTestId('conflict-submit').click();
  await expect(recused.getByTestId('recused-notice')).toBeVisible(SLOW);
  await expect(recused.getByTestId(`identification-needs-${good}`)).toHaveCount(0);

  for (const [i, s] of raters.entries()) {
    const page = await actors.as(s.email);
    await openSeat(page, councilName);
    await expect(page.getByTestId(`rating-form-${good}`)).toHaveCount(0);
    await page.getByTestId('conflict-choice-none').check();
    await page.getByTestId('conflict-submit').click();
    await expect(page.getByTestId(`rating-form-${good}`)).toBeVisible(SLOW);
    await expect(page.getByTestId(`identification-needs-${good}`)).toContainText('chưa có chuỗi liên kết tiêu thụ');
    await rate(page, good, true);
    await rate(page, weak, i === 0);
  }

  // Staff see the computed results and conclude.
  await staff.goto(councilUrl);
  const proposals = staff.getByTestId('identification-proposals');
  await expect(proposals.locator(`tr[data-needs-id="${good}"]`)).toHaveAttribute('data-outcome', 'RECOMMEND');
  await expect(proposals.locator(`tr[data-needs-id="${weak}"]`)).toHaveAttribute('data-outcome', 'NOT_RECOMMEND');
  // Not before the council's meeting is recorded (one member attended online).
  await expect(staff.getByTestId('identification-conclude')).toBeDisabled();
  await recordMeeting(staff, { scope: staff.getByTestId('identification-meetings'), online: [2] });
  await staff.getByTestId('identification-conclude').click();
  await expect(staff.getByTestId('identification-status')).toHaveAttribute('data-status', 'CLOSED', SLOW);
  await expect(proposals.locator(`tr[data-needs-id="${good}"]`)).toContainText('Hội đồng kiến nghị đặt hàng');

  // The organizations see the outcome of their own proposals.
  await uni.goto(`/org/needs/${good}`);
  await expect(uni.getByTestId('needs-status')).toHaveAttribute('data-status', 'RECOMMENDED');
  await agri.goto(`/org/needs/${weak}`);
  await expect(agri.getByTestId('needs-status')).toHaveAttribute('data-status', 'NOT_RECOMMENDED');

  // Staff assemble the list for 2029 from the recommended proposal, edit its content and send it to UBND.
  await staff.goto('/department/lists');
  const listTitle = `Danh mục nhiệm vụ đề nghị đặt hàng năm 2029 (${tag})`;
  await staff.getByTestId('list-year').fill('2029');
  await staff.getByTestId('list-title').fill(listTitle);
  await staff.getByTestId('list-create-submit').click();
  await staff.waitForURL(/\/department\/lists\/[^/]+$/, SLOW);
  await expect(staff.getByTestId('list-status')).toHaveAttribute('data-status', 'DRAFT');
  await expect(staff.getByTestId(`candidate-${weak}`)).toHaveCount(0);
  await staff.getByTestId(`candidate-${good}`).check();
  await staff.getByTestId('list-add-submit').click();
  const item = staff.getByTestId('list-items').locator(`tr[data-needs-id="${good}"]`);
  await expect(item).toHaveAttribute('data-status', 'PROPOSED', SLOW);
  const itemId = (await item.getAttribute('data-item-id'))!;
  await staff.getByTestId(`list-edit-${itemId}`).click();
  const itemForm = staff.getByTestId('list-item-form');
  await expect(itemForm).toBeVisible(SLOW);
  // Direct assignment needs the organization and a reason: refused on the fields, then corrected.
  await itemForm.getByTestId('listed-method').selectOption('DIRECT');
  await itemForm.getByTestId('listed-title').fill(`Chuỗi giá trị dược liệu OCOP tỉnh An Phú ${tag}`);
  await staff.getByTestId('list-item-save').click();
  await expect(itemForm.locator('[data-field-error$="directReason"]')).toBeVisible();
  await itemForm.getByTestId('listed-method').selectOption('SELECTION');
  await itemForm.getByTestId('listed-budget').fill('2500000000');
  await staff.getByTestId('list-item-save').click();
  await staff.waitForURL(/\/department\/lists\/[^/]+$/, SLOW);
  await expect(item).toContainText(`Chuỗi giá trị dược liệu OCOP tỉnh An Phú ${tag}`);
  await expect(item).toContainText('2.500.000.000');
  await staff.getByTestId('list-letter').fill('215/TTr-SKHCN');
  await staff.getByTestId('list-submit').click();
  await expect(staff.getByTestId('list-status')).toHaveAttribute('data-status', 'SUBMITTED', SLOW);
  // Staff cannot record UBND's decision; the leader does.
  await expect(staff.getByTestId('list-decide-form')).toHaveCount(0);
  const listUrl = staff.url();
  const admin = await actors.as(DEMO.admin);
  await admin.goto(listUrl);
  await admin.getByTestId('list-decision-number').fill('3125/QĐ-UBND');
  await admin.getByTestId('list-decision-date').fill('2028-12-20');
  await admin.getByTestId('list-decide-submit').click();
  await expect(admin.getByTestId('list-status')).toHaveAttribute('data-status', 'DECIDED', SLOW);
  await expect(admin.getByTestId('list-items').locator(`tr[data-item-id="${itemId}"]`)).toHaveAttribute('data-status', 'LISTED');
  await expect(admin.getByTestId('list-items').locator(`tr[data-item-id="${itemId}"]`)).toContainText(/DM-2029-\d{3}/);

  // The listed task is in the department's listed tasks; the organization sees its proposal listed.
  await admin.goto(`/department/listed-tasks?q=${encodeURIComponent(tag)}`);
  await expect(admin.getByTestId('listed-rows').locator('tr')).toHaveCount(1);
  await expect(admin.getByTestId('listed-rows')).toContainText('Tuyển chọn');
  await uni.goto(`/org/needs/${good}`);
  await expect(uni.getByTestId('needs-status')).toHaveAttribute('data-status', 'LISTED');
});
