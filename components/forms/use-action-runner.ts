'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/domain/action-result';

export type ActionRunnerOptions<R> = {
  /** The message shown when the action never answers (the connection was lost), already in the user's language. */
  connectionLost: string;
  onSuccess?: (data: R) => string | void;
  /** After a refusal, beside the message the hook keeps (e.g. to open the form the refusal is about). */
  onFailure?: (failure: Extract<ActionResult<R>, { ok: false }>) => void;
  refresh?: boolean;
};

/**
 * A server action behind a button (no fields): runs it, keeps its message, and after a success goes where
 * `onSuccess` says or refreshes the page's server data (the action answers with its data only). It translates
 * nothing itself, so a component given its labels by the server (a list's buttons) ships no next-intl; components
 * that translate in the browser use `useAction` (./use-action.ts), which passes the catalog's message.
 */
export function useActionRunner<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  { connectionLost, onSuccess, onFailure, refresh = true }: ActionRunnerOptions<R>,
) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (input: I) =>
    startTransition(async () => {
      const result = await action(input).catch((): ActionResult<R> => ({ ok: false, error: connectionLost }));
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
