// Building blocks for the lifecycle journeys: one browser context per user (with the session the setup project
// stored for that user, no form), and the steps each role takes in its own screens. Every step ends by waiting for
// what the server rendered after it (a status, a locked ballot, a listed file), never for a fixed time.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { test as base, expect, type CspWatch } from './test';
import { useSession } from './helpers';

/** Status changes run a server action and a refresh; the machine may be busy, so allow them more time. */
export const SLOW = { timeout: 20_000 };

/** Today in Vietnam, as a date input's value. */
export const todayVn = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const fixture = (name: string) => path.join(FIXTURES, name);

export const ORG_USERS = {
  uni: 'org@khcn.demo',
  agri: 'vien.nongnghiep@khcn.demo',
  hosp: 'benhvien@khcn.demo',
  bio: 'haidang@khcn.demo',
  college: 'caodang@khcn.demo',
  center: 'trungtam@khcn.demo',
  mech: 'minhphat@khcn.demo',
  social: 'vienxahoi@khcn.demo',
} as const;

/** Organization name (as shown in the department's queue) -> the demo user of that organization. */
export const ORG_USER_BY_NAME: Record<string, string> = {
  'Trường Đại học An Phú': ORG_USERS.uni,
  'Viện Nghiên cứu Nông nghiệp Duyên hải': ORG_USERS.agri,
  'Bệnh viện Đa khoa tỉnh An Phú': ORG_USERS.hosp,
  'Công ty Cổ phần Công nghệ Sinh học Hải Đăng': ORG_USERS.bio,
  'Trường Cao đẳng Kỹ thuật Công nghiệp An Phú': ORG_USERS.college,
  'Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ An Phú': ORG_USERS.center,
  'Công ty TNHH Cơ khí Chính xác Minh Phát': ORG_USERS.mech,
  'Viện Khoa học Xã hội vùng Nam Trung Bộ': ORG_USERS.social,
};

export const EVALUATOR_NAMES: Record<string, string> = {
  'evaluator@khcn.demo': 'PGS.TS. Nguyễn Văn An',
  'chuyengia02@khcn.demo': 'TS. Trần Thị Bích Ngọc',
  'chuyengia03@khcn.demo': 'GS.TS. Lê Hoàng Minh',
  'chuyengia05@khcn.demo': 'PGS.TS. Hoàng Đức Thắng',
  'chuyengia06@khcn.demo': 'TS. Vũ Thị Mai Anh',
};

/** Five evaluators who work at no host organization, so they may sit on any task's council. */
export const COUNCIL_OF_FIVE: CouncilSeat[] = [
  { email: 'evaluator@khcn.demo', position: 'CHAIR' },
  { email: 'chuyengia02@khcn.demo', position: 'REVIEWER' },
  { email: 'chuyengia03@khcn.demo', position: 'REVIEWER' },
  { email: 'chuyengia05@khcn.demo', position: 'SECRETARY' },
  { email: 'chuyengia06@khcn.demo', position: 'MEMBER' },
];

/** A short unique suffix, so that a task created by a test is found by its title alone. */
export const stamp = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.toUpperCase();

/** Logged-in pages (blank until the test opens one), one browser context per user, opened on first use and closed after the test. */
export class Actors {
  private readonly contexts: BrowserContext[] = [];
  private readonly pages = new Map<string, Page>();
  constructor(
    private readonly browser: Browser,
    private readonly csp: CspWatch,
  ) {}

  async as(email: string): Promise<Page> {
    const existing = this.pages.get(email);
    if (existing) return existing;
    const context = await this.browser.newContext();
    this.csp.watch(context);
    this.contexts.push(context);
    await useSession(context, email);
    const page = await context.newPage();
    this.pages.set(email, page);
    return page;
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
  }
}

export const test = base.extend<{ actors: Actors }>({
  actors: async ({ browser, csp }, use) => {
    const actors = new Actors(browser, csp);
    await use(actors);
    await actors.close();
  },
});
export { expect };

// ---------------------------------------------------------------------------------------------------------------
// Organization

export type Product = { name: string; kind: string; quantity: string; quality: string };

export type Proposal = {
  title: string;
  /** A distinctive part of the call's title (e.g. "năm 2027"); absent: no call. */
  call?: string;
  /** Other inputs of the form by name (selects take the option's value), e.g. { type: 'RESEARCH', budgetTotal: '1.000' }. */
  fields?: Record<string, string>;
  products?: Product[];
};

export const PRODUCT: Product = {
  name: 'Hệ thống giám sát chất lượng nước thử nghiệm',
  kind: 'Mẫu thiết bị',
  quantity: '1',
  quality: 'Đo được pH, oxy hòa tan, nhiệt độ; sai số không quá 5%',
};

/** A proposal with every field required for submission, one expected product, answering the call given. */
export function completeProposal(title: string, call = 'năm 2027'): Proposal {
  return {
    title,
    call,
    fields: {
      type: 'RESEARCH',
      field: 'ENGINEERING',
      piName: 'Phạm Văn Thành',
      piDegree: 'TS.',
      piTitle: 'Trưởng khoa Cơ khí',
      piEmail: 'thanh.pv@anphu.edu.vn',
      piPhone: '0905 111 201',
      objectives:
        'Mục tiêu chung: làm chủ công nghệ giám sát chất lượng nước nuôi trồng thủy sản bằng cảm biến giá rẻ. Mục tiêu cụ thể: chế tạo 01 hệ thống thử nghiệm.',
      contentMethods:
        'Nội dung 1: Tổng quan. Nội dung 2: Thiết kế, chế tạo. Nội dung 3: Thử nghiệm tại 02 cơ sở nuôi. Phương pháp: thực nghiệm, thống kê.',
      applicationPlan: 'Chuyển giao cho các hợp tác xã nuôi trồng thủy sản trong tỉnh; tổ chức hội thảo nhân rộng.',
      budgetTotal: '1.500.000.000',
      budgetState: '1.200.000.000',
      budgetOther: '300.000.000',
      durationMonths: '18',
      proposedStart: '2027-01-01',
    },
    products: [PRODUCT],
  };
}

/** Fills the proposal form (the page must show it) with what the proposal carries. */
export async function fillProposalForm(page: Page, p: Proposal) {
  const form = page.getByTestId('task-form');
  await expect(form).toBeVisible();
  const byName = (name: string) => form.locator(`[name="${name}"]`);
  await byName('title').fill(p.title);
  if (p.call) {
    const option = byName('callId').locator('option', { hasText: p.call });
    await expect(option).toHaveCount(1);
    await byName('callId').selectOption((await option.getAttribute('value'))!);
  }
  for (const [name, value] of Object.entries(p.fields ?? {})) {
    const input = byName(name);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
  for (const [i, product] of (p.products ?? []).entries()) {
    await form.getByTestId('add-product').click();
    await byName(`expectedProducts.${i}.name`).fill(product.name);
    await byName(`expectedProducts.${i}.kind`).fill(product.kind);
    await byName(`expectedProducts.${i}.quantity`).fill(product.quantity);
    await byName(`expectedProducts.${i}.quality`).fill(product.quality);
  }
}

const isTaskPage = (url: URL) => /^\/org\/tasks\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new');

/** Creates a draft through the form; returns the new task's id (the page is left on the task). */
export async function createDraft(page: Page, p: Proposal): Promise<string> {
  await page.goto('/org');
  await page.getByTestId('new-task').click();
  await expect(page).toHaveURL(/\/org\/tasks\/new$/);
  await fillProposalForm(page, p);
  await page.getByTestId('save-draft').click();
  await page.waitForURL(isTaskPage, SLOW);
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'DRAFT', SLOW);
  await expect(page.getByTestId('task-heading')).toHaveText(p.title);
  return page.url().split('/').pop()!;
}

/** Uploads one file of a kind on the organization's task page and waits for it in the attachment list. */
export async function upload(page: Page, kind: string, file: string | { name: string; from: string }) {
  const form = page.getByTestId('upload-form');
  await expect(form).toBeVisible();
  await form.getByTestId('upload-kind').selectOption(kind);
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  await form
    .getByTestId('upload-file')
    .setInputFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'application/pdf', buffer: fs.readFileSync(file.from) });
  await form.getByTestId('upload-submit').click();
  await expect(form.getByTestId('upload-done')).toContainText(name, SLOW);
  // The refresh after the upload has rendered the file in the list.
  await expect(page.getByTestId('attachments').locator('li', { hasText: name })).toBeVisible(SLOW);
}

/** Clicks "submit" (or "resubmit") and waits until the task is PROPOSED. */
export async function submitProposal(page: Page) {
  const button = page.getByTestId('submit-task');
  await expect(button).toBeEnabled();
  await button.click();
  await expect(page.getByTestId('task-status')).toHaveAttribute('data-status', 'PROPOSED', SLOW);
}

/** Draft with every required field answering the open call, the detailed proposal attached, then submitted. */
export async function proposeTask(page: Page, title: string): Promise<string> {
  const id = await createDraft(page, completeProposal(title));
  await upload(page, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await submitProposal(page);
  return id;
}

export async function openOrgTask(page: Page, taskId: string) {
  const response = await page.goto(`/org/tasks/${taskId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('task-status')).toBeVisible();
}

/**
 * The organization's task page shows no council: no members, results or ballots, no evaluator's name and none
 * of the ballots' comments.
 */
export async function expectNoCouncilShown(page: Page, secrets: string[]) {
  for (const id of ['council', 'council-member', 'council-result', 'ballot', 'others-ballots', 'council-form']) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  const body = page.locator('body');
  for (const text of [...Object.values(EVALUATOR_NAMES), ...secrets, 'Phiếu đánh giá']) await expect(body).not.toContainText(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Department

/** Searches the work queue by title and opens the task's dossier; returns its id. */
export async function openFromQueue(page: Page, title: string): Promise<string> {
  await page.goto('/department/tasks');
  const filter = page.getByTestId('queue-filter');
  await filter.locator('input[name="q"]').fill(title);
  await filter.getByRole('button', { name: 'Lọc' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const link = page.getByTestId('queue-rows').getByTestId('queue-link').filter({ hasText: title });
  await expect(link).toHaveCount(1);
  await link.click();
  await page.waitForURL(/\/department\/tasks\/[^/?]+$/);
  await expect(page.getByTestId('task-heading')).toHaveText(title);
  return page.url().split('/').pop()!;
}

export async function openDepartmentTask(page: Page, taskId: string) {
  const response = await page.goto(`/department/tasks/${taskId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('task-status')).toBeVisible();
}

export const deptStatus = (page: Page) => page.getByTestId('task-status');

export type CouncilSeat = { email: string; position: 'CHAIR' | 'REVIEWER' | 'SECRETARY' | 'MEMBER' };

/**
 * Forms the council of the task's current stage from the pool, one position each; returns each member's seat
 * id (the evaluator's /evaluator/seats/<id>), read from the council the page shows afterwards.
 */
export async function formCouncil(page: Page, stage: 'PROPOSAL' | 'ACCEPTANCE', seats: CouncilSeat[]): Promise<Record<string, string>> {
  const form = page.getByTestId('council-form');
  await expect(form).toBeVisible();
  await expect(form).toHaveAttribute('data-stage', stage);
  const userIds: Record<string, string> = {};
  for (const s of seats) {
    const row = form.getByTestId(`pool-row-${s.email}`);
    await expect(row).not.toHaveAttribute('data-ineligible', /.+/);
    userIds[s.email] = (await row.getAttribute('data-user-id'))!;
    const pick = form.getByTestId(`pick-${s.email}`);
    await expect(pick).toBeEnabled();
    await pick.check();
    const position = form.getByTestId(`position-${s.email}`);
    await expect(position).toBeEnabled();
    await position.selectOption(s.position);
  }
  await expect(form.getByTestId('council-count')).toHaveAttribute('data-count', String(seats.length));
  await form.getByTestId('council-submit').click();
  const council = page.locator(`[data-testid="council"][data-stage="${stage}"][data-status="ACTIVE"]`);
  await expect(council).toBeVisible(SLOW);
  await expect(page.getByTestId('council-form')).toHaveCount(0);
  const seatIds: Record<string, string> = {};
  for (const s of seats) {
    const member = council.locator(`[data-testid="council-member"][data-user-id="${userIds[s.email]}"]`);
    await expect(member).toHaveAttribute('data-position', s.position);
    seatIds[s.email] = (await member.getAttribute('data-member-id'))!;
  }
  return seatIds;
}

/**
 * Records the council's meeting in the meeting form on the page (or inside `scope`): everyone present (but the
 * `online` ones, attending online), the chair presiding, a place; waits until the page lists one more valid meeting.
 */
export async function recordMeeting(page: Page, opts: { scope?: Locator; online?: number[] } = {}) {
  const scope = opts.scope ?? page.locator('body');
  const form = scope.getByTestId('meeting-form');
  await expect(form).toBeVisible();
  await form.getByTestId('meeting-place').fill('Phòng họp tầng 3, Sở Khoa học và Công nghệ');
  for (const i of opts.online ?? []) await form.getByTestId('meeting-seat-online').nth(i).check();
  // An earlier council of the task (shown on the same page) may already list its own valid meeting: one more.
  const valid = scope.locator('[data-testid="meeting"][data-valid="true"]');
  const before = await valid.count();
  await form.getByTestId('meeting-submit').click();
  await expect(valid).toHaveCount(before + 1, SLOW);
}

/** Fills a decision form (inputs are named `<kind>-<field>`) and submits it. */
export async function decide(page: Page, kind: string, values: Record<string, string> = {}) {
  const form = page.getByTestId(`decision-${kind}`);
  await expect(form).toBeVisible();
  for (const [name, value] of Object.entries(values)) await form.locator(`#${kind}-${name}`).fill(value);
  const submit = form.getByTestId(`decision-${kind}-submit`);
  await expect(submit).toBeEnabled();
  await submit.click();
}

/** The council result the leader decides on (the box beside the decision forms). */
export const decisionResult = (page: Page) => page.getByTestId('task-actions').getByTestId('council-result');

// ---------------------------------------------------------------------------------------------------------------
// Evaluators

/** Opens the seat from the evaluator's list of seats and declares no conflict of interest. */
export async function openSeatAndDeclare(page: Page, seatId: string) {
  await page.goto('/evaluator');
  const link = page.getByTestId(`seat-link-${seatId}`);
  await expect(link).toBeVisible();
  await link.click();
  await page.waitForURL(new RegExp(`/evaluator/seats/${seatId}$`));
  await expect(page.getByTestId('seat-conflict-status')).toContainText('Chưa khai báo xung đột lợi ích');
  // The dossier stays closed until the declaration.
  await expect(page.getByTestId('task-dossier')).toHaveCount(0);
  await page.getByTestId('conflict-choice-none').check();
  await page.getByTestId('conflict-submit').click();
  await expect(page.getByTestId('seat-conflict-status')).toContainText('Không có xung đột lợi ích', SLOW);
  await expect(page.getByTestId('task-dossier')).toBeVisible();
}

async function confirmBallot(page: Page) {
  await page.getByTestId('ballot-submit').click();
  const confirm = page.getByTestId('ballot-confirm-submit');
  await expect(confirm).toBeVisible();
  await confirm.click();
  await expect(page.getByTestId('ballot-locked')).toBeVisible(SLOW);
  await expect(page.getByTestId('proposal-ballot-form')).toHaveCount(0);
  await expect(page.getByTestId('acceptance-ballot-form')).toHaveCount(0);
}

export type ProposalScores = { necessity: number; feasibility: number; results: number };

/** Scores a proposal and submits the ballot (the seat must be declared already). */
export async function submitProposalBallot(
  page: Page,
  scores: ProposalScores,
  recommendation: 'APPROVE' | 'APPROVE_WITH_REVISIONS' | 'REJECT',
  comments: string,
) {
  const form = page.getByTestId('proposal-ballot-form');
  await expect(form).toBeVisible();
  for (const [key, value] of Object.entries(scores)) await form.getByTestId(`score-${key}`).fill(String(value));
  await expect(form.getByTestId('ballot-total')).toHaveText(String(scores.necessity + scores.feasibility + scores.results));
  await form.getByTestId('ballot-recommendation').selectOption(recommendation);
  await form.getByTestId('ballot-comments').fill(comments);
  await confirmBallot(page);
}

export type Rating = 'EXCELLENT' | 'PASS' | 'FAIL';

/** Rates every expected product, the final report and overall, then submits the acceptance ballot. */
export async function submitAcceptanceBallot(page: Page, rating: { products: Rating; report: Rating; overall: Rating }, comments: string) {
  const form = page.getByTestId('acceptance-ballot-form');
  await expect(form).toBeVisible();
  const products = form.locator('[data-testid^="product-rating-"]');
  const count = await products.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await form.getByTestId(`product-rating-${i}`).selectOption(rating.products);
  await form.getByTestId('report-rating').selectOption(rating.report);
  await form.getByTestId('overall-rating').selectOption(rating.overall);
  await form.getByTestId('ballot-comments').fill(comments);
  await confirmBallot(page);
}
