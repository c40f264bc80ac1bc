'use client';
import { lazy, Suspense, useState } from 'react';
import type { setUserActiveAction } from '@/lib/users/actions';
import { useActionRunner } from '@/components/forms/use-action-runner';

// The password form, with the form library and its messages, is fetched when "reset password" is first pressed.
const ResetPasswordForm = lazy(() => import('./reset-password-form'));

// Plain <button>s with the stylesheet's .btn classes (the looks of components/ui/button.tsx): a list's script stays small.
/** The buttons' words, translated by the server (the users list ships no next-intl). */
export type UserRowLabels = {
  activate: string;
  deactivate: string;
  resetPassword: string;
  passwordReset: string;
  loading: string;
  connectionLost: string;
};

/** `action` (activate or deactivate) comes from the server page: the list's script carries no import of it. */
export function UserRowActions({
  action,
  userId,
  active,
  self,
  labels,
}: {
  action: typeof setUserActiveAction;
  userId: string;
  active: boolean;
  self: boolean;
  labels: UserRowLabels;
}) {
  const toggle = useActionRunner(action, { connectionLost: labels.connectionLost });
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {!self && (
          <button
            type="button"
            className={active ? 'btn btn-secondary' : 'btn btn-primary'}
            disabled={toggle.pending}
            onClick={() => toggle.run({ userId, active: !active })}
          >
            {active ? labels.deactivate : labels.activate}
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          aria-expanded={resetting}
          onClick={() => {
            setResetting((v) => !v);
            setDone(false);
          }}
        >
          {labels.resetPassword}
        </button>
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
