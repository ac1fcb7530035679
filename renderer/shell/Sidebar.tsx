// The sidebar: the library, each open case, and the sections of the case in view.
import type { CaseInfo } from '../../shared/api-types.js';
import { closeCase, useCases } from '../state/cases.js';
import { CASE_SECTIONS, hashOf, MORE_CASE_SCREENS, useNavigation } from '../state/navigation.js';
import { showPalette } from './palette/palette-state.js';
import { MOD } from './shortcuts/keymap.js';
import { ThemeChooser } from './ThemeChooser.js';
import { LockControls } from '../screens/lock/LockControls.js';
import { YourName } from '../ui/profile/YourName.js';

export function Sidebar() {
  const route = useNavigation((s) => s.route);
  const open = useCases((s) => s.open);
  const activeCaseId = route.screen === 'case' ? route.caseId : null;
  return (
    <aside className="sidebar">
      <p className="sidebar__brand">Parley</p>
      <button type="button" className="sidebar__search" onClick={showPalette} aria-keyshortcuts={MOD === 'Ctrl' ? 'Control+K' : 'Meta+K'}>
        Search… <kbd aria-hidden="true">{MOD}+K</kbd>
      </button>
      <nav className="sidebar__nav" aria-label="Library and cases">
        <a href={hashOf({ screen: 'library' })} className="sidebar__link" aria-current={route.screen === 'library' ? 'page' : undefined}>
          Library
        </a>
        {open.length > 0 && <p className="sidebar__group">Open cases</p>}
        {open.map((info) => (
          <OpenCase key={info.caseId} info={info} active={info.caseId === activeCaseId} section={route.screen === 'case' ? route.section : null} />
        ))}
      </nav>
      <a href={hashOf({ screen: 'settings' })} className="sidebar__link" aria-current={route.screen === 'settings' ? 'page' : undefined} aria-keyshortcuts={MOD === 'Ctrl' ? 'Control+,' : 'Meta+,'}>
        Settings <kbd aria-hidden="true">{MOD}+,</kbd>
      </a>
      <ThemeChooser />
      <LockControls />
      <YourName />
    </aside>
  );
}

function OpenCase({ info, active, section }: { info: CaseInfo; active: boolean; section: string | null }) {
  return (
    <div className={`sidebar__case ${active ? 'sidebar__case--active' : ''}`}>
      <div className="sidebar__case-head">
        {/* A long title is cut to one line; the tooltip gives it whole with the file's place, screen readers read it whole. */}
        <a href={hashOf({ screen: 'case', caseId: info.caseId, section: 'overview' })} className="sidebar__case-title" title={`${info.title}\n${info.path}`}>
          <span className="truncate">{info.title}</span>
          {info.readOnly && <span className="sidebar__tag"> ({info.review ? 'review' : 'read-only'})</span>}
        </a>
        <button type="button" className="icon-button" onClick={() => void closeCase(info.caseId)} aria-label={`Close ${info.title}`} title="Close this case">
          ×
        </button>
      </div>
      {active && (
        <ul className="sidebar__sections" aria-label={`Sections of ${info.title}`}>
          {CASE_SECTIONS.map((s) => {
            const badge = s.id === 'conflicts' && info.openConflicts > 0 ? info.openConflicts : 0;
            const badgeId = `sidebar-badge-${info.caseId}-${s.id}`;
            return (
              <li key={s.id}>
                <a
                  href={hashOf({ screen: 'case', caseId: info.caseId, section: s.id })}
                  className={`sidebar__link ${badge ? 'sidebar__link--badged' : ''}`}
                  aria-current={section === s.id ? 'page' : undefined}
                  aria-describedby={badge ? badgeId : undefined}
                >
                  {s.label}
                  {badge > 0 && <span className="badge badge--problem sidebar__badge" aria-hidden="true">{badge.toLocaleString('en')}</span>}
                </a>
                {/* Outside the link: its name stays the section's, the count is its description. */}
                {badge > 0 && <span id={badgeId} className="visually-hidden">{badge === 1 ? '1 open conflict' : `${badge.toLocaleString('en')} open conflicts`}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {active && (
        <ul className="sidebar__sections sidebar__sections--more" aria-label={`More of ${info.title}`}>
          {MORE_CASE_SCREENS.map((s) => (
            <li key={s.id}>
              <a href={hashOf({ screen: 'case', caseId: info.caseId, section: s.id })} className="sidebar__link" aria-current={section === s.id ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
