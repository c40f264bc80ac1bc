// The department's year before a contract in the browser (issue 8): the steps of phase 1 (needs proposals, the
// identification council, the list to UBND) and of phase 2 (urgent listed tasks, dossiers for a listed task),
// shared by the journeys of year.spec.ts.
import type { Page } from '@playwright/test';
import { DEMO } from './helpers';
import { COUNCIL_OF_FIVE, completeProposal, expect, ORG_USERS, recordMeeting, SLOW } from './lifecycle-helpers';

type Actors = { as: (email: string) => Promise<Page> };

/** Proposes a complete needs proposal in the call and submits it; returns its id. */
export async function proposeNeeds(page: Page, title: string, callTitle: string): Promise<string> {
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
export async function openSeat(page: Page, councilName: string) {
  await page.goto('/evaluator');
  await page
    .getByTestId('identification-seat-rows')
    .locator('tr', { hasText: councilName })
    .getByTestId('identification-seat-link')
    .click();
  await page.waitForURL(/\/evaluator\/identification\/[^/]+$/, SLOW);
}

export async function rate(page: Page, needsId: string, recommend: boolean) {
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

/**
 * Phase 1 in the browser: staff open a needs call for 2029; two organizations propose; an identification council of
 * five (one recuses) rates both; the department concludes after the council's meeting (the good one recommended);
 * staff list it, UBND's decision lists it. Returns the listed task (put to selection) and its refined name.
 */
export async function identifyAndList(actors: Actors, tag: string) {
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
  await staff.getByTestId('list-new').click();
  await staff.waitForURL(/\/department\/lists\/new$/);
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
  const listedId = (await admin.getByTestId('listed-rows').locator('tr').first().getAttribute('data-listed-id'))!;
  return { listedId, title: `Chuỗi giá trị dược liệu OCOP tỉnh An Phú ${tag}` };
}

export async function listUrgent(admin: Page, title: string, direct?: string) {
  await admin.goto('/department/listed-tasks/new');
  const form = admin.getByTestId('urgent-form');
  await admin.getByTestId('urgent-year').fill('2029');
  await admin.getByTestId('urgent-decision-number').fill('812/QĐ-UBND');
  await admin.getByTestId('urgent-decision-date').fill('2026-11-20');
  await form.getByTestId('listed-title').fill(title);
  await form.getByTestId('listed-field').selectOption('ENGINEERING');
  await form.getByTestId('listed-objectives').fill('Đánh giá hiện trạng và đề xuất giải pháp công nghệ phù hợp cho tỉnh.');
  await form.getByTestId('listed-products').fill('Báo cáo khoa học; quy trình công nghệ; mô hình thử nghiệm.');
  await form.getByTestId('listed-method').selectOption(direct ? 'DIRECT' : 'SELECTION');
  if (direct) {
    const org = form.getByTestId('listed-direct-org');
    await org.selectOption((await org.locator('option', { hasText: direct }).getAttribute('value'))!);
    await form.getByTestId('listed-direct-reason').fill('Đơn vị duy nhất có phòng thí nghiệm và số liệu quan trắc cần thiết.');
  }
  await form.getByTestId('listed-budget').fill('1.200.000.000');
  await admin.getByTestId('urgent-submit').click();
  await admin.waitForURL(/\/department\/listed-tasks$/, SLOW);
  const row = admin.getByTestId('listed-rows').locator('tr', { hasText: title });
  await expect(row).toHaveAttribute('data-status', 'LISTED');
  return (await row.getAttribute('data-listed-id'))!;
}

/** From the organization's list of open tasks, registers a dossier for one and saves it as a draft. */
export async function registerDossier(org: Page, listedId: string, title: string) {
  await org.goto('/org/listed-tasks');
  await org.getByTestId(`org-listed-${listedId}`).getByTestId('org-listed-register').click();
  await org.waitForURL(/\/org\/tasks\/new\?listedTaskId=/, SLOW);
  const form = org.getByTestId('task-form');
  await expect(form.getByTestId('task-listed')).toHaveValue(listedId);
  await expect(form.locator('[name="title"]')).toHaveValue(title);
  // The notice is the listed task's: it is not chosen separately.
  await expect(form.locator('[name="callId"]')).toHaveCount(0);
  const p = completeProposal(title);
  for (const [name, value] of Object.entries(p.fields ?? {})) {
    const input = form.locator(`[name="${name}"]`);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
  await form.getByTestId('add-product').click();
  const product = p.products![0];
  await form.locator('[name="expectedProducts.0.name"]').fill(product.name);
  await form.locator('[name="expectedProducts.0.kind"]').fill(product.kind);
  await form.locator('[name="expectedProducts.0.quantity"]').fill(product.quantity);
  await form.locator('[name="expectedProducts.0.quality"]').fill(product.quality);
  await org.getByTestId('save-draft').click();
  await org.waitForURL((u) => /^\/org\/tasks\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), SLOW);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'DRAFT', SLOW);
  return org.url().split('/').pop()!;
}
