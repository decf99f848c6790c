// TanStack Query for the pages' data: one client, and the rules every query shares.
import { QueryClient } from '@tanstack/react-query';

/**
 * Pupil reads are audit-logged on the server, so a page fetches once when it opens, as before: no refetch on window
 * focus or reconnect, no silent retries (an error is shown with its retry button). Nothing is kept once no page
 * uses it (gcTime 0): a page opened again loads fresh data rather than first showing what may have changed since.
 * The cache is also cleared when the user signs in or out, so one user's data never shows for the next.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, gcTime: 0 },
  },
});
