// The life of a task in the browser, through the organization's, the department's and the evaluators' screens.
// Each test creates (or picks) its own task; its users are logged in with their stored sessions, one browser context each.
import { DEMO } from './helpers';
import {
  COUNCIL_OF_FIVE,
  EVALUATOR_NAMES,
  ORG_USERS,
  ORG_USER_BY_NAME,
  SLOW,
  completeProposal,
  createDraft,
  decide,
  recordMeeting,
  decisionResult,
  deptStatus,
  expect,
  expectNoCouncilShown,
  fillProposalForm,
  fixture,
  formCouncil,
  openDepartmentTask,
  openFromQueue,
  openOrgTask,
  openSeatAndDeclare,
  proposeTask,
  stamp,
  submitAcceptanceBallot,
  submitProposal,
  submitProposalBallot,
  test,
  todayVn,
  upload,
  type ProposalScores,
  type Rating,
} from './lifecycle-helpers';

/** Today in Vietnam as YYYY-MM-DD (the value of a date input). */

/** The four members (of five) who vote; the fifth never opens the seat. */
const VOTERS = COUNCIL_OF_FIVE.slice(0, 4).map((s) => s.email);

test('a proposal goes from draft to accepted through the organization, the department and the council', async ({ actors }) => {
  test.setTimeout(6 * 60_000);
  const title = `Hệ thống giám sát chất lượng nước nuôi tôm bằng cảm biến giá rẻ ${stamp()}`;
  const approveNote = 'Đề nghị tổ chức chủ trì hoàn thiện dự toán theo kinh phí được duyệt trước khi ký hợp đồng.';
  const acceptNote = 'Kết quả được công nhận; đề nghị đăng ký kết quả trong 30 ngày.';
  const proposalComments = VOTERS.map((e, k) => `Nhận xét phiếu ${k + 1}: đề xuất cấp thiết, phương pháp phù hợp (${e.split('@')[0]}).`);
  const acceptanceComments = VOTERS.map((e, k) => `Nhận xét nghiệm thu ${k + 1}: sản phẩm đạt chỉ tiêu (${e.split('@')[0]}).`);

  // Organization: a complete draft answering the open 2027 call, the detailed proposal, submitted.
  const org = await actors.as(ORG_USERS.uni);
  const taskId = await createDraft(org, completeProposal(title));
  await upload(org, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await submitProposal(org);
  await expect(org.getByTestId('timeline')).toContainText('Nộp hồ sơ đề xuất');

  // Staff: finds it in the queue, forms the proposal council, starts the review.
  const staff = await actors.as(DEMO.staff);
  expect(await openFromQueue(staff, title)).toBe(taskId);
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'PROPOSED');
  await expect(staff.getByTestId('start-review-blocked')).toBeVisible();
  const pool = staff.getByTestId('council-form');
  // chuyengia04 works at the university (the host): shown with the reason, not selectable.
  await expect(pool.getByTestId('pool-row-chuyengia04@khcn.demo')).toHaveAttribute('data-ineligible', 'hostOrganization');
  await expect(pool.getByTestId('pool-row-chuyengia04@khcn.demo').getByTestId('ineligible-reason')).toHaveText(
    'Chuyên gia thuộc tổ chức chủ trì nhiệm vụ.',
  );
  await expect(pool.getByTestId('pick-chuyengia04@khcn.demo')).toBeDisabled();
  const proposalSeats = await formCouncil(staff, 'PROPOSAL', COUNCIL_OF_FIVE);
  await decide(staff, 'startReview');
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'UNDER_REVIEW', SLOW);
  // Approval is the leader's decision: staff see the result box and no decision form.
  await expect(staff.getByTestId('decision-approve')).toHaveCount(0);

  // Four of the five members declare no conflict, score and submit; the last one checks the others' ballots.
  const scores: ProposalScores[] = [
    { necessity: 13, feasibility: 42, results: 30 },
    { necessity: 12, feasibility: 40, results: 28 },
    { necessity: 14, feasibility: 45, results: 31 },
    { necessity: 11, feasibility: 38, results: 27 },
  ];
  for (const [k, email] of VOTERS.entries()) {
    const ev = await actors.as(email);
    await openSeatAndDeclare(ev, proposalSeats[email]);
    const last = k === VOTERS.length - 1;
    if (last) {
      await expect(ev.getByTestId('others-hidden')).toHaveText('Phiếu của các thành viên khác sẽ hiển thị sau khi bạn nộp phiếu của mình.');
      await expect(ev.getByTestId('others-ballots')).toHaveCount(0);
      for (const c of proposalComments.slice(0, k)) await expect(ev.getByText(c)).toHaveCount(0);
    }
    await submitProposalBallot(ev, scores[k], 'APPROVE', proposalComments[k]);
    if (last) {
      const others = ev.getByTestId('others-ballots');
      await expect(others).toBeVisible();
      await expect(ev.getByTestId('others-hidden')).toHaveCount(0);
      await expect(others.locator('[data-testid^="other-ballot-"][data-submitted="true"]')).toHaveCount(3);
      await expect(others.locator('[data-testid^="other-ballot-"][data-submitted="false"]')).toHaveCount(1);
      for (const c of proposalComments.slice(0, k)) await expect(others.getByText(c)).toBeVisible();
      await expect(others).toContainText(EVALUATOR_NAMES[VOTERS[0]]);
    }
  }

  // Meanwhile the organization sees its task under review, and nothing of the council.
  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'UNDER_REVIEW');
  await expectNoCouncilShown(org, proposalComments);

  // Leader: the council's result (quorum met, recommends approval), then the approval decision.
  const admin = await actors.as(DEMO.admin);
  await openDepartmentTask(admin, taskId);
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'UNDER_REVIEW');
  const result = decisionResult(admin);
  await expect(result).toHaveAttribute('data-quorum-met', 'true');
  await expect(result.getByTestId('council-quorum')).toContainText('4 / cần 4 (của 5 thành viên)');
  await expect(result.getByTestId('council-mean-score')).toContainText('82,75 (điểm đạt 70)');
  await expect(result.getByTestId('council-approvals')).toHaveText('4/4');
  await expect(result.getByTestId('council-outcome')).toHaveText('Đề nghị thực hiện');
  // The council has not met yet: its result is not valid, the decision waits for the meeting.
  await expect(result).toHaveAttribute('data-meeting-valid', 'false');
  await expect(admin.getByTestId('decision-approve-submit')).toBeDisabled();
  await expect(admin.getByTestId('task-actions')).toContainText('chưa có cuộc họp hợp lệ');
  await recordMeeting(admin, { online: [1] });
  await expect(result).toHaveAttribute('data-meeting-valid', 'true');
  const today = todayVn();
  await decide(admin, 'approve', {
    decisionNo: '215/QĐ-UBND',
    decisionDate: today,
    approvedBudget: '1.400.000.000',
    approvedDurationMonths: '18',
    note: approveNote,
  });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'APPROVED', SLOW);
  await expect(admin.getByTestId('task-code')).toHaveText(new RegExp(`^KHCN-${today.slice(0, 4)}-\\d{3}$`));
  const code = (await admin.getByTestId('task-code').textContent())!;

  // Staff: the contract (funded amount defaults to the approved budget) -> RUNNING.
  await openDepartmentTask(staff, taskId);
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'APPROVED');
  await expect(staff.locator('#contract-fundedAmount')).toHaveValue('1.400.000.000');
  await decide(staff, 'contract', { contractNo: '15/2026/HĐ-SKHCN', signedAt: today, startDate: today });
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'RUNNING', SLOW);

  // Organization: a progress report for the first due period, the acceptance files, the acceptance request.
  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'RUNNING');
  await expect(org.getByTestId('task-code')).toHaveText(code);
  const reportForm = org.getByTestId('progress-report-form');
  await expect(reportForm).toBeVisible();
  const firstDue = await org.getByTestId('report-periods').locator('tr').first().getAttribute('data-due');
  await expect(reportForm.getByTestId('report-due-date')).toHaveValue(firstDue!);
  await reportForm.locator('[name="amountSpent"]').fill('150.000.000');
  await reportForm
    .locator('[name="workDone"]')
    .fill('Đã hoàn thành tổng quan tài liệu, thiết kế sơ bộ hệ thống cảm biến và đặt mua linh kiện.');
  await reportForm.locator('[name="productsSoFar"]').fill('Báo cáo tổng quan; bản vẽ thiết kế sơ bộ.');
  await reportForm.getByTestId('submit-report').click();
  await expect(org.getByTestId('report-sent')).toBeVisible(SLOW);
  await expect(org.locator(`[data-testid="report-periods"] tr[data-due="${firstDue}"]`)).toContainText('Đã nộp', SLOW);

  await upload(org, 'FINAL_REPORT', fixture('bao-cao.pdf'));
  await upload(org, 'PRODUCT_EVIDENCE', { name: 'minh-chung-he-thong-giam-sat.pdf', from: fixture('thuyet-minh.pdf') });
  const acceptanceForm = org.getByTestId('acceptance-form');
  await expect(acceptanceForm.getByTestId('acceptance-file-FINAL_REPORT')).toHaveAttribute('data-present', 'true');
  await expect(acceptanceForm.getByTestId('acceptance-file-PRODUCT_EVIDENCE')).toHaveAttribute('data-present', 'true');
  await acceptanceForm
    .getByTestId('final-report-summary')
    .fill('Đã chế tạo và vận hành thử hệ thống giám sát chất lượng nước tại 02 cơ sở nuôi tôm trong 6 tháng.');
  await acceptanceForm
    .getByTestId('self-assessment')
    .fill('Hoàn thành đầy đủ nội dung và sản phẩm đăng ký; sai số đo dưới 5% như yêu cầu.');
  await acceptanceForm.getByTestId('request-acceptance').click();
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'ACCEPTANCE_REVIEW', SLOW);

  // Staff: the acceptance council of five.
  await openDepartmentTask(staff, taskId);
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'ACCEPTANCE_REVIEW');
  await expect(staff.getByTestId('progress-report')).toHaveAttribute('data-status', 'SUBMITTED');
  const acceptanceSeats = await formCouncil(staff, 'ACCEPTANCE', COUNCIL_OF_FIVE);

  // Four members rate: three Excellent, one Pass, no Fail.
  const ratings: Rating[] = ['EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'PASS'];
  for (const [k, email] of VOTERS.entries()) {
    const ev = await actors.as(email);
    await openSeatAndDeclare(ev, acceptanceSeats[email]);
    await expect(ev.getByTestId('product-rating-0')).toBeVisible();
    await submitAcceptanceBallot(ev, { products: ratings[k], report: ratings[k], overall: ratings[k] }, acceptanceComments[k]);
  }

  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'ACCEPTANCE_REVIEW');
  await expectNoCouncilShown(org, acceptanceComments);

  // Leader: the grade is Excellent; acceptance recorded.
  await openDepartmentTask(admin, taskId);
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'ACCEPTANCE_REVIEW');
  const acceptance = decisionResult(admin);
  await expect(acceptance).toHaveAttribute('data-quorum-met', 'true');
  await expect(acceptance.getByTestId('council-rating-counts')).toHaveText('Xuất sắc: 3 · Đạt: 1 · Không đạt: 0');
  await expect(acceptance.getByTestId('council-grade')).toHaveText('Xuất sắc');
  await recordMeeting(admin);
  await expect(admin.getByTestId('accept-grade')).toContainText('Xuất sắc');
  await decide(admin, 'accept', { decisionNo: '412/QĐ-SKHCN', decisionDate: today, note: acceptNote });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'ACCEPTED', SLOW);

  // Organization: ACCEPTED, graded Excellent, the notes meant for it, and never a council or a ballot.
  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'ACCEPTED');
  await expect(org.getByTestId('acceptance-grade')).toHaveText('Xuất sắc');
  const timeline = org.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-note').filter({ hasText: approveNote })).toHaveCount(1);
  await expect(timeline.getByTestId('timeline-note').filter({ hasText: acceptNote })).toHaveCount(1);
  for (const step of ['Nộp hồ sơ đề xuất', 'Phê duyệt', 'Ký hợp đồng', 'Đề nghị nghiệm thu', 'Công nhận kết quả nghiệm thu']) {
    await expect(timeline).toContainText(step);
  }
  await expectNoCouncilShown(org, [...proposalComments, ...acceptanceComments]);

  // The organization was notified of the decision.
  await expect(org.getByTestId('unread-count')).toBeVisible();
  await org.getByTestId('notification-bell').click();
  await expect(org).toHaveURL(/\/org\/notifications$/);
  await expect(org.getByTestId('notification-list')).toContainText(`Nhiệm vụ “${title}” đã được công nhận kết quả nghiệm thu.`);
});

test('a proposal the council scores low is rejected, and the organization reads the reason', async ({ actors }) => {
  test.setTimeout(3 * 60_000);
  const title = `Nghiên cứu chọn tạo giống lạc chịu hạn cho vùng cát ven biển ${stamp()}`;
  const reason = 'Hội đồng đánh giá nội dung trùng lặp với nhiệm vụ đã triển khai, tính mới chưa rõ; điểm trung bình dưới mức đạt.';
  const org = await actors.as(ORG_USERS.agri);
  const taskId = await proposeTask(org, title);

  const staff = await actors.as(DEMO.staff);
  expect(await openFromQueue(staff, title)).toBe(taskId);
  // chuyengia08 works at the agriculture institute (the host).
  await expect(staff.getByTestId('pool-row-chuyengia08@khcn.demo')).toHaveAttribute('data-ineligible', 'hostOrganization');
  await expect(staff.getByTestId('pick-chuyengia08@khcn.demo')).toBeDisabled();
  const seats = await formCouncil(staff, 'PROPOSAL', COUNCIL_OF_FIVE);
  await decide(staff, 'startReview');
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'UNDER_REVIEW', SLOW);

  const low: ProposalScores[] = [
    { necessity: 5, feasibility: 20, results: 15 },
    { necessity: 6, feasibility: 22, results: 14 },
    { necessity: 4, feasibility: 18, results: 12 },
    { necessity: 7, feasibility: 25, results: 18 },
  ];
  for (const [k, email] of VOTERS.entries()) {
    const ev = await actors.as(email);
    await openSeatAndDeclare(ev, seats[email]);
    await submitProposalBallot(ev, low[k], 'REJECT', `Tính mới chưa thuyết phục (phiếu ${k + 1}).`);
  }

  const admin = await actors.as(DEMO.admin);
  await openDepartmentTask(admin, taskId);
  const result = decisionResult(admin);
  await expect(result).toHaveAttribute('data-quorum-met', 'true');
  await expect(result.getByTestId('council-mean-score')).toContainText('41,5 (điểm đạt 70)');
  await expect(result.getByTestId('council-approvals')).toHaveText('0/4');
  await expect(result.getByTestId('council-outcome')).toHaveText('Đề nghị không thực hiện');
  await recordMeeting(admin);
  await decide(admin, 'reject', { reason });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'REJECTED', SLOW);

  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'REJECTED');
  await expect(org.getByTestId('timeline')).toContainText('Không phê duyệt');
  await expect(org.getByTestId('timeline').getByTestId('timeline-note').filter({ hasText: reason })).toHaveCount(1);
  await expect(org.getByTestId('submit-task')).toHaveCount(0);
  await expect(org.getByTestId('council')).toHaveCount(0);
  await expect(org.getByTestId('task-code')).toHaveText('Chưa cấp mã');
});

test('an acceptance council rating Fail: acceptance is unavailable and the leader records the failure', async ({ actors }) => {
  test.setTimeout(3 * 60_000);
  // A seeded APPROVED task (minhphat's when still approved), and the user of its host organization.
  const staff = await actors.as(DEMO.staff);
  await staff.goto('/department/tasks?status=APPROVED');
  const rows = staff.getByTestId('queue-rows').locator('tr[data-status="APPROVED"]');
  await expect(rows.first()).toBeVisible();
  const preferred = rows.filter({ hasText: 'Công ty TNHH Cơ khí Chính xác Minh Phát' });
  const row = (await preferred.count()) > 0 ? preferred.first() : rows.first();
  const taskId = (await row.getAttribute('data-task-id'))!;
  const hostName = (await row.locator('td').nth(2).textContent())!.trim();
  const orgEmail = ORG_USER_BY_NAME[hostName];
  expect(orgEmail, hostName).toBeTruthy();
  const failNote = 'Sản phẩm chính chưa đạt yêu cầu chất lượng đã đăng ký trong hợp đồng; báo cáo tổng hợp thiếu số liệu kiểm định.';

  await openDepartmentTask(staff, taskId);
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'APPROVED');
  await decide(staff, 'contract', { contractNo: `${stamp()}/HĐ-SKHCN` });
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'RUNNING', SLOW);

  const org = await actors.as(orgEmail);
  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'RUNNING');
  await upload(org, 'FINAL_REPORT', fixture('bao-cao.pdf'));
  await upload(org, 'PRODUCT_EVIDENCE', { name: 'minh-chung-nghiem-thu.pdf', from: fixture('thuyet-minh.pdf') });
  const acceptanceForm = org.getByTestId('acceptance-form');
  await expect(acceptanceForm.getByTestId('acceptance-file-PRODUCT_EVIDENCE')).toHaveAttribute('data-present', 'true');
  await acceptanceForm
    .getByTestId('final-report-summary')
    .fill('Đã hoàn thành chế tạo mẫu thiết bị và chạy thử tại xưởng của doanh nghiệp.');
  await acceptanceForm.getByTestId('self-assessment').fill('Tổ chức chủ trì tự đánh giá: hoàn thành phần lớn nội dung đăng ký.');
  await acceptanceForm.getByTestId('request-acceptance').click();
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'ACCEPTANCE_REVIEW', SLOW);

  await openDepartmentTask(staff, taskId);
  const seats = await formCouncil(staff, 'ACCEPTANCE', COUNCIL_OF_FIVE);
  for (const [k, email] of VOTERS.entries()) {
    const ev = await actors.as(email);
    await openSeatAndDeclare(ev, seats[email]);
    await submitAcceptanceBallot(
      ev,
      { products: 'FAIL', report: 'FAIL', overall: 'FAIL' },
      `Sản phẩm chưa đạt chỉ tiêu chất lượng (phiếu ${k + 1}).`,
    );
  }

  const admin = await actors.as(DEMO.admin);
  await openDepartmentTask(admin, taskId);
  const result = decisionResult(admin);
  await expect(result).toHaveAttribute('data-quorum-met', 'true');
  await expect(result.getByTestId('council-grade')).toHaveText('Không đạt');
  await recordMeeting(admin);
  await expect(admin.getByTestId('accept-grade')).toContainText('Không đạt');
  await expect(admin.getByText('Chỉ công nhận nghiệm thu khi hội đồng xếp loại Đạt hoặc Xuất sắc.')).toBeVisible();
  await expect(admin.getByTestId('decision-accept-submit')).toBeDisabled();
  await decide(admin, 'fail', { decisionNo: '455/QĐ-SKHCN', decisionDate: todayVn(), note: failNote });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'NOT_ACCEPTED', SLOW);

  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'NOT_ACCEPTED');
  await expect(org.getByTestId('acceptance-grade')).toHaveText('Không đạt');
  await expect(org.getByTestId('timeline').getByTestId('timeline-note').filter({ hasText: failNote })).toHaveCount(1);
});

test('a submission answering a closed call is refused and the task stays a draft', async ({ actors }) => {
  const title = `Ứng dụng vật liệu nano xử lý nước nhiễm phèn ${stamp()}`;
  const org = await actors.as(ORG_USERS.uni);
  const taskId = await createDraft(org, completeProposal(title, 'năm 2026'));
  await expect(org.getByTestId('task-dossier')).toContainText(
    'Thông báo tuyển chọn, giao trực tiếp tổ chức và cá nhân thực hiện nhiệm vụ KH&CN cấp tỉnh năm 2026',
  );
  await upload(org, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await org.getByTestId('submit-task').click();
  await expect(org.getByTestId('form-error')).toHaveText('Thông báo tuyển chọn đã hết hạn nhận hồ sơ, không thể nộp hồ sơ.', SLOW);
  await expect(org.getByTestId('submit-errors')).toHaveCount(0);
  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'DRAFT');
  await expect(org.getByTestId('timeline')).not.toContainText('Nộp hồ sơ đề xuất');
});

test("an organization opening another organization's task or attachment gets 404", async ({ actors }) => {
  const staff = await actors.as(DEMO.staff);
  await staff.goto('/department/tasks');
  const filter = staff.getByTestId('queue-filter');
  await filter.locator('select[name="organizationId"]').selectOption({ label: 'Viện Nghiên cứu Nông nghiệp Duyên hải' });
  await filter.getByRole('button', { name: 'Lọc' }).click();
  await expect(staff).toHaveURL(/organizationId=/);
  const firstRow = staff.getByTestId('queue-rows').locator('tr').first();
  await expect(firstRow).toContainText('Viện Nghiên cứu Nông nghiệp Duyên hải');
  const href = (await firstRow.getByTestId('queue-link').getAttribute('href'))!;
  const taskId = href.split('/').pop()!;

  await openDepartmentTask(staff, taskId);
  const attachmentHref = (await staff.getByTestId('attachments').locator('a[href^="/api/attachments/"]').first().getAttribute('href'))!;
  const own = await staff.request.get(attachmentHref);
  expect(own.status()).toBe(200); // the department may download it
  expect(own.headers()['content-type']).toContain('application/pdf');

  const org = await actors.as(ORG_USERS.uni);
  for (const path of [`/org/tasks/${taskId}`, `/org/tasks/${taskId}/edit`]) {
    const response = await org.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(org.getByTestId('not-found')).toBeVisible();
    await expect(org.getByTestId('task-heading')).toHaveCount(0);
  }
  const download = await org.request.get(attachmentHref);
  expect(download.status()).toBe(404);
});

test('bad input in the browser: a fake PDF, a missing detailed proposal, a budget that does not add up', async ({ actors }) => {
  const title = `Số hóa quy trình kiểm định phương tiện đo nhóm 2 ${stamp()}`;
  const org = await actors.as(ORG_USERS.uni);
  await org.goto('/org');
  await org.getByTestId('new-task').click();
  const proposal = completeProposal(title);
  // Budget: 800 000 000 + 100 000 000 is not the 1 000 000 000 total.
  await fillProposalForm(org, {
    ...proposal,
    fields: { ...proposal.fields, budgetTotal: '1.000.000.000', budgetState: '800.000.000', budgetOther: '100.000.000' },
  });
  await org.getByTestId('save-draft').click();
  const budgetError = org.locator('[data-field-error="budgetTotal"]');
  await expect(budgetError).toHaveText('Tổng kinh phí phải bằng ngân sách nhà nước cộng nguồn khác.');
  await expect(org.getByTestId('task-form').locator('[name="budgetTotal"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(org).toHaveURL(/\/org\/tasks\/new$/);
  await org.getByTestId('task-form').locator('[name="budgetOther"]').fill('200.000.000');
  await org.getByTestId('save-draft').click();
  await org.waitForURL((url) => /^\/org\/tasks\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'), SLOW);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'DRAFT');
  await expect(org.getByTestId('budget-total')).toContainText('1.000.000.000');

  // Submitting without the detailed proposal: the missing file is said beside the actions (the fields are complete).
  await org.getByTestId('submit-task').click();
  const missing = org.getByTestId('submit-errors');
  await expect(missing).toBeVisible(SLOW);
  await expect(missing).toHaveAttribute('data-field', 'attachments');
  await expect(missing).toHaveText('Thuyết minh chi tiết: Cần đính kèm thuyết minh chi tiết.');
  await expect(org.getByTestId('form-error')).toHaveText('Chưa thể nộp hồ sơ: còn thiếu thông tin bắt buộc hoặc thuyết minh chi tiết.');
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'DRAFT');

  // An executable renamed .pdf is refused by its content.
  const uploadForm = org.getByTestId('upload-form');
  await uploadForm.getByTestId('upload-kind').selectOption('PROPOSAL_DOC');
  await uploadForm.getByTestId('upload-file').setInputFiles(fixture('gia-mao.pdf'));
  await uploadForm.getByTestId('upload-submit').click();
  await expect(uploadForm.getByTestId('upload-error')).toHaveText(
    'Chỉ chấp nhận tệp PDF, DOCX, XLSX, PNG hoặc JPEG (kiểm tra theo nội dung tệp).',
    SLOW,
  );
  await expect(uploadForm.getByTestId('upload-done')).toHaveCount(0);
  await org.reload();
  await expect(org.getByTestId('attachments')).toHaveCount(0);
  await expect(org.getByText('Chưa có tệp đính kèm.')).toBeVisible();

  // With the real document the same draft is submitted.
  await upload(org, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await submitProposal(org);
});

test('staff return a proposal with a comment; the organization edits and resubmits it', async ({ actors }) => {
  const title = `Xây dựng mô hình trường học số cho các trường cao đẳng nghề ${stamp()}`;
  const comment = 'Đề nghị làm rõ mục tiêu cụ thể (chỉ tiêu định lượng) và bổ sung phương án chuyển giao kết quả.';
  const revised = 'Mục tiêu cụ thể: số hóa 100% học liệu của 05 ngành nghề trọng điểm; 02 trường áp dụng thử nghiệm.';
  const org = await actors.as(ORG_USERS.college);
  const taskId = await proposeTask(org, title);
  await openOrgTask(org, taskId);
  const unread = org.getByTestId('unread-count');
  const unreadBefore = (await unread.count()) ? Number(await unread.textContent()) : 0;

  const staff = await actors.as(DEMO.staff);
  expect(await openFromQueue(staff, title)).toBe(taskId);
  await decide(staff, 'return', { comment });
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'RETURNED', SLOW);

  await openOrgTask(org, taskId);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'RETURNED');
  await expect(org.getByTestId('returned-comment')).toHaveText(comment);
  await expect(unread).toHaveText(String(unreadBefore + 1));

  await org.getByTestId('edit-task').click();
  await expect(org).toHaveURL(new RegExp(`/org/tasks/${taskId}/edit$`));
  const form = org.getByTestId('task-form');
  await expect(form.locator('[name="title"]')).toHaveValue(title);
  await form.locator('[name="objectives"]').fill(revised);
  await form.getByTestId('save-draft').click();
  await org.waitForURL(new RegExp(`/org/tasks/${taskId}$`), SLOW);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'RETURNED');
  await expect(org.getByTestId('task-dossier')).toContainText(revised);
  await expect(org.getByTestId('submit-task')).toHaveText('Nộp lại hồ sơ');
  await submitProposal(org);
  await expect(org.getByTestId('returned-comment')).toHaveCount(0);
  await expect(org.getByTestId('timeline')).toContainText('Nộp lại hồ sơ');
  await expect(org.getByTestId('timeline').getByTestId('timeline-note').filter({ hasText: comment })).toHaveCount(1);

  await openDepartmentTask(staff, taskId);
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'PROPOSED');
  await expect(staff.getByTestId('task-dossier')).toContainText(revised);
});

test('a submission missing required content opens the form with each message on its field, and "save and submit" sends it', async ({
  actors,
}) => {
  const title = `Đánh giá tác động của mặn hóa đến vùng trồng lúa ven biển ${stamp()}`;
  const org = await actors.as(ORG_USERS.uni);
  const taskId = await createDraft(org, { title });
  await upload(org, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await org.getByTestId('submit-task').click();

  // The refusal lands on the form's own fields, from the same "ready to submit" rule the server applies.
  await org.waitForURL(new RegExp(`/org/tasks/${taskId}/edit\\?check=1$`), SLOW);
  await expect(org.getByTestId('submission-problems')).toBeVisible();
  const form = org.getByTestId('task-form');
  for (const field of ['type', 'field', 'piName', 'piEmail', 'objectives', 'budgetTotal', 'proposedStart']) {
    await expect(form.locator(`[data-field-error="${field}"]`), field).toHaveText('Bắt buộc khi nộp hồ sơ.');
    await expect(form.locator(`[name="${field}"]`), field).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(form.locator('[data-field-error="expectedProducts"]')).toHaveText('Bắt buộc khi nộp hồ sơ.');

  // Completing the form and choosing "save and submit": saved, then submitted, in one step.
  const proposal = completeProposal(title);
  await fillProposalForm(org, { ...proposal, title });
  await org.getByTestId('save-and-submit').click();
  await org.waitForURL(new RegExp(`/org/tasks/${taskId}$`), SLOW);
  await expect(org.getByTestId('task-status')).toHaveAttribute('data-status', 'PROPOSED', SLOW);
});
