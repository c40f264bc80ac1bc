'use client';
import type { ButtonHTMLAttributes } from 'react';
import { useFormStatus } from 'react-dom';

/**
 * A submit button of a form rendered by the server (its action a server action): disabled while its form is being
 * sent. It is the only script such a form needs, so a page's header (language, logout) stays server-rendered.
 */
export function PendingButton({ disabled, ...props }: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>) {
  const { pending } = useFormStatus();
  return <button {...props} type="submit" disabled={disabled || pending} />;
}
