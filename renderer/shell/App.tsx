// The app shell: a skip link, the sidebar, the screen the route names, the search palette, the shortcut sheet and
// the problem dialog.
import { useEffect, useState } from 'react';
import { messageOf } from '../api/client.js';
import { LibraryScreen } from '../screens/library/LibraryScreen.js';
import { NewCaseScreen } from '../screens/new-case/NewCaseScreen.js';
import { SettingsScreen } from '../screens/settings/SettingsScreen.js';
import { SECTION_SCREENS } from '../screens/case-sections.js';
import { ReviewBanner } from '../ui/review/ReviewBanner.js';
import { LockScreen } from '../screens/lock/LockScreen.js';
import { useIdleLock } from '../screens/lock/use-idle-lock.js';
import { useAppLock } from '../state/app-lock.js';
import { useCases } from '../state/cases.js';
import { useProfile } from '../state/profile.js';
import { hashOf, useNavigation, type Route } from '../state/navigation.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { ProfileDialog } from '../ui/profile/ProfileDialog.js';
import { PassphraseDialog } from '../ui/passphrase/PassphraseDialog.js';
import { ScheduleConfirm } from '../ui/schedule/ScheduleConfirm.js';
import { DeleteQuestion } from '../ui/records/DeleteQuestion.js';
import { CaseUndoNotice } from '../ui/records/undo.js';
import { TeamDialogs } from '../ui/team/TeamDialogs.js';
import { useTeam } from '../state/team.js';
import { CommandPalette } from './palette/CommandPalette.js';
import { ShortcutSheet } from './shortcuts/ShortcutSheet.js';
import { useShortcuts } from './shortcuts/useShortcuts.js';
import { Sidebar } from './Sidebar.js';

export function App() {
  const [startup, setStartup] = useState<'loading' | 'ready' | string>('loading');
  const route = useNavigation((s) => s.route);
  useShortcuts();
  useIdleLock();
  const locked = useAppLock((s) => s.locked);

  useEffect(() => {
    useCases
      .getState()
      .refresh()
      .then(() => setStartup('ready'), (err: unknown) => setStartup(messageOf(err)));
    // Who is using Parley; read again on coming back, as a name may have been set in another window.
    const loadProfile = () => void useProfile.getState().load();
    loadProfile();
    window.addEventListener('focus', loadProfile);
    return () => window.removeEventListener('focus', loadProfile);
  }, []);

  if (locked) return <LockScreen />;
  return (
    <div className="app">
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        {startup === 'loading' ? null : startup === 'ready' ? <Screen route={route} /> : <p className="notice notice--error" role="alert">Parley could not start: {startup}</p>}
      </main>
      <CommandPalette />
      <ShortcutSheet />
      <ProblemDialog />
      <PassphraseDialog />
      <ScheduleConfirm />
      <DeleteQuestion />
      <ProfileDialog />
      <TeamDialogs />
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const isOpen = useCases((s) => route.screen === 'case' && s.open.some((c) => c.caseId === route.caseId));
  switch (route.screen) {
    case 'library':
      return <LibraryScreen />;
    case 'new-case':
      return <NewCaseScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'case':
      if (!isOpen) return <NotOpen />;
      return <SectionScreen route={route} />;
  }
}

function SectionScreen({ route }: { route: Extract<Route, { screen: 'case' }> }) {
  const Section = SECTION_SCREENS[route.section];
  // A merge changes records under every screen: the section is drawn again, reading the case afresh.
  const revision = useTeam((s) => s.revision[route.caseId] ?? 0);
  return (
    <>
      <ReviewBanner caseId={route.caseId} />
      <CaseUndoNotice caseId={route.caseId} />
      <Section key={`${route.caseId}/${route.section}/${revision}`} caseId={route.caseId} />
    </>
  );
}

function NotOpen() {
  return (
    <div className="screen">
      <h1>This case is not open</h1>
      <p>
        It was closed, or Parley was restarted. Open it again from the <a href={hashOf({ screen: 'library' })}>Library</a>.
      </p>
    </div>
  );
}
