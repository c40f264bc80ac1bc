'use client';
import { lazy, Suspense, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LoadBoundary } from '@/components/ui/load-boundary';
import type { OpenListedFormProps } from './open-listed-form';

// The form, with the form library and its messages, is fetched when the user asks for it.
const loadForm = () => import('./open-listed-form');

/** The button's words, translated by the server (the listed tasks' list ships no next-intl). */
export type OpenListedLabels = { start: string; loading: string; loadFailed: string; loadRetry: string };

/** "Choose the tasks to put to a notice", which opens the form in its place. */
export function OpenListed({ labels, ...form }: OpenListedFormProps & { labels: OpenListedLabels }) {
  const [open, setOpen] = useState(false);
  const [OpenListedForm, setOpenListedForm] = useState(() => lazy(loadForm));
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="listed-open-start">
        {labels.start}
      </Button>
    );
  return (
    <LoadBoundary labels={{ failed: labels.loadFailed, retry: labels.loadRetry }} onRetry={() => setOpenListedForm(() => lazy(loadForm))}>
      <Suspense
        fallback={
          <p role="status" className="text-sm text-slate-600">
            {labels.loading}
          </p>
        }
      >
        <OpenListedForm {...form} />
      </Suspense>
    </LoadBoundary>
  );
}
