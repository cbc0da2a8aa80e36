// Who is signed in, and the search context (purpose and case reference) asked
// once and remembered for the session.
import { signal } from '@preact/signals';

export interface SessionInfo {
  user: { id: string; username: string; displayName?: string };
  authority: { id: string; name: string; country: string; kind: string };
  roles: string[];
  /** The purposes the policy lets this user search for (from the server). */
  purposes?: string[];
  csrfToken: string;
}

export const session = signal<SessionInfo | null | undefined>(undefined);

export interface SearchContextValue {
  purpose: string;
  caseReference: string;
}

const KEY = 'pontis.searchContext';
export const searchContext = signal<SearchContextValue>(
  (() => {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? '') as SearchContextValue;
    } catch {
      return { purpose: '', caseReference: '' };
    }
  })(),
);

export function rememberSearchContext(v: SearchContextValue): void {
  searchContext.value = v;
  sessionStorage.setItem(KEY, JSON.stringify(v));
}

export function forgetSession(): void {
  session.value = null;
  sessionStorage.removeItem(KEY);
  searchContext.value = { purpose: '', caseReference: '' };
}

export function hasRole(...roles: string[]): boolean {
  return !!session.value?.roles.some((r) => roles.includes(r));
}
