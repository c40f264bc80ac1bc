import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadProgramPage } from '@/lib/programs/loaders';
import { Card, PageHeader } from '@/components/ui/card';
import { EditProgramForm } from '@/components/programs/program-form';
import { ProgramBudget, ProgramSummary, ProgramTasks } from '@/components/programs/program-view';
import { withClientIntl } from '@/components/i18n/client-intl';

type Props = {
  params: Promise<{ programId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  return { title: (await getTranslations('programs'))('list.title') };
}

/** One program: its budget used and remaining, its tasks; the leader's edit form (staff read it only). */
async function ProgramPage({ params, searchParams }: Props) {
  const page = await loadProgramPage((await params).programId, await searchParams);
  const t = await getTranslations('programs');
  return (
    <>
      <Link href="/department/programs" className="mb-3 inline-block text-sm text-brand-700 hover:underline">
        ← {t('form.back')}
      </Link>
      <PageHeader title={<span data-testid="program-heading">{`${page.program.code} · ${page.program.name}`}</span>} />
      <div className="space-y-6">
        <ProgramBudget page={page} />
        <ProgramSummary page={page} />
        <ProgramTasks page={page} />
        {page.edit && (
          <Card title={t('form.editTitle')}>
            <EditProgramForm programId={page.edit.programId} version={page.edit.version} initial={page.edit.initial} />
          </Card>
        )}
      </div>
    </>
  );
}

export default withClientIntl(ProgramPage);
