// Where the user is: the route lives in the address's hash (#/library, #/new, #/settings,
// #/case/<id>/<section>[/<recordId>]),
// so the browser's back and forward buttons work and a reload comes back to the same screen. The optional record is
// the one the user jumped to (from the search palette): the section can scroll to it (useFocusedRecord).
import { create } from 'zustand';

export const CASE_SECTIONS = [
  { id: 'overview', label: 'Overview' },
  { id: 'deadlines', label: 'Deadlines' },
  { id: 'meetings', label: 'Meetings' },
  { id: 'negotiation', label: 'Negotiation' },
  { id: 'precedents', label: 'Precedents' },
  { id: 'watch', label: 'Watch list' },
  { id: 'drafts', label: 'Drafts' },
  { id: 'timeline', label: 'Timeline' },
  // Last, so that the sections before it keep their Alt+digit.
  { id: 'conflicts', label: 'Conflicts' },
  // The tenth: Alt+0 (keymap.ts).
  { id: 'attachments', label: 'Attachments' },
] as const;
/**
 * Screens of a case besides the nine main sections: reached from the sidebar's foot and the palette, with no Alt+digit
 * (Alt+1 to Alt+9 are the main sections'). People is the case's who's-who.
 */
export const MORE_CASE_SCREENS = [{ id: 'people', label: 'People' }, { id: 'deleted', label: 'Recently deleted' }] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number]['id'] | (typeof MORE_CASE_SCREENS)[number]['id'];

export type Route =
  | { screen: 'library' }
  | { screen: 'new-case' }
  | { screen: 'settings' }
  | { screen: 'case'; caseId: string; section: CaseSection; record?: string };

const isSection = (s: string | undefined): s is CaseSection => [...CASE_SECTIONS, ...MORE_CASE_SCREENS].some((c) => c.id === s);

export function routeFromHash(hash: string): Route {
  const [screen, caseId, section, record] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (screen === 'new') return { screen: 'new-case' };
  if (screen === 'settings') return { screen: 'settings' };
  if (screen === 'case' && caseId) {
    const route: Extract<Route, { screen: 'case' }> = { screen: 'case', caseId, section: isSection(section) ? section : 'overview' };
    return record && isSection(section) ? { ...route, record } : route;
  }
  return { screen: 'library' };
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'library': return '#/library';
    case 'new-case': return '#/new';
    case 'settings': return '#/settings';
    case 'case': {
      const base = `#/case/${encodeURIComponent(route.caseId)}/${route.section}`;
      return route.record ? `${base}/${encodeURIComponent(route.record)}` : base;
    }
  }
}

interface NavigationState {
  route: Route;
  go(route: Route): void;
}

export const useNavigation = create<NavigationState>()((set) => ({
  route: routeFromHash(window.location.hash),
  go(route) {
    const hash = hashOf(route);
    if (window.location.hash !== hash) window.location.hash = hash; // hashchange below updates the state
    else set({ route });
  },
}));

window.addEventListener('hashchange', () => useNavigation.setState({ route: routeFromHash(window.location.hash) }));

export const go = (route: Route) => useNavigation.getState().go(route);

/** The record the route points at in the section on screen (after a jump from search), or null. */
export function useFocusedRecord(): string | null {
  return useNavigation((s) => (s.route.screen === 'case' ? s.route.record ?? null : null));
}
