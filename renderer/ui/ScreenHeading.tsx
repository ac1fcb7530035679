// A screen's main heading. It takes focus when the screen opens, so keyboard and screen-reader users start at the
// top of the new screen instead of wherever the last one left them.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, actions, eyebrow }: { children: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
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
