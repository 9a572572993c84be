// Each screen's title. It takes focus when the screen appears, so keyboard and screen-reader users start
// on the new screen instead of on a button that no longer exists.
import { useEffect, useRef } from 'react';

export function ScreenHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
