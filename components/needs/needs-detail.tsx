import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { formatDateTime, formatVnd } from '@/lib/domain/format';
import type { NeedsStatus } from '@/lib/domain/needs-workflow';
import type { OrgNeedsPage } from '@/lib/needs/loaders';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';

/** One needs proposal as getNeeds gives it (the organization's and the department's pages alike). */
type Needs = OrgNeedsPage['needs'];

const TONE: Record<NeedsStatus, 'slate' | 'blue' | 'amber' | 'green' | 'red'> = {
  DRAFT: 'slate',
  SUBMITTED: 'blue',
  RETURNED: 'amber',
  WITHDRAWN: 'slate',
  MERGED: 'slate',
  UNDER_IDENTIFICATION: 'blue',
  RECOMMENDED: 'green',
  NOT_RECOMMENDED: 'red',
  LISTED: 'green',
  STRUCK: 'red',
};

export async function NeedsStatusBadge({ status }: { status: NeedsStatus }) {
  const t = await getTranslations('needs.status');
  return (
    <span data-testid="needs-status" data-status={status}>
      <Badge tone={TONE[status]}>{t(status)}</Badge>
    </span>
  );
}

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="whitespace-pre-line text-sm text-slate-900">{children || '—'}</dd>
    </div>
  );
}

/** A needs proposal's content, its call, and the merges it took part in (links to the area's own pages). */
export async function NeedsDetail({ needs, area }: { needs: Needs; area: 'org' | 'department' }) {
  const t = await getTranslations();
  return (
    <Card title={t('needs.detail.title')}>
      <dl className="divide-y divide-slate-100" data-testid="needs-detail">
        <Row label={t('needs.fields.code')}>{needs.code ?? t('needs.detail.noCode')}</Row>
        <Row label={t('needs.fields.call')}>
          {needs.call.title} ({needs.call.year})
        </Row>
        <Row label={t('needs.fields.organization')}>{needs.organization.name}</Row>
        <Row label={t('needs.fields.field')}>{needs.field ? t(`fields.${needs.field}`) : ''}</Row>
        <Row label={t('programs.choice.label')}>
          <span data-testid="needs-program">
            {needs.program ? `${needs.program.code} — ${needs.program.name}` : t('programs.choice.none')}
          </span>
        </Row>
        <Row label={t('needs.fields.problem')}>{needs.problem}</Row>
        <Row label={t('needs.fields.objectives')}>{needs.objectives}</Row>
        <Row label={t('needs.fields.expectedResults')}>{needs.expectedResults}</Row>
        <Row label={t('needs.fields.applyingUnits')}>{needs.applyingUnits}</Row>
        <Row label={t('needs.fields.durationMonths')}>
          {needs.durationMonths ? t('needs.detail.months', { n: needs.durationMonths }) : ''}
        </Row>
        <Row label={t('needs.fields.budgetEstimate')}>{needs.budgetEstimate !== null ? formatVnd(needs.budgetEstimate) : ''}</Row>
        <Row label={t('needs.fields.submittedAt')}>{needs.submittedAt ? formatDateTime(needs.submittedAt) : ''}</Row>
        {needs.mergedInto && (
          <Row label={t('needs.detail.mergedInto')}>
            <Link href={`/${area}/needs/${needs.mergedInto.id}`} className="text-brand-700 underline" data-testid="merged-into">
              {needs.mergedInto.code} — {needs.mergedInto.title}
            </Link>
          </Row>
        )}
        {needs.absorbed.length > 0 && (
          <Row label={t('needs.detail.absorbed')}>
            <ul data-testid="absorbed">
              {needs.absorbed.map((a) => (
                <li key={a.id}>
                  <Link href={`/${area}/needs/${a.id}`} className="text-brand-700 underline">
                    {a.code ?? a.title}
                  </Link>{' '}
                  · {a.organization.name}
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
    </Card>
  );
}
