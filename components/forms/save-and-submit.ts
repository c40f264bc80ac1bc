'use client';
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/domain/action-result';

type Failure = Extract<ActionResult<unknown>, { ok: false }>;
type SavedForm = { setValue(name: 'version', value: number): void };

/**
 * "Save" and "save and submit" on one edit form: `submitting` says which button was pressed (the form checks the
 * "ready to submit" schema then); after the save, the submission runs with the saved version and any field the
 * server still finds missing lands on that field. Both go to the record's page on success.
 */
export function useSaveAndSubmit<R extends { version: number }>({
  pageOf,
  submit,
}: {
  pageOf: (saved: R) => string;
  submit: (saved: R) => Promise<ActionResult<unknown>>;
}) {
  const tErrors = useTranslations('errors');
  const submitting = useRef(false);
  const onSuccess = async (saved: R, form: SavedForm, showFailure: (failure: Failure) => void) => {
    form.setValue('version', saved.version);
    if (!submitting.current) return pageOf(saved);
    const submitted = await submit(saved).catch(() => null);
    if (submitted?.ok) return pageOf(saved);
    showFailure(submitted ?? { ok: false, error: tErrors('connectionLost') });
  };
  return { submitting, onSuccess, setSubmitting: (on: boolean) => void (submitting.current = on) };
}

/** The messages of a refused submission (the form opened with `?check=1`), shown on their fields at once. */
export function useProblemsOnFields<V extends FieldValues>(form: UseFormReturn<V>, problems: Record<string, string[]>) {
  const { setError } = form;
  useEffect(() => {
    for (const [path, messages] of Object.entries(problems)) setError(path as Path<V>, { type: 'server', message: messages[0] });
  }, [setError, problems]);
}
