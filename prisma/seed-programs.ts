// The province's S&T programs in the demo (issue 9): the three enterprise programs (technology innovation,
// productivity and quality, intellectual property) and one general program that has ended, with some of the seed's
// needs proposals, listed tasks and dossiers attached. Three older enterprise dossiers (approved in 2025, so outside
// the year 2026's figures) become enterprise support projects with their beneficiary and support amount. Only
// programs are created and `programId`, the kind and the support fields changed: no status, date or count moves,
// so the year's figures (47 listed, 30 approved, 19 accepted) and the 28 running tasks stay as they were.
import type { Db } from '../lib/server/prisma-client';
import { isEnterpriseSupport, type TaskType } from '../lib/domain/task-status';
import { vn } from './seed-util';

const PROGRAMS = [
  {
    code: 'CT-DMCN',
    name: 'Chương trình hỗ trợ doanh nghiệp đổi mới công nghệ tỉnh An Phú giai đoạn 2025–2030',
    startYear: 2025,
    endYear: 2030,
    goals:
      'Hỗ trợ doanh nghiệp nhỏ và vừa của tỉnh ứng dụng, làm chủ và đổi mới công nghệ; đến năm 2030 có ít nhất 60 doanh nghiệp được hỗ trợ đổi mới công nghệ, tỷ lệ đổi mới công nghệ bình quân đạt 15%/năm.',
    budget: 60_000_000_000n,
    decisionNo: '1520/QĐ-UBND',
  },
  {
    code: 'CT-NSCL',
    name: 'Chương trình nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh An Phú giai đoạn 2026–2030',
    startYear: 2026,
    endYear: 2030,
    goals:
      'Nâng cao năng suất lao động và chất lượng sản phẩm, hàng hóa chủ lực của tỉnh; hỗ trợ doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất và tiêu chuẩn chất lượng.',
    budget: 25_000_000_000n,
    decisionNo: '245/QĐ-UBND',
  },
  {
    code: 'CT-SHTT',
    name: 'Chương trình phát triển tài sản trí tuệ tỉnh An Phú giai đoạn 2026–2030',
    startYear: 2026,
    endYear: 2030,
    goals:
      'Hỗ trợ tạo lập, quản lý, bảo vệ và phát triển tài sản trí tuệ cho sản phẩm đặc thù, sản phẩm chủ lực của tỉnh; hỗ trợ doanh nghiệp đăng ký bảo hộ sáng chế, kiểu dáng công nghiệp và nhãn hiệu.',
    budget: 15_000_000_000n,
    decisionNo: '612/QĐ-UBND',
  },
  {
    code: 'CT-NNNT',
    name: 'Chương trình ứng dụng khoa học và công nghệ phục vụ phát triển nông nghiệp và xây dựng nông thôn mới giai đoạn 2021–2025',
    startYear: 2021,
    endYear: 2025,
    goals:
      'Ứng dụng tiến bộ khoa học và công nghệ vào sản xuất nông nghiệp, bảo tồn nguồn gen và phát triển sản phẩm nông nghiệp hàng hóa gắn với xây dựng nông thôn mới.',
    budget: 40_000_000_000n,
    decisionNo: '2310/QĐ-UBND',
  },
] as const;

type ProgramCode = (typeof PROGRAMS)[number]['code'];

/** Older enterprise dossiers that become enterprise support projects (approved in 2025: not in 2026's figures). */
const SUPPORT_PROJECTS: { title: string; type: TaskType; program: ProgramCode; supportAmount: bigint }[] = [
  {
    title: 'Hoàn thiện công nghệ đúc gang cầu cho phụ tùng máy nông nghiệp',
    type: 'TECH_INNOVATION',
    program: 'CT-DMCN',
    supportAmount: 1_500_000_000n,
  },
  {
    title: 'Nghiên cứu chiết xuất tinh dầu sả chanh quy mô công nghiệp',
    type: 'PRODUCTIVITY_QUALITY',
    program: 'CT-NSCL',
    supportAmount: 800_000_000n,
  },
  {
    title: 'Sản xuất thử nghiệm chế phẩm sinh học phòng trừ tuyến trùng hại hồ tiêu',
    type: 'INTELLECTUAL_PROPERTY',
    program: 'CT-SHTT',
    supportAmount: 200_000_000n,
  },
];

/** Listed tasks (with their needs proposal and every dossier) that belong to a program. */
const LISTED: { title: string; program: ProgramCode }[] = [
  {
    title: 'Hoàn thiện công nghệ chế tạo máy ép viên nén mùn cưa làm nhiên liệu sinh khối công suất 1 tấn/giờ',
    program: 'CT-DMCN',
  },
  { title: 'Chế tạo dây chuyền phân loại và đóng gói hạt điều nhân bán tự động năng suất 300 kg/giờ', program: 'CT-DMCN' },
  { title: 'Thiết kế, chế tạo máy bóc vỏ hạt điều bán tự động năng suất 500 kg/giờ', program: 'CT-DMCN' },
  { title: 'Xây dựng nền tảng số quản lý truy xuất nguồn gốc nông sản chủ lực tỉnh An Phú', program: 'CT-NSCL' },
  { title: 'Nghiên cứu bảo tồn nguồn gen bò vàng địa phương', program: 'CT-NNNT' },
  { title: 'Ứng dụng công nghệ Biofloc nuôi tôm thẻ chân trắng trong ao lót bạt', program: 'CT-NNNT' },
  { title: 'Sản xuất thử nghiệm giống gà ri lai năng suất cao', program: 'CT-NNNT' },
];

/** Needs proposals of the open 2028 needs call that name a program. */
const NEEDS: { title: string; program: ProgramCode }[] = [
  { title: 'Chế tạo máy sấy nông sản sử dụng năng lượng mặt trời kết hợp sinh khối', program: 'CT-DMCN' },
  { title: 'Sản xuất chế phẩm vi sinh xử lý phụ phẩm nông nghiệp làm phân bón hữu cơ', program: 'CT-NSCL' },
];

const APPROVED_ONWARD = ['APPROVED', 'RUNNING', 'ACCEPTANCE_REVIEW', 'ACCEPTED', 'NOT_ACCEPTED', 'TERMINATED'] as const;

export async function seedPrograms(db: Db) {
  const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@khcn.demo' }, select: { id: true } });
  await db.$transaction(async (tx) => {
    const id = {} as Record<ProgramCode, string>;
    for (const p of PROGRAMS) {
      const created = await tx.program.create({
        data: { ...p, createdById: admin.id, createdAt: vn(`${Math.max(p.startYear, 2025)}-01-15T09:00:00`) },
        select: { id: true },
      });
      id[p.code] = created.id;
      await tx.auditEvent.create({
        data: {
          actorId: admin.id,
          action: 'program.create',
          entityType: 'Program',
          entityId: created.id,
          after: { ...p, budget: p.budget.toString() },
          createdAt: vn(`${Math.max(p.startYear, 2025)}-01-15T09:00:00`),
        },
      });
    }

    for (const s of SUPPORT_PROJECTS) {
      const found = await tx.task.findMany({
        where: { title: s.title, status: { in: [...APPROVED_ONWARD] } },
        select: {
          id: true,
          listedTaskId: true,
          updatedAt: true,
          budgetState: true,
          approvalDecisionDate: true,
          hostOrganization: { select: { name: true, kind: true } },
        },
      });
      const task = found[0];
      if (found.length !== 1 || !task.approvalDecisionDate || task.approvalDecisionDate.getUTCFullYear() >= 2026)
        throw new Error(`[seed] the enterprise support project "${s.title}" must be one task approved before 2026`);
      if (
        task.hostOrganization.kind !== 'ENTERPRISE' ||
        !isEnterpriseSupport(s.type) ||
        !task.budgetState ||
        s.supportAmount > task.budgetState
      )
        throw new Error(`[seed] "${s.title}": an enterprise host and a support amount within the state budget`);
      await tx.task.update({
        where: { id: task.id },
        // The seed's history is kept: a program set afterwards is not a change the queue should sort first.
        data: {
          type: s.type,
          beneficiaryEnterprise: task.hostOrganization.name,
          supportAmount: s.supportAmount,
          programId: id[s.program],
          updatedAt: task.updatedAt,
        },
      });
      if (task.listedTaskId) await tx.listedTask.update({ where: { id: task.listedTaskId }, data: { programId: id[s.program] } });
    }

    for (const l of LISTED) {
      const found = await tx.listedTask.findMany({ where: { title: l.title }, select: { id: true, needsProposalId: true } });
      if (found.length !== 1) throw new Error(`[seed] the listed task "${l.title}" must exist once`);
      const [listed] = found;
      const programId = id[l.program];
      // A listed task's program is its needs proposal's, and its dossiers' (as the app does when it creates them).
      await tx.listedTask.update({ where: { id: listed.id }, data: { programId } });
      if (listed.needsProposalId) await tx.needsProposal.update({ where: { id: listed.needsProposalId }, data: { programId } });
      for (const t of await tx.task.findMany({ where: { listedTaskId: listed.id }, select: { id: true, updatedAt: true } }))
        await tx.task.update({ where: { id: t.id }, data: { programId, updatedAt: t.updatedAt } });
    }

    for (const n of NEEDS) {
      const { count } = await tx.needsProposal.updateMany({ where: { title: n.title }, data: { programId: id[n.program] } });
      if (count !== 1) throw new Error(`[seed] the needs proposal "${n.title}" must exist once`);
    }
  });
  const used = await db.program.findMany({
    orderBy: { code: 'asc' },
    select: { code: true, _count: { select: { tasks: true, needs: true, listedTasks: true } } },
  });
  console.log(
    `[seed] programs: ${used.map((p) => `${p.code} (${p._count.tasks} tasks, ${p._count.listedTasks} listed, ${p._count.needs} needs)`).join(', ')}`,
  );
}
