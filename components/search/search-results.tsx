import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { SearchPage } from '@/lib/search/loaders';
import { Card, EmptyState } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { StatusBadge } from '@/components/tasks/status-badge';

function Section({
  title,
  testId,
  empty,
  more,
  children,
}: {
  title: string;
  testId: string;
  empty: string;
  more?: ReactNode;
  children: ReactNode[];
}) {
  return (
    <Card title={title}>
      {children.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid={testId}>
          {children}
        </ul>
      )}
      {more && <p className="mt-3 text-sm text-slate-600">{more}</p>}
    </Card>
  );
}

/** What the header search found: tasks, organizations and people, each a short list leading to its own page. */
export async function SearchResults({ page }: { page: SearchPage }) {
  const t = await getTranslations();
  const moreThan = t('search.moreThan', { limit: page.limit });
  return (
    <div className="grid gap-6">
      <Section
        title={t('search.tasks')}
        testId="search-tasks"
        empty={t('search.none')}
        more={
          page.more.tasksHref ? (
            <Link className="font-medium text-brand-700 underline" href={page.more.tasksHref}>
              {t('search.allTasks')}
            </Link>
          ) : null
        }
      >
        {page.tasks.map((task) => (
          <li key={task.id} className="flex flex-wrap items-start justify-between gap-2 py-2">
            <div>
              <Link className="font-medium text-brand-700 hover:underline" href={task.href}>
                {task.code ? `${task.code} · ` : ''}
                {task.title}
              </Link>
              <p className="text-xs text-slate-600">
                {task.organizationName}
                {task.piName ? ` · ${t('search.pi', { name: task.piName })}` : ''}
              </p>
            </div>
            <StatusBadge status={task.status} />
          </li>
        ))}
      </Section>
      <Section
        title={t('search.organizations')}
        testId="search-organizations"
        empty={t('search.none')}
        more={page.more.organizations ? moreThan : null}
      >
        {page.organizations.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link className="font-medium text-brand-700 hover:underline" href={o.href}>
              {o.name}
            </Link>
            <Badge>{t(`orgStatus.${o.status}`)}</Badge>
          </li>
        ))}
      </Section>
      <Section title={t('search.people')} testId="search-people" empty={t('search.none')} more={page.more.people ? moreThan : null}>
        {page.people.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div>
              {p.href ? (
                <Link className="font-medium text-brand-700 hover:underline" href={p.href}>
                  {p.name}
                </Link>
              ) : (
                <span className="font-medium">{p.name}</span>
              )}
              <p className="text-xs text-slate-600">
                {p.email}
                {p.organizationName ? ` · ${p.organizationName}` : ''}
              </p>
            </div>
            <span className="flex gap-1">
              <Badge>{t(`roles.${p.role}`)}</Badge>
              {!p.active && <Badge tone="red">{t('search.inactive')}</Badge>}
            </span>
          </li>
        ))}
      </Section>
    </div>
  );
}
