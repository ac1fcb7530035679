// A screen's main heading. When the user moves to another screen it takes focus, so keyboard and screen-reader
// users start at the top of the new screen instead of wherever the last one left them. The first screen after the
// page loads leaves focus alone, so Tab reaches the skip link first as on any page.
import { useEffect, useRef, type ReactNode } from 'react';

let firstScreenShown = false;

export function ScreenHeading({ children, actions, eyebrow }: { children: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstScreenShown) ref.current?.focus({ preventScroll: true });
    firstScreenShown = true;
  }, []);
  return (
    <header className="screen-heading">
      <div>
        {eyebrow && <p className="screen-heading__eyebrow">{eyebrow}</p>}
        <h1 ref={ref} tabIndex={-1}>
          {children}
        </h1>
      </div>
      {actions && <div className="screen-heading__actions">{actions}</div>}
    </header>
  );
}
