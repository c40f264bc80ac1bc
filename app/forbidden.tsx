import { StatusPage } from '@/components/layout/status-page';

export default function Forbidden() {
  return <StatusPage messages="forbidden" testId="forbidden" />;
}
