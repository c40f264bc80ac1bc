import type { ReactNode } from 'react';
import { loadShell } from '@/lib/users/loaders';
import { AppShell } from '@/components/layout/app-shell';

export default async function EvaluatorLayout({ children }: { children: ReactNode }) {
  return <AppShell shell={await loadShell('evaluator')}>{children}</AppShell>;
}
