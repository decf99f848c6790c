// A warning before leaving a page with unsaved changes: the browser's own dialog on reload, closing the tab or
// following an outside link (beforeunload), and a confirmation before an in-app navigation (the router's guard).
import { useEffect } from 'react';
import { setNavigationGuard } from './router.tsx';

export function useUnsavedChangesWarning(unsaved: boolean, message: string): void {
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = message;
    };
    window.addEventListener('beforeunload', beforeUnload);
    const removeGuard = setNavigationGuard(() => window.confirm(message));
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      removeGuard();
    };
  }, [unsaved, message]);
}
