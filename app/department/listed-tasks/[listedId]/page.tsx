import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadSelectionPage } from '@/lib/selection/loaders';
import { formatDateTime, formatVnd, type Locale } from '@/lib/domain/format';
import { Alert, Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/tasks/status-badge';
import { DecideSelectionForm, SelectionCouncilForm } from '@/components/selection/selection-forms';
import { MeetingForm } from '@/components/department/meeting-form';
import { MeetingList } from '@/components/department/meeting-list';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('selection'))('title') };
}

/** One listed task's selection: its dossiers (all of them, for the department), the council, the ranking, the decision. */
async function ListedTaskSelectionPage({ params }: { params: Promise<{ listedId: string }> }) {
  const page = await loadSelectionPage((await params).listedId);
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<Locale>]);
  const { listed } = page;
  return (
    <>
      <Link href="/department/listed-tasks" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('lists.listed.title')}
      </Link>
      <PageHeader
        title={<span data-testid="selection-heading">{`${listed.code ?? ''} · ${listed.title}`}</span>}
        description={[
          t(`lists.methods.${listed.method}`) + (listed.directOrganization ? `: ${listed.directOrganization.name}` : ''),
          listed.call ? t('lists.org.notice', { title: listed.call.title, closes: formatDateTime(listed.call.closesAt, locale) }) : null,
          formatVnd(listed.budgetEstimate),
          listed.program ? t('programs.choice.of', { code: listed.program.code, name: listed.program.name }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={
          <span data-testid="selection-status" data-status={listed.status}>
            <Badge tone={listed.status === 'ASSIGNED' ? 'green' : listed.status === 'OPEN' ? 'blue' : 'slate'}>
              {t(`lists.itemStatus.${listed.status}`)}
            </Badge>
          </span>
        }
      />
      <div className="space-y-6">
        <Card title={t('selection.dossiers', { count: page.dossiers.length })}>
          <DataTable
            label={t('selection.dossiers', { count: page.dossiers.length })}
            rows={page.dossiers}
            rowKey={(d) => d.id}
            rowAttributes={(d) => ({
              'task-id': d.id,
              rank: d.ranked?.rank === null || d.ranked?.rank === undefined ? 'none' : String(d.ranked.rank),
              recommended: String(page.result.recommendedTaskId === d.id),
            })}
            empty={t('selection.noDossiers')}
            testId="selection-dossiers"
            columns={[
              {
                key: 'org',
                header: t('selection.organization'),
                className: 'max-w-md',
                cell: (d) => (
                  <>
                    <Link href={`/department/tasks/${d.id}`} className="font-medium text-brand-700 hover:underline">
                      {d.hostOrganization.name}
                    </Link>
                    <span className="block text-xs text-slate-600">{d.title}</span>
                  </>
                ),
              },
              { key: 'status', header: t('selection.status'), cell: (d) => <StatusBadge status={d.status} /> },
              {
                key: 'mean',
                header: t('selection.mean'),
                align: 'right',
                className: 'tabular-nums',
                cell: (d) => ((d.ranked?.meanScore ?? null) === null ? '—' : String(d.ranked!.meanScore)),
              },
              { key: 'rank', header: t('selection.rank'), align: 'right', cell: (d) => d.ranked?.rank ?? '—' },
              {
                key: 'outcome',
                header: t('selection.outcome'),
                cell: (d) =>
                  page.result.recommendedTaskId === d.id ? (
                    <Badge tone="green">{t('selection.recommended')}</Badge>
                  ) : d.ranked?.outcome ? (
                    t(d.ranked.passes ? 'selection.passes' : 'selection.fails')
                  ) : (
                    t('selection.pending')
                  ),
              },
            ]}
          />
          {page.result.tie && <Alert tone="warning">{t('selection.tie')}</Alert>}
        </Card>
        {page.decided.length > 0 && (
          <Card title={t('selection.decidedTitle')}>
            <DataTable
              label={t('selection.decidedTitle')}
              rows={page.decided}
              rowKey={(d) => d.id}
              rowAttributes={(d) => ({ 'task-id': d.id, status: d.status })}
              empty="—"
              testId="selection-decided"
              columns={[
                {
                  key: 'org',
                  header: t('selection.organization'),
                  cell: (d) => (
                    <Link href={`/department/tasks/${d.id}`} className="font-medium text-brand-700 hover:underline">
                      {d.hostOrganization.name}
                    </Link>
                  ),
                },
                { key: 'status', header: t('selection.status'), cell: (d) => <StatusBadge status={d.status} /> },
                { key: 'mean', header: t('selection.mean'), align: 'right', cell: (d) => d.selectionScore ?? '—' },
                {
                  key: 'rank',
                  header: t('selection.rank'),
                  align: 'right',
                  cell: (d) => (d.selectionRank ? `${d.selectionRank}/${d.selectionOf}` : '—'),
                },
              ]}
            />
            {listed.selectionNote && (
              <p className="mt-3 text-sm text-slate-700" data-testid="selection-note">
                {t('selection.againstNote', { reason: listed.selectionNote })}
              </p>
            )}
          </Card>
        )}
        {page.members.length > 0 && (
          <Card title={t('selection.members', { count: page.members.length })}>
            <ul className="grid gap-1 text-sm sm:grid-cols-2" data-testid="selection-members">
              {page.members.map((m) => (
                <li key={m.id}>{m.user.name}</li>
              ))}
            </ul>
          </Card>
        )}
        {page.members.length > 0 && (
          <Card title={t('meetings.title')}>
            <div className="space-y-3" data-testid="selection-meetings">
              <MeetingList meetings={page.meetings} />
              {page.meetingForm && (
                <MeetingForm
                  target="council"
                  councilId={page.meetingForm.councilId}
                  seats={page.meetingForm.seats}
                  heldAt={page.meetingHeldAt}
                />
              )}
            </div>
          </Card>
        )}
        {page.noticeOpen && listed.status === 'OPEN' && <Alert tone="info">{t('selection.noticeOpen')}</Alert>}
        {page.can.form && (
          <Card title={t('selection.form.title')}>
            <SelectionCouncilForm page={page} />
          </Card>
        )}
        {page.can.decide &&
          (page.result.complete ? (
            <Card title={t('selection.decide.title')}>
              <DecideSelectionForm page={page} />
            </Card>
          ) : (
            <Alert tone="warning">{t('selection.incomplete')}</Alert>
          ))}
      </div>
    </>
  );
}

export default withClientIntl(ListedTaskSelectionPage);
