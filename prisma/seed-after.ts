// The life after acceptance in the demo data (domain.md, "After acceptance"): result registrations, contract
// liquidations and the yearly application reports of the seeded closed tasks, plus two older tasks accepted in 2022
// and 2023 whose application reports run over several years. Runs after the rest of the seed: it changes no task's
// status or dates, so the year's figures stay as prisma/seed-year.ts sets them.
//
// What a newcomer sees on 30/11/2026 (the seed's "today"):
// - most accepted tasks registered (certificate number and date); one registration awaiting the department, one
//   returned for completion, a few never submitted (the department's overdue list);
// - the contracts of most closed tasks liquidated, one accepted task's with a refund of its unspent money, the
//   failed and the terminated tasks' with refunds; one or two liquidations overdue;
// - application reports: the 2022 task has reported three years (reviewed) and misses the fourth (overdue), the
//   2023 task two years reviewed and its third awaiting review; the oldest 2025 task its first year.
// - the University of An Phú's task KHCN-2023-009 (the demo organization account's) is left untouched: it owes its
//   registration (the organization's home shows it), and the browser tests walk it through every step.
import type { Db } from '../lib/server/prisma-client';
import { LIQUIDABLE, applicationDueDates, closingDate } from '../lib/domain/after-acceptance';
import { addDays, atVn, dateOnly, demoPdf, isoDay, storeDemoFile, type SeedTx as Tx } from './seed-util';

/** The seed's "today": what is due and overdue is judged on this day. */
const SEED_TODAY = dateOnly('2026-11-30');
/** The task the browser tests take through registration, liquidation and the first application report. */
export const UNTOUCHED_TASK_CODE = 'KHCN-2023-009';

const million = (n: number) => BigInt(Math.round(n)) * 1_000_000n;
const roundMillion = (v: bigint) => (v / 1_000_000n) * 1_000_000n;
const minDate = (a: Date, b: Date) => (a < b ? a : b);

type Legacy = {
  code: string;
  org: string;
  title: string;
  field: 'AGRICULTURAL' | 'ENGINEERING';
  year: number;
  approvedAt: string;
  contractAt: string;
  start: string;
  end: string;
  requestedAt: string;
  acceptedAt: string;
  budget: number;
  grade: 'EXCELLENT' | 'PASS';
};

// Two tasks from before the app (their records kept for the five years of application reports).
const LEGACY: Legacy[] = [
  {
    code: 'KHCN-2020-001',
    org: 'agri',
    title: 'Nghiên cứu chọn tạo giống lúa chịu mặn ngắn ngày cho vùng ven biển tỉnh An Phú',
    field: 'AGRICULTURAL',
    year: 2020,
    approvedAt: '2020-01-15',
    contractAt: '2020-02-03',
    start: '2020-02-15',
    end: '2021-12-31',
    requestedAt: '2022-01-12',
    acceptedAt: '2022-03-15',
    budget: 1850,
    grade: 'EXCELLENT',
  },
  {
    code: 'KHCN-2021-001',
    org: 'mech',
    title: 'Thiết kế, chế tạo hệ thống sấy nông sản sử dụng năng lượng mặt trời kết hợp bơm nhiệt',
    field: 'ENGINEERING',
    year: 2021,
    approvedAt: '2021-03-01',
    contractAt: '2021-03-22',
    start: '2021-04-01',
    end: '2023-03-31',
    requestedAt: '2023-04-14',
    acceptedAt: '2023-06-20',
    budget: 1240,
    grade: 'PASS',
  },
];

const PATH = [
  ['create', null, 'DRAFT'],
  ['submit', 'DRAFT', 'PROPOSED'],
  ['startReview', 'PROPOSED', 'UNDER_REVIEW'],
  ['approve', 'UNDER_REVIEW', 'APPROVED'],
  ['contract', 'APPROVED', 'RUNNING'],
  ['requestAcceptance', 'RUNNING', 'ACCEPTANCE_REVIEW'],
  ['accept', 'ACCEPTANCE_REVIEW', 'ACCEPTED'],
] as const;

const PLACES = [
  'Hợp tác xã Nông nghiệp Hòa Thắng; Trạm Khuyến nông huyện Tuy An',
  'Công ty TNHH Chế biến Nông sản Phú Điền; 3 hộ sản xuất tại xã An Ninh Đông',
  'Bệnh viện Đa khoa tỉnh An Phú và 2 trung tâm y tế huyện',
  'Sở Nông nghiệp và Phát triển nông thôn; Ủy ban nhân dân các huyện ven biển',
];
const BENEFITS = [
  'Năng suất tăng 12–15% so với giống đối chứng; diện tích ứng dụng mở rộng thêm 120 ha; giảm 20% chi phí phân bón.',
  'Giảm 30% thời gian sấy, tiết kiệm 40% điện năng so với lò sấy truyền thống; sản phẩm đạt tiêu chuẩn xuất khẩu.',
  'Quy trình được áp dụng thường quy; rút ngắn thời gian chẩn đoán trung bình 2 ngày cho mỗi ca bệnh.',
  'Kết quả được sử dụng làm căn cứ xây dựng kế hoạch phát triển kinh tế – xã hội giai đoạn 2026–2030 của tỉnh.',
];

/** Creates the two legacy tasks (accepted in 2022 and 2023) with their history; returns nothing (they are read back). */
async function seedLegacyTasks(tx: Tx, ctx: Ctx) {
  for (const [i, l] of LEGACY.entries()) {
    const host = ctx.userOfOrg[ctx.orgId[l.org]];
    const budget = million(l.budget);
    const times = [
      atVn(dateOnly(`${l.year - 1}-09-10`), 9),
      atVn(dateOnly(`${l.year - 1}-09-25`), 10),
      atVn(dateOnly(`${l.year - 1}-10-20`), 9),
      atVn(dateOnly(l.approvedAt), 15),
      atVn(dateOnly(l.contractAt), 10),
      atVn(dateOnly(l.requestedAt), 14),
      atVn(dateOnly(l.acceptedAt), 16),
    ];
    const task = await tx.task.create({
      data: {
        code: l.code,
        title: l.title,
        type: 'RESEARCH',
        field: l.field,
        year: l.year,
        hostOrganizationId: ctx.orgId[l.org],
        createdById: host,
        status: 'ACCEPTED',
        piName: i === 0 ? 'TS. Lê Văn Hòa' : 'ThS. Trần Quốc Việt',
        piDegree: i === 0 ? 'Tiến sĩ' : 'Thạc sĩ',
        objectives: `Mục tiêu: ${l.title.toLowerCase()}, phục vụ sản xuất của tỉnh An Phú.`,
        contentMethods: 'Khảo sát, thực nghiệm, xây dựng mô hình và đánh giá hiệu quả.',
        expectedProducts: [{ name: 'Quy trình công nghệ', kind: 'Quy trình', quantity: 1, quality: 'Được thẩm định, chuyển giao' }],
        applicationPlan: 'Chuyển giao cho các hợp tác xã và doanh nghiệp trong tỉnh.',
        budgetTotal: budget,
        budgetState: budget,
        budgetOther: 0n,
        durationMonths: 22,
        proposedStart: dateOnly(`${l.year}-01-01`),
        submittedAt: times[1],
        approvalDecisionNo: `${20 + i}/QĐ-UBND`,
        approvalDecisionDate: dateOnly(l.approvedAt),
        approvedBudget: budget,
        approvedDurationMonths: 22,
        contractNo: `${String(i + 1).padStart(2, '0')}/${l.contractAt.slice(0, 4)}/HĐ-SKHCN`,
        contractSignedAt: dateOnly(l.contractAt),
        startDate: dateOnly(l.start),
        originalEndDate: dateOnly(l.end),
        endDate: dateOnly(l.end),
        fundedAmount: budget,
        acceptanceRequestedAt: times[5],
        finalReportSummary: 'Nhiệm vụ đã hoàn thành các nội dung theo thuyết minh; sản phẩm đạt yêu cầu.',
        selfAssessment: 'Hoàn thành đầy đủ sản phẩm, đạt yêu cầu chất lượng.',
        acceptanceDecisionNo: `${150 + i}/QĐ-SKHCN`,
        acceptanceDecisionDate: dateOnly(l.acceptedAt),
        acceptanceGrade: l.grade,
        closedAt: times[6],
        createdAt: times[0],
        updatedAt: times[6],
      },
      select: { id: true },
    });
    await tx.taskEvent.createMany({
      data: PATH.map(([action, from, to], k) => ({
        taskId: task.id,
        actorId: ['create', 'submit', 'requestAcceptance'].includes(action)
          ? host
          : ['startReview', 'contract'].includes(action)
            ? ctx.staff
            : ctx.admin,
        action,
        fromStatus: from,
        toStatus: to,
        note: action === 'accept' ? `Quyết định công nhận kết quả số ${150 + i}/QĐ-SKHCN` : null,
        createdAt: times[k],
      })),
    });
    for (const [kind, name, at] of [
      ['PROPOSAL_DOC', 'Thuyet-minh-chi-tiet.pdf', times[0]],
      ['FINAL_REPORT', 'Bao-cao-tong-hop-ket-qua.pdf', times[5]],
    ] as const) {
      await tx.attachment.create({
        data: {
          taskId: task.id,
          kind,
          fileName: name,
          mimeType: 'application/pdf',
          uploadedById: host,
          createdAt: at,
          ...storeDemoFile(demoPdf(`${name} - ${l.title}`)),
        },
      });
    }
    await tx.taskCodeCounter.upsert({ where: { year: l.year }, create: { year: l.year, last: 1 }, update: {} });
  }
}

type Ctx = { staff: string; admin: string; orgId: Record<string, string>; userOfOrg: Record<string, string> };

/** Registrations, liquidations and application reports of every closed task; returns what it made, for the log. */
export async function seedAfterAcceptance(prisma: Db, ctx: Ctx) {
  return prisma.$transaction(
    async (tx) => {
      await seedLegacyTasks(tx, ctx);
      const closed = await tx.task.findMany({
        where: { status: { in: [...LIQUIDABLE] }, contractNo: { not: null } },
        orderBy: [{ acceptanceDecisionDate: 'asc' }, { closedAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          code: true,
          title: true,
          status: true,
          hostOrganizationId: true,
          fundedAmount: true,
          acceptanceDecisionDate: true,
          closedAt: true,
          progressReports: { select: { amountSpent: true }, orderBy: { dueDate: 'desc' }, take: 1 },
        },
      });
      const made = {
        registered: 0,
        awaiting: 0,
        returned: 0,
        notSubmitted: 0,
        liquidated: 0,
        refunds: 0,
        applicationReports: 0,
        published: 0,
      };
      let k = 0;
      for (const t of closed) {
        if (t.code === UNTOUCHED_TASK_CODE) continue;
        const host = ctx.userOfOrg[t.hostOrganizationId];
        const closedOn = closingDate(t)!;
        const funded = t.fundedAmount ?? 0n;

        // Result registration (accepted tasks): due 30 days after the decision.
        if (t.status === 'ACCEPTED' && t.acceptanceDecisionDate) {
          const decided = t.acceptanceDecisionDate;
          const recent = addDays(decided, 45) > SEED_TODAY;
          const kind = recent || k % 7 === 2 ? 'awaiting' : k % 7 === 4 ? 'none' : k === 6 ? 'returned' : 'registered';
          if (kind !== 'none') {
            const submittedAt = atVn(minDate(addDays(decided, 18), addDays(SEED_TODAY, -1)), 10);
            await tx.attachment.create({
              data: {
                taskId: t.id,
                kind: 'REGISTRATION_FORM',
                fileName: 'Phieu-dang-ky-ket-qua.pdf',
                mimeType: 'application/pdf',
                uploadedById: host,
                createdAt: submittedAt,
                ...storeDemoFile(demoPdf(`Phieu dang ky ket qua - ${t.title}`)),
              },
            });
            const certDay = addDays(decided, 28);
            await tx.resultRegistration.create({
              data: {
                taskId: t.id,
                status: kind === 'registered' ? 'REGISTERED' : kind === 'returned' ? 'RETURNED' : 'SUBMITTED',
                version: kind === 'awaiting' ? 1 : 2,
                resultsSummary:
                  'Báo cáo tổng hợp kết quả, báo cáo tóm tắt, quy trình công nghệ và các bài báo đã công bố; bản điện tử và bản in nộp lưu giữ.',
                submittedById: host,
                submittedAt,
                returnNote:
                  kind === 'returned' ? 'Bổ sung bản điện tử báo cáo tóm tắt và xác nhận của tổ chức chủ trì trên phiếu đăng ký.' : null,
                certificateNo: kind === 'registered' ? `${String(k + 1).padStart(2, '0')}/${isoDay(certDay).slice(0, 4)}/GCN-SKHCN` : null,
                certificateDate: kind === 'registered' ? certDay : null,
                registeredById: kind === 'registered' ? ctx.staff : null,
                registeredAt: kind === 'registered' ? atVn(certDay, 15) : null,
                createdAt: submittedAt,
              },
            });
            made[kind === 'awaiting' ? 'awaiting' : kind]++;
          } else made.notSubmitted++;
        }

        // Liquidation: within 60 days of the closing decision; a few left overdue, a few not yet due.
        const liquidateOn = addDays(closedOn, 35 + (k % 4) * 5);
        if (liquidateOn <= SEED_TODAY && (t.status !== 'ACCEPTED' || k % 6 !== 5)) {
          let disbursed = funded;
          let spent = funded;
          if (t.status === 'TERMINATED') {
            // Terminated halfway: the first instalment was disbursed, part of it spent, the rest refunded.
            disbursed = roundMillion((funded * 6n) / 10n);
            spent = roundMillion((disbursed * 55n) / 100n);
          } else if (t.status === 'NOT_ACCEPTED') {
            // Failed: the department decides the refund of the unspent money and a share of what was spent.
            disbursed = roundMillion((funded * 9n) / 10n);
            spent = roundMillion((disbursed * 85n) / 100n);
          } else if (k % 4 === 1) {
            spent = funded - roundMillion((funded * 35n) / 1000n);
          }
          const unspent = disbursed - spent;
          const refunded = t.status === 'NOT_ACCEPTED' ? unspent + roundMillion(spent / 10n) : unspent;
          await tx.liquidation.create({
            data: {
              taskId: t.id,
              recordNo: `${String(k + 1).padStart(2, '0')}/${isoDay(liquidateOn).slice(0, 4)}/BBTL-SKHCN`,
              liquidatedOn: liquidateOn,
              disbursed,
              spent,
              refunded,
              note:
                t.status === 'TERMINATED'
                  ? 'Chấm dứt hợp đồng theo đề nghị của tổ chức chủ trì; nộp trả phần kinh phí chưa sử dụng.'
                  : t.status === 'NOT_ACCEPTED'
                    ? 'Nhiệm vụ không được công nhận kết quả: nộp trả phần kinh phí chưa sử dụng và 10% kinh phí đã sử dụng theo quyết định của Sở.'
                    : refunded > 0n
                      ? 'Nộp trả phần kinh phí tiết kiệm được từ hạng mục mua sắm vật tư.'
                      : null,
              recordedById: ctx.staff,
              createdAt: atVn(liquidateOn, 16),
            },
          });
          made.liquidated++;
          if (refunded > 0n) made.refunds++;
        }

        // Application reports: each anniversary passed, reported a few days before it.
        if (t.status === 'ACCEPTED' && t.acceptanceDecisionDate) {
          const passed = applicationDueDates(t.acceptanceDecisionDate, 5).filter((d) => d <= SEED_TODAY);
          for (const [i, due] of passed.entries()) {
            const last = i === passed.length - 1;
            // The 2022 task misses its fourth year (overdue on the department's list).
            if (last && passed.length === 4) continue;
            const submittedAt = atVn(addDays(due, -6), 9);
            const awaiting = last && passed.length === 3;
            await tx.applicationReport.create({
              data: {
                taskId: t.id,
                dueDate: due,
                yearNo: i + 1,
                status: awaiting ? 'SUBMITTED' : 'REVIEWED',
                applicationPlaces: PLACES[(k + i) % PLACES.length],
                benefits: BENEFITS[(k + i) % BENEFITS.length],
                revenue: i % 2 === 0 ? million(180 + 90 * i + (k % 3) * 40) : null,
                submittedById: host,
                submittedAt,
                reviewNote: awaiting ? null : i === 0 ? 'Báo cáo đầy đủ; đề nghị bổ sung số liệu diện tích ứng dụng ở kỳ sau.' : null,
                reviewedById: awaiting ? null : ctx.staff,
                reviewedAt: awaiting ? null : atVn(addDays(due, 12), 14),
              },
            });
            made.applicationReports++;
          }
        }
        k++;
      }
      // The department has made the final report of two registered tasks public in the registry (anyone may download it).
      const published = await tx.attachment.findMany({
        where: { kind: 'FINAL_REPORT', task: { status: 'ACCEPTED', registration: { is: { status: 'REGISTERED' } } } },
        orderBy: [{ task: { code: 'asc' } }, { id: 'asc' }],
        take: 2,
        select: { id: true, task: { select: { registration: { select: { registeredAt: true } } } } },
      });
      for (const a of published)
        await tx.attachment.update({
          where: { id: a.id },
          data: { publishedAt: addDays(a.task.registration!.registeredAt!, 1), publishedById: ctx.staff },
        });
      made.published = published.length;
      return made;
    },
    { timeout: 60_000 },
  );
}
