import { SignUpForm } from '@/components/auth/sign-up-form';
import { withClientIntl } from '@/components/i18n/client-intl';

function SignUpPage() {
  return <SignUpForm />;
}

export default withClientIntl(SignUpPage);
