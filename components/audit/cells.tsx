import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AuditPerson, AuditTaskRef } from '@/lib/audit/loaders';

/** Who acted: the name links to this log filtered by them ("what did this user do / see"). */
export function ActorCell({ actor }: { actor: AuditPerson }) {
  return (
    <>
      <Link href={actor.href} className="block font-medium text-brand-700 hover:underline">
        {actor.name}
      </Link>
      {actor.email && <span className="block text-xs text-slate-500">{actor.email}</span>}
    </>
  );
}

/** The task an entry concerns, linked to its dossier; "—" when it concerns none. */
export async function TaskCell({ task }: { task: AuditTaskRef | null }) {
  if (!task) return <>—</>;
  const t = await getTranslations('audit');
  return (
    <>
      <Link href={task.href} className="block font-medium text-brand-700 hover:underline">
        {task.code ?? t('untitled')}
      </Link>
      <span className="block max-w-xs truncate text-xs text-slate-500" title={task.title}>
        {task.title}
      </span>
    </>
  );
}
