'use client';
import { lazy, Suspense, useState } from 'react';
import { setUserActiveAction } from '@/lib/users/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';
import { Button } from '@/components/ui/button';

// The password form, with the form library and its messages, is fetched when "reset password" is first pressed.
const ResetPasswordForm = lazy(() => import('./reset-password-form'));

/** The buttons' words, translated by the server (the users list ships no next-intl). */
export type UserRowLabels = {
  activate: string;
  deactivate: string;
  resetPassword: string;
  passwordReset: string;
  loading: string;
  connectionLost: string;
};

export function UserRowActions({
  userId,
  active,
  self,
  labels,
}: {
  userId: string;
  active: boolean;
  self: boolean;
  labels: UserRowLabels;
}) {
  const toggle = useActionRunner(setUserActiveAction, { connectionLost: labels.connectionLost });
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!self && (
          <Button
            variant={active ? 'secondary' : 'primary'}
            disabled={toggle.pending}
            onClick={() => toggle.run({ userId, active: !active })}
          >
            {active ? labels.deactivate : labels.activate}
          </Button>
        )}
        <Button
          variant="ghost"
          aria-expanded={resetting}
          onClick={() => {
            setResetting((v) => !v);
            setDone(false);
          }}
        >
          {labels.resetPassword}
        </Button>
      </div>
      {toggle.error && (
        <p role="alert" className="text-xs text-red-700">
          {toggle.error}
        </p>
      )}
      {done && (
        <p role="status" className="text-xs text-emerald-700">
          {labels.passwordReset}
        </p>
      )}
      {resetting && (
        <Suspense
          fallback={
            <p role="status" className="text-xs text-slate-600">
              {labels.loading}
            </p>
          }
        >
          <ResetPasswordForm
            userId={userId}
            onDone={() => {
              setResetting(false);
              setDone(true);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
