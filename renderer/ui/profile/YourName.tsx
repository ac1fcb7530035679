// At the foot of the sidebar: the name your changes are written under, with your initials, and the way to change it.
import { deriveInitials } from '../../../shared/profile.js';
import { openProfileDialog, useProfile } from '../../state/profile.js';
import './profile.css';

export function YourName() {
  const info = useProfile((s) => s.info);
  if (!info) return null;
  const initials = info.nameForThisRun ? deriveInitials(info.nameForThisRun) : (info.profile?.initials ?? deriveInitials(info.fallbackName));
  const note = info.nameForThisRun ? 'given for this run' : info.profile ? null : 'your account’s name, until you set yours';
  return (
    <div className="identity">
      <span className="identity__initials" aria-hidden="true">
        {initials}
      </span>
      <p className="identity__name">
        <span className="visually-hidden">Your changes are written as </span>
        {info.actor}
        {note && <span className="identity__note">{note}</span>}
      </p>
      <button type="button" className="button button--small" onClick={openProfileDialog}>
        Your name…
      </button>
    </div>
  );
}
