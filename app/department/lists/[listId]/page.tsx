import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOrderList } from '@/lib/lists/loaders';
import { formatDate, formatVnd } from '@/lib/domain/format';
import { Card, PageHeader } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { DocumentLinks } from '@/components/documents/document-links';
import { loadListDocuments } from '@/lib/documents/loaders';
import { AddItemsForm, DecideListForm, RecallListButton, RemoveItemButton, SubmitListForm } from '@/components/lists/list-forms';
import { withClientIntl } from '@/components/i18n/client-intl';

export async function generateMetadata() {
  return { title: (await getTranslations('lists'))('list.title') };
}

const TONE = { DRAFT: 'amber', SUBMITTED: 'blue', DECIDED: 'green' } as const;

async function OrderListPage({ params }: { params: Promise<{ listId: string }> }) {
  const { listId } = await params;
  const [list, documents] = await Promise.all([loadOrderList(listId), loadListDocuments(listId)]);
  const t = await getTranslations();
  const facts = [
    list.submittedAt && t('lists.detail.sent', { date: formatDate(list.submittedAt) }),
    list.letterNumber && t('lists.detail.letter', { number: list.letterNumber }),
    list.decisionNumber && t('lists.detail.decided', { number: list.decisionNumber, date: formatDate(list.decisionDate) }),
  ].filter(Boolean);
  return (
    <>
      <Link href="/department/lists" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        {t('lists.detail.back')}
      </Link>
      <PageHeader
        title={<span data-testid="list-heading">{list.title}</span>}
        description={`${t('lists.fields.planYear')} ${list.planYear}${facts.length ? ` · ${facts.join(' · ')}` : ''}`}
        actions={
          <span data-testid="list-status" data-status={list.status}>
            <Badge tone={TONE[list.status]}>{t(`lists.status.${list.status}`)}</Badge>
          </span>
        }
      />
      <div className="space-y-6">
        <DocumentLinks documents={documents} />
        <Card title={t('lists.detail.items', { count: list.items.length })}>
          <DataTable
            label={t('lists.detail.items', { count: list.items.length })}
            rows={list.items}
            rowKey={(i) => i.id}
            rowAttributes={(i) => ({ 'item-id': i.id, status: i.status, 'needs-id': i.needsProposal?.id ?? '' })}
            empty={t('lists.detail.noItems')}
            testId="list-items"
            columns={[
              { key: 'code', header: t('lists.fields.code'), className: 'whitespace-nowrap', cell: (i) => i.code ?? '—' },
              {
                key: 'title',
                header: t('lists.fields.itemTitle'),
                className: 'max-w-md',
                cell: (i) => (
                  <>
                    <span className="font-medium text-slate-900">{i.title}</span>
                    {i.needsProposal && (
                      <span className="block text-xs text-slate-600">
                        {t('lists.fields.source')}: {i.needsProposal.code} ({i.needsProposal.organization.name})
                      </span>
                    )}
                    {i.struckReason && (
                      <span className="block text-xs text-red-700">{t('lists.detail.struckReason', { reason: i.struckReason })}</span>
                    )}
                  </>
                ),
              },
              {
                key: 'method',
                header: t('lists.fields.method'),
                cell: (i) => (
                  <>
                    {t(`lists.methods.${i.method}`)}
                    {i.directOrganization && <span className="block text-xs text-slate-600">{i.directOrganization.name}</span>}
                  </>
                ),
              },
              {
                key: 'budget',
                header: t('lists.fields.budgetEstimate'),
                align: 'right',
                className: 'whitespace-nowrap tabular-nums',
                cell: (i) => formatVnd(i.budgetEstimate),
              },
              { key: 'status', header: t('lists.fields.status'), cell: (i) => t(`lists.itemStatus.${i.status}`) },
              ...(list.can.edit
                ? [
                    {
                      key: 'actions',
                      header: t('common.actions'),
                      cell: (i: (typeof list.items)[number]) => (
                        <span className="flex flex-wrap items-start gap-2">
                          <Link
                            href={`/department/lists/${list.id}/items/${i.id}`}
                            className="text-sm text-brand-700 hover:underline"
                            data-testid={`list-edit-${i.id}`}
                          >
                            {t('lists.detail.edit')}
                          </Link>
                          <RemoveItemButton listId={list.id} version={list.version} itemId={i.id} />
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {list.can.edit && (
          <Card title={t('lists.detail.add')}>
            <AddItemsForm list={list} />
          </Card>
        )}
        {list.can.submit && list.items.length > 0 && <SubmitListForm list={list} />}
        {list.can.recall && <RecallListButton listId={list.id} version={list.version} />}
        {list.can.decide && <DecideListForm list={list} />}
      </div>
    </>
  );
}

export default withClientIntl(OrderListPage);
