import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/server/db';
import { taskMatch, taskPage } from '@/lib/server/search';
import type { ScienceField } from '@/lib/domain/task-status';
import type { Rating } from '@/lib/domain/grading';
import { PUBLISHED_ATTACHMENT } from '@/lib/attachments/service';
import { ZRegistryFilter } from './schemas';

export const REGISTRY_PAGE_SIZE = 20;

/**
 * What the public may read of an accepted task, and nothing more: no budget but the approved total, no files but
 * the results the department published (name and size, the id for the download link), no councils or ballots,
 * no contacts, no internal notes. The task's id is read only to keep the page's order.
 */
const publicSelect = {
  id: true,
  code: true,
  title: true,
  piName: true,
  field: true,
  startDate: true,
  endDate: true,
  acceptanceGrade: true,
  finalReportSummary: true,
  approvedBudget: true,
  hostOrganization: { select: { name: true } },
  registration: { select: { status: true, certificateNo: true } },
  attachments: {
    where: PUBLISHED_ATTACHMENT,
    orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
    select: { id: true, fileName: true, size: true },
  },
} as const satisfies Prisma.TaskSelect;

export type RegistryEntry = {
  code: string | null;
  title: string;
  organization: string;
  principalInvestigator: string | null;
  field: ScienceField | null;
  startYear: number | null;
  endYear: number | null;
  grade: Rating | null;
  resultsSummary: string | null;
  approvedBudget: bigint | null;
  certificateNo: string | null;
  /** The published result files, downloaded from /api/registry/files/<id>. */
  files: { id: string; fileName: string; size: number }[];
};

function toEntry(t: Prisma.TaskGetPayload<{ select: typeof publicSelect }>): RegistryEntry {
  return {
    code: t.code,
    title: t.title,
    organization: t.hostOrganization.name,
    principalInvestigator: t.piName,
    field: t.field,
    startYear: t.startDate?.getUTCFullYear() ?? null,
    endYear: t.endDate?.getUTCFullYear() ?? null,
    grade: t.acceptanceGrade,
    resultsSummary: t.finalReportSummary,
    approvedBudget: t.approvedBudget,
    // A certificate number only once the registration is recorded (a returned or pending one has none yet).
    certificateNo: t.registration?.status === 'REGISTERED' ? t.registration.certificateNo : null,
    files: t.attachments,
  };
}

/**
 * The public registry of accepted tasks (no login): a page of them, most recently accepted first, searched by
 * code, title, principal investigator or host organization ignoring case and diacritics.
 */
export async function listRegistry(rawFilter: unknown) {
  const f = ZRegistryFilter.parse(rawFilter ?? {});
  const match = taskMatch(f.q);
  const where = match ? Prisma.sql`t."status" = 'ACCEPTED' AND ${match}` : Prisma.sql`t."status" = 'ACCEPTED'`;
  const { total, rows } = await taskPage({
    where,
    order: Prisma.sql`ORDER BY t."acceptanceDecisionDate" DESC NULLS LAST, t."code" ASC, t."id" ASC`,
    page: f.page,
    size: REGISTRY_PAGE_SIZE,
    load: async (ids) => {
      const found = ids.length ? await prisma.task.findMany({ where: { id: { in: ids }, status: 'ACCEPTED' }, select: publicSelect }) : [];
      const byId = new Map(found.map((t) => [t.id, t]));
      return ids.flatMap((id) => {
        const t = byId.get(id);
        return t ? [toEntry(t)] : [];
      });
    },
  });
  return { total, page: f.page, pageSize: REGISTRY_PAGE_SIZE, rows, q: f.q };
}
