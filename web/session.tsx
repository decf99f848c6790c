// The signed-in user and what every page shares: their schools, the code list, the chosen school and year.
// The year comes from the URL (`?year=2025-2026`, so a link carries it), else from this browser's last choice
// (so a reload keeps it), else the school's default: the current school year.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type AbsenceCode, ApiError, api, type Me, type School, type SignedIn } from './api/client.ts';
import { queryClient } from './api/query.ts';
import { useI18n } from './i18n/i18n.tsx';
import { languageFromLocale } from './i18n/translate.ts';
import { navigate, useLocation } from './router.tsx';
import { schoolYearFromSearch, withSchoolYear } from './school-year-query.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; me: Me; schools: School[]; codes: AbsenceCode[] };

interface SessionContextValue {
  session: SessionState;
  /** Called by the login page with the user the server returned. */
  /** After sign-in (the sign-in answer's user); loads "who am I" again. */
  signedIn: (user: SignedIn['user']) => void;
  signOut: () => Promise<void>;
  reload: () => void;
  /** The school the header shows; pages set it from their URL or from the pupil they show. */
  schoolId: string | null;
  /** The school the header shows: the chosen one, else the preferred one (pages without a school use its year). */
  school: School | undefined;
  setSchoolId: (schoolId: string) => void;
  schoolYear: string | null;
  setSchoolYear: (schoolYear: string) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const SCHOOL_KEY = 'aanwezig.school';
const SCHOOL_YEAR_KEY = 'aanwezig.schoolYear';

function remembered(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function remember(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // storage refused: the choice then lasts for this page only
  }
}

/** The school to open on `/`: the last one used if the user still has it, else the first. */
export function preferredSchool(schools: readonly School[]): School | undefined {
  const last = remembered(SCHOOL_KEY);
  return schools.find((school) => String(school.id) === last) ?? schools[0];
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { adoptDefault } = useI18n();
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [schoolId, setSchoolIdState] = useState<string | null>(null);
  const { pathname, search } = useLocation();
  const linkedYear = schoolYearFromSearch(search);
  const [schoolYear, setSchoolYearState] = useState<string | null>(() => linkedYear ?? remembered(SCHOOL_YEAR_KEY));
  const [attempt, setAttempt] = useState(0);

  // A link with ?year= opens that year, and this browser remembers it for the next reload.
  useEffect(() => {
    if (linkedYear === null) return;
    remember(SCHOOL_YEAR_KEY, linkedYear);
    setSchoolYearState(linkedYear);
  }, [linkedYear]);

  const loadShared = useCallback(
    async (me: Me) => {
      adoptDefault(languageFromLocale(me.locale));
      // With a temporary password the server answers only "who am I" and the password change.
      if (me.mustChangePassword) return setSession({ status: 'ready', me, schools: [], codes: [] });
      const [schools, codes] = await Promise.all([api.schools(), api.absenceCodes()]);
      setSession({ status: 'ready', me, schools, codes });
    },
    [adoptDefault],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger
  useEffect(() => {
    let cancelled = false;
    setSession({ status: 'loading' });
    api
      .me()
      .then((me) => (cancelled ? undefined : loadShared(me)))
      .catch((error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401) setSession({ status: 'anonymous' });
        else setSession({ status: 'error', error });
      });
    return () => {
      cancelled = true;
    };
  }, [loadShared, attempt]);

  // A new session opens on the current school year: the last session's choice is forgotten. The user is read
  // again from /me, which also says what the user may do (the menu and start page follow it).
  const signedIn = useCallback((_user: SignedIn['user']) => {
    queryClient.clear();
    remember(SCHOOL_YEAR_KEY, null);
    setSchoolYearState(null);
    setSession({ status: 'loading' }); // at once, so the next page does not see the anonymous state
    setAttempt((count) => count + 1);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      remember(SCHOOL_YEAR_KEY, null);
      setSchoolYearState(null);
      queryClient.clear();
      setSession({ status: 'anonymous' });
    }
  }, []);

  const setSchoolId = useCallback((next: string) => {
    remember(SCHOOL_KEY, next);
    setSchoolIdState(next);
  }, []);

  // The choice goes into the address too, so the page's link carries the year.
  const setSchoolYear = useCallback(
    (next: string) => {
      remember(SCHOOL_YEAR_KEY, next);
      setSchoolYearState(next);
      navigate(`${pathname}${withSchoolYear(search, next)}`, { replace: true });
    },
    [pathname, search],
  );

  // Keep the school year valid for the header's school: a year the school has, else its default year.
  const school =
    session.status === 'ready'
      ? (session.schools.find((candidate) => String(candidate.id) === schoolId) ?? preferredSchool(session.schools))
      : undefined;
  useEffect(() => {
    if (school && (schoolYear === null || !school.schoolYears.includes(schoolYear))) {
      setSchoolYearState(school.defaultSchoolYear);
    }
  }, [school, schoolYear]);

  const value = useMemo(
    () => ({
      session,
      signedIn,
      signOut,
      reload: () => setAttempt((count) => count + 1),
      schoolId,
      school,
      setSchoolId,
      schoolYear: validSchoolYear(school, schoolYear),
      setSchoolYear,
    }),
    [session, signedIn, signOut, schoolId, setSchoolId, school, schoolYear, setSchoolYear],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The chosen year if the school has it, else the school's default; the remembered year while no school is known. */
function validSchoolYear(school: School | undefined, chosen: string | null): string | null {
  if (!school) return chosen;
  return chosen !== null && school.schoolYears.includes(chosen) ? chosen : school.defaultSchoolYear;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** For pages that only render once signed in. */
export function useReadySession() {
  const context = useSession();
  if (context.session.status !== 'ready') throw new Error('useReadySession needs a signed-in session');
  const { me, schools, codes } = context.session;
  return { ...context, me, schools, codes };
}
