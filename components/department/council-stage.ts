import type { TaskStatus } from '@/lib/domain/task-status';

/** Which council a task in this status works with (proposal review or acceptance), if any. */
export function councilStageOf(status: TaskStatus): 'PROPOSAL' | 'ACCEPTANCE' | null {
  if (status === 'PROPOSED' || status === 'UNDER_REVIEW') return 'PROPOSAL';
  if (status === 'ACCEPTANCE_REVIEW') return 'ACCEPTANCE';
  return null;
}
