'use client';
import { useTranslations } from 'next-intl';
import { SelectField } from '@/components/forms/zod-form';

/**
 * "Thuộc chương trình": the optional choice of a province S&T program in a needs proposal, listed task or dossier
 * form. The choices are the loader's (programs active this year, and the one the record already names).
 */
export function ProgramSelect({
  programs,
  className,
  testId = 'program-choice',
  hint,
}: {
  programs: { id: string; code: string; name: string }[];
  className?: string;
  testId?: string;
  hint?: string;
}) {
  const t = useTranslations('programs.choice');
  return (
    <SelectField
      name="programId"
      label={t('label')}
      hint={hint ?? t('hint')}
      placeholder={t('none')}
      className={className}
      testId={testId}
      options={programs.map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
    />
  );
}
