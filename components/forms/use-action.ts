'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/domain/action-result';

/**
 * A server action behind a button (no fields): runs it, keeps its message, and after a success goes where
 * `onSuccess` says or refreshes the page's server data (the action answers with its data only).
 */
export function useAction<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  {
    onSuccess,
    onFailure,
    refresh = true,
  }: {
    onSuccess?: (data: R) => string | void;
    /** After a refusal, beside the message the hook keeps (e.g. to open the form the refusal is about). */
    onFailure?: (failure: Extract<ActionResult<R>, { ok: false }>) => void;
    refresh?: boolean;
  } = {},
) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (input: I) =>
    startTransition(async () => {
      const result = await action(input).catch((): ActionResult<R> => ({ ok: false, error: t('errors.connectionLost') }));
      if (!result.ok) {
        setError(result.error);
        onFailure?.(result);
        return;
      }
      setError(null);
      const next = onSuccess?.(result.data);
      if (typeof next === 'string') router.push(next);
      else if (refresh) router.refresh();
    });
  return { run, pending, error };
}
