import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Table, Td, Th } from '@/components/ui/table';
import { EmptyState } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { formatDateTime, type Locale } from '@/lib/domain/format';
import type { listCalls } from '@/lib/calls/service';

type Call = Awaited<ReturnType<typeof listCalls>>[number];

export function callState(call: Pick<Call, 'opensAt' | 'closesAt'>, now = new Date()): 'upcoming' | 'open' | 'closed' {
  if (now < call.opensAt) return 'upcoming';
  return now > call.closesAt ? 'closed' : 'open';
}

const TONE = { upcoming: 'amber', open: 'green', closed: 'slate' } as const;

/** Calls with their open/closed state and how many tasks answer each. */
export async function CallTable({ calls, locale, editable }: { calls: Call[]; locale: Locale; editable: boolean }) {
  const t = await getTranslations();
  if (calls.length === 0) return <EmptyState>{t('deptCalls.empty')}</EmptyState>;
  return (
    <Table label={t('deptCalls.title')}>
      <thead>
        <tr>
          <Th>{t('deptCalls.titleField')}</Th>
          <Th>{t('deptCalls.year')}</Th>
          <Th>{t('deptCalls.fields')}</Th>
          <Th>{t('deptCalls.opensAt')}</Th>
          <Th>{t('deptCalls.closesAt')}</Th>
          <Th>{t('deptCalls.state')}</Th>
          <Th className="text-right">{t('deptCalls.tasks')}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100" data-testid="call-rows">
        {calls.map((c) => {
          const state = callState(c);
          return (
            <tr key={c.id} data-call-id={c.id} data-state={state}>
              <Td className="max-w-md">
                {editable ? (
                  <Link href={`/department/calls/${c.id}`} className="font-medium text-brand-700 hover:underline" data-testid="call-link">
                    {c.title}
                  </Link>
                ) : (
                  <span className="font-medium">{c.title}</span>
                )}
              </Td>
              <Td className="tabular-nums">{c.year}</Td>
              <Td className="text-xs">{c.fields.length ? c.fields.map((f) => t(`fields.${f}`)).join(', ') : t('deptCalls.allFields')}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(c.opensAt, locale)}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(c.closesAt, locale)}</Td>
              <Td>
                <Badge tone={TONE[state]}>{t(`deptCalls.states.${state}`)}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{c._count.tasks}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
