import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { ForbiddenError } from '@/lib/server/errors';
import { getDepartmentOverview, listCouncilSeats, listOwnTasks } from '@/lib/tasks/queries';
import { actorWith, makeOrganization, makeUser } from '../support/fixtures';

async function makeTask(hostOrganizationId: string, createdById: string, status: 'DRAFT' | 'PROPOSED' | 'UNDER_REVIEW' = 'DRAFT') {
  return prisma.task.create({
    data: { title: `Nhiệm vụ ${Math.random().toString(36).slice(2, 8)}`, year: 2027, status, hostOrganizationId, createdById },
    select: { id: true },
  });
}

describe('role homes read real data, scoped to the actor', () => {
  it('department overview counts tasks by status', async () => {
    const staff = await actorWith('DEPARTMENT_STAFF');
    const before = await getDepartmentOverview(staff);
    const org = await makeOrganization();
    const u = await makeUser('ORGANIZATION', { organizationId: org.id });
    await makeTask(org.id, u.id, 'PROPOSED');
    const after = await getDepartmentOverview(staff);
    expect(after.counts.PROPOSED).toBe(before.counts.PROPOSED + 1);
    expect(Object.keys(after.counts)).toHaveLength(16);
    await expect(getDepartmentOverview(await actorWith('ORGANIZATION'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDepartmentOverview(await actorWith('EVALUATOR'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an organization sees only its own tasks', async () => {
    const mine = await actorWith('ORGANIZATION');
    const other = await actorWith('ORGANIZATION');
    const t1 = await makeTask(mine.organizationId!, mine.id);
    const t2 = await makeTask(other.organizationId!, other.id);
    const list = await listOwnTasks(mine);
    expect(list.rows.map((r) => r.id)).toEqual([t1.id]);
    expect(list.total).toBe(1);
    expect((await listOwnTasks(other)).rows.map((r) => r.id)).toEqual([t2.id]);
    await expect(listOwnTasks(await actorWith('DEPARTMENT_ADMIN'))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('an evaluator sees its own council seats and an empty list otherwise', async () => {
    const evaluator = await actorWith('EVALUATOR');
    expect(await listCouncilSeats(evaluator)).toEqual([]);
    const org = await makeOrganization();
    const u = await makeUser('ORGANIZATION', { organizationId: org.id });
    const task = await makeTask(org.id, u.id, 'UNDER_REVIEW');
    const staff = await actorWith('DEPARTMENT_STAFF');
    await prisma.council.create({
      data: {
        taskId: task.id,
        stage: 'PROPOSAL',
        createdById: staff.id,
        members: { create: [{ userId: evaluator.id, position: 'CHAIR' }] },
      },
    });
    const seats = await listCouncilSeats(evaluator);
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({ position: 'CHAIR', conflictStatus: 'PENDING', council: { stage: 'PROPOSAL', task: { id: task.id } } });
    expect(await listCouncilSeats(await actorWith('EVALUATOR'))).toEqual([]);
    await expect(listCouncilSeats(staff)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
