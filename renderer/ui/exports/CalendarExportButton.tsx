// "Add to calendar": the deadlines, meetings and action items (as the user chooses; all by default) of one case, or of
// every case in the library, as an .ics file the user's calendar imports. UIDs are stable, so importing a later export
// updates the same entries instead of adding copies. What was left out, and why, is said in one sentence.
import { useState } from 'react';
import { CALENDAR_CONTENTS, CALENDAR_CONTENT_LABELS, calendarContentsWords, calendarLeftOutSentence, type CalendarContent } from '../../../shared/calendar.js';
import type { IcsExport } from '../../../shared/contract.js';
import { messageOf } from '../../api/client.js';
import { api } from '../../services.js';
import { fileNameOf } from '../paths.js';
import { deliverExport, textAsBase64 } from './deliver-export.js';

export function CalendarExportButton({ caseId, label }: { caseId?: string; label: string }) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [include, setInclude] = useState<readonly CalendarContent[]>(CALENDAR_CONTENTS);

  function toggle(kind: CalendarContent, on: boolean) {
    setInclude((now) => CALENDAR_CONTENTS.filter((k) => (k === kind ? on : now.includes(k))));
  }

  async function exportCalendar() {
    if (include.length === 0) {
      setNotice({ text: 'Choose at least one of deadlines, meetings and action items to put on the calendar.', error: true });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const ics = await api().call('calendar.ics', { ...(caseId ? { caseIds: [caseId] } : {}), include: [...include] });
      const file = { fileName: ics.fileName, mediaType: 'text/calendar', dataBase64: textAsBase64(ics.text) };
      const done = await deliverExport(file, 'a calendar');
      const onIt = `On the calendar: ${calendarContentsWords(ics.tally, ics.included)}.`;
      const leftOut = calendarLeftOutSentence(ics.tally);
      const unreadable = ics.problems.length ? ` ${ics.problems.length} case file${ics.problems.length === 1 ? '' : 's'} could not be read: ${ics.problems.map((p) => p.path).join(', ')}.` : '';
      setNotice({ text: `${onIt}${leftOut ? ` ${leftOut}` : ''} ${done}${unreadable}${lockedNotice(ics.skipped)}`, error: false });
    } catch (err) {
      setNotice({ text: `The calendar was not exported: ${messageOf(err)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="calendar-export">
      <fieldset className="choice-group calendar-export__include">
        <legend className="muted">Put on the calendar</legend>
        <div className="choice-group__options">
          {CALENDAR_CONTENTS.map((kind) => (
            <label key={kind} className="choice">
              <input type="checkbox" checked={include.includes(kind)} onChange={(e) => toggle(kind, e.target.checked)} />
              <span>{CALENDAR_CONTENT_LABELS[kind]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" className="button button--small" onClick={() => void exportCalendar()} disabled={busy} aria-busy={busy}>
        {label}
      </button>
      {notice && (
        <p className={notice.error ? 'notice notice--error' : 'muted'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
    </div>
  );
}

/** Names the encrypted case files the export had to leave out (no passphrase while they are closed) and what to do. */
function lockedNotice(skipped: IcsExport['skipped']): string {
  const locked = skipped.filter((entry) => entry.reason === 'locked').map((entry) => fileNameOf(entry.path));
  if (!locked.length) return '';
  const one = locked.length === 1;
  return ` ${one ? '1 encrypted case file was' : `${locked.length} encrypted case files were`} left out because ${one ? 'it is' : 'they are'} locked: ${locked.join(', ')}. Open ${one ? 'it' : 'them'} and export again to include ${one ? 'its' : 'their'} entries.`;
}
