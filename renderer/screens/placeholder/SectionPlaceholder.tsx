// The sections built in a later round: each says what it will hold, so the shell can be walked end to end now.
import type { CaseSection } from '../../state/navigation.js';
import { CASE_SECTIONS } from '../../state/navigation.js';
import { ScreenHeading } from '../../ui/ScreenHeading.js';

const PLANNED: Record<Exclude<CaseSection, 'overview' | 'deleted' | 'people'>, string> = {
  deadlines: 'Every deadline with its date, time and time zone, or its expected window while it is not known; its kind, owner and status, and the rule and trigger it hangs on.',
  meetings: 'Meetings with their attendees on each side, agenda, notes, decisions and action items.',
  negotiation: 'The issues, with our opening, target and walk-away positions, their stated position, the history of every change, concessions and both sides\' BATNA.',
  precedents: 'Statutes, regulations, decisions and earlier directives, with citations, summaries, why they matter and what links to them.',
  watch: 'Developments to watch, their indicators, what each would change in our positions, and the evidence.',
  drafts: 'Meeting briefs, position papers, letters and memos, with every saved revision.',
  timeline: 'The dated facts of the case in order: the order issued and received, statements, meetings held.',
  attachments: 'The documents of the case: the directive itself, letters, exhibits and notes, with their text read for search.',
  conflicts: 'The fields two copies of the case changed differently, each value with who wrote it, until someone chooses.',
};

export function SectionPlaceholder({ section }: { section: Exclude<CaseSection, 'overview' | 'deleted' | 'people'> }) {
  const label = CASE_SECTIONS.find((s) => s.id === section)!.label;
  return (
    <div className="screen placeholder">
      <ScreenHeading eyebrow="Case section">{label}</ScreenHeading>
      <section className="panel">
        <h2>Coming next</h2>
        <p>{PLANNED[section]}</p>
      </section>
    </div>
  );
}
