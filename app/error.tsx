'use client';
import { ErrorView } from '@/components/layout/error-view';

export default function RootError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return <ErrorView digest={error.digest} retry={retry} />;
}
