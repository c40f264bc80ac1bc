import { SignUpForm } from '@/components/auth/sign-up-form';

export default function SignUpPage() {
  return <SignUpForm />;
}
