import { getTranslations } from 'next-intl/server';
import { Badge, type Tone } from '@/components/ui/badge';
import type { TaskStatus } from '@/lib/domain/task-status';

const TONE: Record<TaskStatus, Tone> = {
  DRAFT: 'slate',
  PROPOSED: 'blue',
  RETURNED: 'amber',
  WITHDRAWN: 'slate',
  UNDER_REVIEW: 'violet',
  REJECTED: 'red',
  NOT_SELECTED: 'slate',
  SELECTED: 'blue',
  REVISING: 'amber',
  APPRAISED: 'violet',
  APPROVED: 'green',
  RUNNING: 'blue',
  ACCEPTANCE_REVIEW: 'violet',
  ACCEPTED: 'green',
  NOT_ACCEPTED: 'red',
  TERMINATED: 'red',
};

export async function StatusBadge({ status }: { status: TaskStatus }) {
  const t = await getTranslations('status');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}
