import { useEffect, useRef, type ReactNode } from 'react';

/** The outcome of a finished form, announced politely, with focus moved to its heading when it appears. */
export function SuccessPanel({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="success-panel" role="status">
      <h2 className="h4" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </div>
  );
}
