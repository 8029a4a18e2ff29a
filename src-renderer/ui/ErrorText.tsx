import type { ReactNode } from 'react';

/**
 * The one way a screen says something failed: an alert (read out by screen readers as it appears) in the
 * theme's error style. Nothing is drawn when there is no message, so callers pass their error as it is.
 */
export function ErrorText({ children, className }: { children: ReactNode; className?: string }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p role="alert" className={className ? `error-text ${className}` : 'error-text'}>
      {children}
    </p>
  );
}
