import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';

interface RouteFocus {
  /** Called by the layout when the path changes: the next page heading should take the focus. */
  request: () => void;
  /** True once per request: the caller (the page h1) should focus itself. */
  claim: () => boolean;
}

const RouteFocusContext = createContext<RouteFocus>({ request: () => {}, claim: () => false });

/** Hands the focus to the new page's h1 after client-side navigation, as screen-reader users expect. */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const pending = useRef(false);
  const value = useMemo<RouteFocus>(
    () => ({
      request: () => {
        pending.current = true;
      },
      claim: () => {
        const was = pending.current;
        pending.current = false;
        return was;
      },
    }),
    [],
  );
  return <RouteFocusContext.Provider value={value}>{children}</RouteFocusContext.Provider>;
}

export function useRouteFocus(): RouteFocus {
  return useContext(RouteFocusContext);
}
