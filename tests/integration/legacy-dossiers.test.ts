// The migration of dossiers from before listed tasks (issue 8, item 8): each task without a listed task gets one of
// its own, assigned directly to its host organization, with a status that reads like the dossier's; no row is lost,
// codes continue the year's sequence, and running it again changes nothing. Real database.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import type { Actor } from '@/lib/server/actor';
import { createDraft, updateDraft } from '@/lib/tasks/service';
import { createUrgentListedTask } from '@/lib/lists/service';
import { linkLegacyDossiers } from '@/lib/lists/legacy';
import type { TaskStatus } from '@/lib/domain/task-status';
import { actorWith } from '../support/fixtures';
import { fullContent, uniq } from '../support/lifecycle';

const YEAR = 2033;
let org: Actor;
let admin: Actor;

/** A dossier as the app made them before listed tasks: no listed task, in some status. */
async function oldDossier(status: TaskStatus) {
  const { taskId } = await createDraft(org, fullContent({ title: `Hồ sơ cũ ${status} ${uniq()}` }));
  await prisma.task.update({ where: { id: taskId }, data: { status, year: YEAR, listedTaskId: null } });
  return taskId;
}

beforeAll(async () => {
  [org, admin] = await Promise.all([actorWith('ORGANIZATION'), actorWith('DEPARTMENT_ADMIN')]);
});

describe('dossiers from before listed tasks', () => {
  it('each gets a listed task of its own, assigned directly to its organization, whose status reads like the dossier’s', async () => {
    // An earlier listed task of the year, so the migrated codes must continue after it.
    const earlier = await createUrgentListedTask(admin, {
      planYear: YEAR,
      title: `Nhiệm vụ đột xuất trước khi chuyển đổi ${uniq()}`,
      objectives: 'Mục tiêu của nhiệm vụ đột xuất.',
      products: 'Sản phẩm của nhiệm vụ đột xuất.',
      method: 'SELECTION',
      decisionNumber: '1/QĐ-UBND',
      decisionDate: `${YEAR - 1}-12-01`,
    });
    const ids = {
      DRAFT: await oldDossier('DRAFT'),
      UNDER_REVIEW: await oldDossier('UNDER_REVIEW'),
      WITHDRAWN: await oldDossier('WITHDRAWN'),
      REJECTED: await oldDossier('REJECTED'),
      RUNNING: await oldDossier('RUNNING'),
      ACCEPTED: await oldDossier('ACCEPTED'),
    };
    const [tasksBefore, listedBefore, unlinked] = await Promise.all([
      prisma.task.count(),
      prisma.listedTask.count(),
      prisma.task.count({ where: { listedTaskId: null } }),
    ]);

    await linkLegacyDossiers(prisma);

    expect(await prisma.task.count()).toBe(tasksBefore);
    expect(await prisma.listedTask.count()).toBe(listedBefore + unlinked);
    expect(await prisma.task.count({ where: { listedTaskId: null } })).toBe(0);
    const expected: Record<keyof typeof ids, string> = {
      DRAFT: 'OPEN',
      UNDER_REVIEW: 'OPEN',
      WITHDRAWN: 'UNASSIGNED',
      REJECTED: 'UNASSIGNED',
      RUNNING: 'ASSIGNED',
      ACCEPTED: 'ASSIGNED',
    };
    const codes: string[] = [];
    for (const [status, taskId] of Object.entries(ids) as [keyof typeof ids, string][]) {
      const task = await prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: { listedTask: true } });
      expect(task.status).toBe(status);
      expect(task.listedTask).toMatchObject({
        status: expected[status],
        method: 'DIRECT',
        directOrganizationId: org.organizationId,
        planYear: YEAR,
        title: task.title,
        callId: null,
        budgetEstimate: 1_200_000_000n,
        products: expect.stringContaining('Hệ thống cảm biến giám sát'),
      });
      codes.push(task.listedTask!.code!);
    }
    expect(new Set(codes).size).toBe(codes.length);
    const earlierNo = Number(earlier.code!.slice(-3));
    for (const code of codes) expect(Number(code.slice(-3))).toBeGreaterThan(earlierNo);
    // The year's sequence continues after the migrated codes.
    const next = await createUrgentListedTask(admin, {
      planYear: YEAR,
      title: `Nhiệm vụ đột xuất sau khi chuyển đổi ${uniq()}`,
      objectives: 'Mục tiêu của nhiệm vụ đột xuất.',
      products: 'Sản phẩm của nhiệm vụ đột xuất.',
      method: 'SELECTION',
      decisionNumber: '2/QĐ-UBND',
      decisionDate: `${YEAR - 1}-12-02`,
    });
    expect(Number(next.code!.slice(-3))).toBe(Math.max(...codes.map((c) => Number(c.slice(-3)))) + 1);

    // Running it again changes nothing.
    const listedAfter = await prisma.listedTask.count();
    await linkLegacyDossiers(prisma);
    expect(await prisma.listedTask.count()).toBe(listedAfter);

    // A migrated draft still saves and keeps its listed task (its own notice is kept).
    const draft = await prisma.task.findUniqueOrThrow({ where: { id: ids.DRAFT } });
    await updateDraft(org, {
      taskId: draft.id,
      version: draft.version,
      ...fullContent({ title: draft.title, listedTaskId: draft.listedTaskId, callId: draft.callId ?? '' }),
    });
    expect(await prisma.task.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      listedTaskId: draft.listedTaskId,
      version: draft.version + 1,
    });
  });
});
