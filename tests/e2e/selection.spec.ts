// The department's year in the browser, end to end (issue 8): a needs proposal goes through the identification
// council and UBND's list to a listed task; staff put it (and an urgent task assigned directly) to a selection
// notice; two organizations compete; the selection council meets and ranks them; the leader selects one, the other
// is not selected; the selected one is revised per the council, appraised and approved with the appraised amounts,
// contracted, and accepted after its acceptance council's meeting. The direct assignment is its organization's alone.
import type { Route } from '@playwright/test';
import { DEMO } from './helpers';
import {
  COUNCIL_OF_FIVE,
  decide,
  deptStatus,
  expect,
  fixture,
  formCouncil,
  openDepartmentTask,
  openSeatAndDeclare,
  recordMeeting,
  ORG_USERS,
  SLOW,
  stamp,
  submitAcceptanceBallot,
  submitProposalBallot,
  test,
  todayVn,
  upload,
} from './lifecycle-helpers';
import { identifyAndList, listUrgent, registerDossier } from './year-helpers';

test('a needs proposal becomes a listed task, two organizations compete for it, the selected one is revised, appraised, approved, contracted and accepted; a direct assignment is its organization’s alone', async ({
  actors,
}) => {
  test.setTimeout(20 * 60_000);
  const tag = stamp();
  const admin = await actors.as(DEMO.admin);
  const { listedId: selectionId, title: selectionTitle } = await identifyAndList(actors, tag);
  const directTitle = `Quan trắc chất lượng nước hồ chứa phục vụ cấp nước sinh hoạt ${tag}`;
  const directId = await listUrgent(admin, directTitle, 'Trường Đại học An Phú');

  // Staff publish a selection notice and put both tasks to it.
  const staff = await actors.as(DEMO.staff);
  const noticeTitle = `Thông báo tuyển chọn, giao trực tiếp nhiệm vụ năm 2029 (${tag})`;
  await staff.goto('/department/calls/new');
  await staff.getByTestId('call-kind').selectOption('SELECTION');
  await staff.getByTestId('call-title').fill(noticeTitle);
  await staff.getByTestId('call-year').fill('2029');
  await staff.getByTestId('call-opens-at').fill('2026-01-01T08:00');
  await staff.getByTestId('call-closes-at').fill('2099-12-31T17:00');
  await staff.getByTestId('call-form').getByTestId('call-submit').click();
  await expect(staff).toHaveURL(/\/department\/calls$/, SLOW);
  await staff.goto('/department/listed-tasks');
  // The form is fetched on demand: when the connection drops just then, the list says so in place and a retry loads it.
  const offline = (route: Route) => route.abort('internetdisconnected');
  await staff.route('**/_next/static/chunks/**', offline);
  await staff.getByTestId('listed-open-start').click();
  await expect(staff.getByTestId('load-failed')).toContainText('Chưa tải được biểu mẫu', SLOW);
  await staff.unroute('**/_next/static/chunks/**', offline);
  await staff.getByTestId('load-failed').getByRole('button', { name: 'Thử lại' }).click();
  const openForm = staff.getByTestId('listed-open-form');
  const notice = openForm.getByTestId('listed-open-notice');
  await notice.selectOption((await notice.locator('option', { hasText: noticeTitle }).getAttribute('value'))!);
  await openForm.getByTestId(`open-${selectionId}`).check();
  await openForm.getByTestId(`open-${directId}`).check();
  await staff.getByTestId('listed-open-submit').click();
  await expect(staff.getByTestId('listed-rows').locator(`tr[data-listed-id="${selectionId}"]`)).toHaveAttribute(
    'data-status',
    'OPEN',
    SLOW,
  );
  await expect(staff.getByTestId('listed-rows').locator(`tr[data-listed-id="${directId}"]`)).toHaveAttribute('data-status', 'OPEN');

  // Another organization sees the direct assignment without a way to register for it.
  const agri = await actors.as(ORG_USERS.agri);
  await agri.goto('/org/listed-tasks');
  const directCard = agri.getByTestId(`org-listed-${directId}`);
  await expect(directCard).toContainText('Giao trực tiếp cho Trường Đại học An Phú');
  await expect(directCard.getByTestId('org-listed-register')).toHaveCount(0);

  // It competes for the task put to selection: the dossier answers the task's notice and is submitted.
  const agriDossier = await registerDossier(agri, selectionId, selectionTitle);
  await expect(agri.getByTestId('task-listed')).toContainText(selectionTitle);
  await upload(agri, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await agri.getByTestId('submit-task').click();
  await expect(agri.getByTestId('task-status')).toHaveAttribute('data-status', 'PROPOSED', SLOW);
  await agri.goto('/org/listed-tasks');
  await expect(agri.getByTestId(`org-listed-${selectionId}`).getByTestId('org-listed-own')).toBeVisible();

  // The university competes for the same task and may register for the one assigned to it.
  const uni = await actors.as(ORG_USERS.uni);
  const uniDossier = await registerDossier(uni, selectionId, selectionTitle);
  await upload(uni, 'PROPOSAL_DOC', fixture('thuyet-minh.pdf'));
  await uni.getByTestId('submit-task').click();
  await expect(uni.getByTestId('task-status')).toHaveAttribute('data-status', 'PROPOSED', SLOW);
  await uni.goto('/org/listed-tasks');
  await expect(uni.getByTestId(`org-listed-${directId}`).getByTestId('org-listed-register')).toBeVisible();
  // It never sees the competitor's dossier.
  const response = await uni.goto(`/org/tasks/${agriDossier}`);
  expect(response?.status()).toBe(404);

  // While the notice receives dossiers, no council; staff close it (its closing time moved to the past).
  const selectionUrl = `/department/listed-tasks/${selectionId}`;
  await staff.goto(selectionUrl);
  await expect(staff.getByTestId('selection-council-form')).toHaveCount(0);
  await staff.goto('/department/calls');
  await staff.getByTestId('call-link').filter({ hasText: noticeTitle }).click();
  await staff.getByTestId('call-closes-at').fill('2026-11-01T17:00');
  await staff.getByTestId('call-form').getByTestId('call-submit').click();
  await expect(staff.getByTestId('call-form')).toContainText('Đã lưu.', SLOW);

  // One selection council for both dossiers.
  await staff.goto(selectionUrl);
  const form = staff.getByTestId('selection-council-form');
  const userIds: Record<string, string> = {};
  for (const s of COUNCIL_OF_FIVE) {
    const row = form.getByTestId(`pool-row-${s.email}`);
    await expect(row).not.toHaveAttribute('data-ineligible', /.+/);
    userIds[s.email] = (await row.getAttribute('data-user-id'))!;
    await form.getByTestId(`pick-${s.email}`).check();
    await form.getByTestId(`position-${s.email}`).selectOption(s.position);
  }
  await staff.getByTestId('selection-council-submit').click();
  await expect(staff.getByTestId('selection-members')).toBeVisible(SLOW);
  // The dossier's own page sends the department to the listed task's selection.
  const seats: Record<string, Record<string, string>> = {};
  for (const dossier of [agriDossier, uniDossier]) {
    await staff.goto(`/department/tasks/${dossier}`);
    await expect(staff.getByTestId('selection-elsewhere')).toBeVisible();
    const council = staff.locator('[data-testid="council"][data-stage="PROPOSAL"][data-status="ACTIVE"]');
    seats[dossier] = {};
    for (const s of COUNCIL_OF_FIVE)
      seats[dossier][s.email] = (await council
        .locator(`[data-testid="council-member"][data-user-id="${userIds[s.email]}"]`)
        .getAttribute('data-member-id'))!;
  }

  // Four of the five members declare and score each dossier: the institute's scores higher.
  for (const s of COUNCIL_OF_FIVE.slice(0, 4)) {
    const evaluator = await actors.as(s.email);
    await openSeatAndDeclare(evaluator, seats[agriDossier][s.email]);
    await submitProposalBallot(evaluator, { necessity: 13, feasibility: 44, results: 28 }, 'APPROVE', 'Hồ sơ tốt, phương án khả thi.');
    await openSeatAndDeclare(evaluator, seats[uniDossier][s.email]);
    await submitProposalBallot(evaluator, { necessity: 12, feasibility: 38, results: 25 }, 'APPROVE', 'Hồ sơ đạt yêu cầu.');
  }

  // The ranking recommends the institute's dossier; staff cannot decide; the leader selects it.
  await staff.goto(selectionUrl);
  const rows = staff.getByTestId('selection-dossiers');
  await expect(rows.locator(`tr[data-task-id="${agriDossier}"]`)).toHaveAttribute('data-recommended', 'true');
  await expect(rows.locator(`tr[data-task-id="${agriDossier}"]`)).toHaveAttribute('data-rank', '1');
  await expect(rows.locator(`tr[data-task-id="${uniDossier}"]`)).toHaveAttribute('data-rank', '2');
  await expect(staff.getByTestId('selection-decide-form')).toHaveCount(0);
  // The selection council meets once for both dossiers; the decision opens only then.
  await recordMeeting(staff, { scope: staff.getByTestId('selection-meetings') });
  await admin.goto(selectionUrl);
  const decideForm = admin.getByTestId('selection-decide-form');
  await expect(decideForm.getByTestId('selection-selected')).toHaveValue(agriDossier);
  await admin.getByTestId('selection-decide-submit').click();
  await expect(admin.getByTestId('selection-status')).toHaveAttribute('data-status', 'ASSIGNED', SLOW);
  await expect(admin.getByTestId('selection-decided').locator(`tr[data-task-id="${agriDossier}"]`)).toHaveAttribute(
    'data-status',
    'SELECTED',
  );
  await expect(admin.getByTestId('selection-decided').locator(`tr[data-task-id="${uniDossier}"]`)).toHaveAttribute(
    'data-status',
    'NOT_SELECTED',
  );

  // Each organization sees its own outcome: the university its score and rank, nothing of the other.
  await uni.goto(`/org/tasks/${uniDossier}`);
  await expect(uni.getByTestId('task-status')).toHaveAttribute('data-status', 'NOT_SELECTED');
  await expect(uni.getByTestId('task-selection')).toHaveText('Điểm trung bình 75, xếp hạng 2');

  // Revision per the council's conclusions: staff require it, the institute sends the revised proposal back.
  await openDepartmentTask(staff, agriDossier);
  await decide(staff, 'requireRevision', {
    note: 'Hoàn thiện thuyết minh: bổ sung phương án chuyển giao cho hợp tác xã theo kết luận của hội đồng.',
  });
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'REVISING', SLOW);
  await agri.goto(`/org/tasks/${agriDossier}`);
  await expect(agri.getByTestId('task-status')).toHaveAttribute('data-status', 'REVISING');
  await expect(agri.getByTestId('revision-note')).toContainText('phương án chuyển giao');
  // Sending without a revised detailed proposal is refused, with the reason beside the files.
  await agri.getByTestId('submit-revision').click();
  await expect(agri.getByTestId('submit-errors')).toContainText('thuyết minh đã hoàn thiện', SLOW);
  await upload(agri, 'PROPOSAL_DOC', { name: 'thuyet-minh-hoan-thien.pdf', from: fixture('thuyet-minh.pdf') });
  await agri.getByTestId('submit-revision').click();
  await expect(agri.getByTestId('task-status')).toHaveAttribute('data-status', 'SELECTED', SLOW);

  // The appraisal: remarks, the state budget item by item; above the request needs a reason (said on the field).
  await openDepartmentTask(staff, agriDossier);
  const appraisal = staff.getByTestId('appraisal-form');
  await appraisal.getByTestId('appraisal-remarks').fill('Nội dung phù hợp mục tiêu đặt hàng; giảm khối lượng thí nghiệm lặp lại.');
  const items = appraisal.getByTestId('appraisal-item');
  while ((await items.count()) > 2) await items.last().getByRole('button').click();
  await items.nth(0).locator('input').nth(1).fill('9.000.000.000');
  await items.nth(0).locator('input').nth(2).fill('9.000.000.000');
  await items.nth(1).locator('input').nth(1).fill('200.000.000');
  await items.nth(1).locator('input').nth(2).fill('150.000.000');
  await appraisal.getByTestId('appraisal-submit').click();
  await expect(appraisal.locator('#appraisal-overRequestReason-error')).toContainText('nêu lý do', SLOW);
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'SELECTED');
  await items.nth(0).locator('input').nth(1).fill('650.000.000');
  await items.nth(0).locator('input').nth(2).fill('600.000.000');
  await appraisal.getByTestId('appraisal-submit').click();
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'APPRAISED', SLOW);
  await expect(staff.getByTestId('appraised-budget')).toContainText('750.000.000');

  // The leader approves with the appraised amounts; the task gets its code.
  await openDepartmentTask(admin, agriDossier);
  await decide(admin, 'approveAppraised', { decisionNo: '1620/QĐ-SKHCN' });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'APPROVED', SLOW);
  await agri.goto(`/org/tasks/${agriDossier}`);
  await expect(agri.getByTestId('task-status')).toHaveAttribute('data-status', 'APPROVED');
  await expect(agri.getByTestId('appraised-budget')).toContainText('750.000.000');

  // The contract, then the institute reports its results and asks for acceptance.
  const today = todayVn();
  await openDepartmentTask(staff, agriDossier);
  await expect(staff.locator('#contract-fundedAmount')).toHaveValue('750.000.000');
  await decide(staff, 'contract', { contractNo: '21/2029/HĐ-SKHCN', signedAt: today, startDate: today });
  await expect(deptStatus(staff)).toHaveAttribute('data-status', 'RUNNING', SLOW);
  await agri.goto(`/org/tasks/${agriDossier}`);
  await upload(agri, 'FINAL_REPORT', fixture('bao-cao.pdf'));
  await upload(agri, 'PRODUCT_EVIDENCE', { name: 'minh-chung-chuoi-duoc-lieu.pdf', from: fixture('thuyet-minh.pdf') });
  const acceptanceForm = agri.getByTestId('acceptance-form');
  await acceptanceForm
    .getByTestId('final-report-summary')
    .fill('Đã xây dựng chuỗi liên kết sản xuất, tiêu thụ dược liệu tại 03 hợp tác xã.');
  await acceptanceForm.getByTestId('self-assessment').fill('Hoàn thành đầy đủ nội dung và sản phẩm theo thuyết minh đã hoàn thiện.');
  await acceptanceForm.getByTestId('request-acceptance').click();
  await expect(agri.getByTestId('task-status')).toHaveAttribute('data-status', 'ACCEPTANCE_REVIEW', SLOW);

  // The acceptance council meets and rates it Pass; the leader records the acceptance.
  await openDepartmentTask(staff, agriDossier);
  const acceptanceSeats = await formCouncil(staff, 'ACCEPTANCE', COUNCIL_OF_FIVE);
  for (const s of COUNCIL_OF_FIVE.slice(0, 4)) {
    const evaluator = await actors.as(s.email);
    await openSeatAndDeclare(evaluator, acceptanceSeats[s.email]);
    await submitAcceptanceBallot(evaluator, { products: 'PASS', report: 'PASS', overall: 'PASS' }, 'Sản phẩm đạt yêu cầu đặt hàng.');
  }
  await openDepartmentTask(admin, agriDossier);
  await recordMeeting(admin);
  await decide(admin, 'accept', { decisionNo: '530/QĐ-SKHCN', decisionDate: today, note: 'Nghiệm thu đạt.' });
  await expect(deptStatus(admin)).toHaveAttribute('data-status', 'ACCEPTED', SLOW);
  await agri.goto(`/org/tasks/${agriDossier}`);
  await expect(agri.getByTestId('task-status')).toHaveAttribute('data-status', 'ACCEPTED');
});
