'use client';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/domain/action-result';
import { useActionRunner, type ActionRunnerOptions } from './use-action-runner';

/**
 * A server action behind a button (no fields), in a component that translates in the browser: useActionRunner
 * with the catalog's "connection lost" message.
 */
export function useAction<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: Omit<ActionRunnerOptions<R>, 'connectionLost'> = {},
) {
  const t = useTranslations();
  return useActionRunner(action, { ...options, connectionLost: t('errors.connectionLost') });
}
