import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';

/** Said when a list has nothing to show, with an optional way forward. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="callout note empty-state">
      <div className="callout-title">
        <Icon name="info-circle" />
        <span>{children}</span>
      </div>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
