import { StatusPage } from '@/components/layout/status-page';

export default function NotFound() {
  return <StatusPage messages="notFound" testId="not-found" />;
}
