// What needs attention across every case file: deadlines overdue, due soon or not yet known, open action items,
// meetings ahead and watch items that fired, the user's own action items, and what to review: issues whose linked
// watch items moved, and watch items whose check-by date has come. Each entry opens its case at the section
// it belongs to; one of the user's action items opens at its meeting, the item itself in view.
import type { Dashboard, DashboardActionItem, DashboardDeadline } from '../../../shared/api-types.js';
import { openCase } from '../../state/cases.js';
import { useLibrary } from '../../state/library.js';
import type { CaseSection } from '../../state/navigation.js';
import { formatDay, relativeDay } from '../../ui/dates.js';
import { FirstFewList } from '../../ui/FirstFewList.js';
import { moveWords } from '../../ui/watch/move-words.js';

interface PanelEntry {
  id: string;
  title: string;
  caseTitle: string;
  path: string;
  when: string;
  /** A record to land on in the section (the action item, whose meeting opens with it). */
  record?: string;
  /** The section it opens, where not the panel's own. */
  section?: CaseSection;
}

interface PanelDef {
  id: string;
  title: string;
  empty: string;
  section: CaseSection;
  entries: PanelEntry[];
  /** How many entries it has in all: more than `entries` while the dashboard holds only each list's first few. */
  total: number;
  tone?: 'alert';
  /** Entries whose line under the title is the point (what moved, and when) show all of it, over more lines. */
  wrapMeta?: boolean;
}

function deadlineWhen(d: DashboardDeadline): string {
  if (d.dueType === 'tbd') {
    if (d.windowStart && d.windowEnd) return `expected ${formatDay(d.windowStart)} – ${formatDay(d.windowEnd)}`;
    if (d.windowStart) return `expected from ${formatDay(d.windowStart)}`;
    if (d.windowEnd) return `expected by ${formatDay(d.windowEnd)}`;
    return 'date not known';
  }
  const time = d.dueType === 'datetime' && d.dueTime ? ` ${d.dueTime} ${d.timeZone ?? ''}` : '';
  return `${formatDay(d.dueDate)}${time} (${relativeDay(d.dueDate!)})`;
}

function panelsOf(dashboard: Dashboard, withinDays: number): PanelDef[] {
  const { totals } = dashboard;
  const deadlineEntries = (list: DashboardDeadline[]) => list.map((d) => ({ ...d, when: deadlineWhen(d) }));
  const actionWhen = (a: DashboardActionItem, withOwner: boolean) => [withOwner && a.owner, a.dueDate && `due ${formatDay(a.dueDate)}`].filter(Boolean).join(', ') || 'no due date';
  return [
    {
      id: 'mine', title: 'My action items', empty: `No open action item is yours${dashboard.me ? ` (owned by ${dashboard.me})` : ''}.`, section: 'meetings',
      entries: dashboard.myActionItems.map((a) => ({ ...a, when: actionWhen(a, false), record: a.id })), total: totals.myActionItems,
    },
    { id: 'overdue', title: 'Overdue', empty: 'Nothing is overdue.', section: 'deadlines', tone: 'alert', entries: deadlineEntries(dashboard.overdue), total: totals.overdue },
    {
      id: 'upcoming', title: `Due in the next ${withinDays} days`, empty: `Nothing is due in the next ${withinDays} days.`, section: 'deadlines',
      entries: deadlineEntries(dashboard.upcoming), total: totals.upcoming,
    },
    { id: 'tbd', title: 'Deadlines not yet known', empty: 'No deadline is waiting for a date.', section: 'deadlines', entries: deadlineEntries(dashboard.tbd), total: totals.tbd },
    {
      id: 'actions', title: 'Open action items', empty: 'No open action items.', section: 'meetings',
      entries: dashboard.openActionItems.map((a) => ({ ...a, when: actionWhen(a, true) })), total: totals.openActionItems,
    },
    {
      id: 'meetings', title: 'Upcoming meetings', empty: 'No meetings planned.', section: 'meetings', total: totals.upcomingMeetings,
      entries: dashboard.upcomingMeetings.map((m) => ({ ...m, when: [m.meetingDate ? `${formatDay(m.meetingDate)}${m.startTime ? ` ${m.startTime}` : ''}` : 'date not set', m.location].filter(Boolean).join(', ') })),
    },
    {
      id: 'review', title: 'To review', empty: 'Nothing to review: no linked watch item has moved, and no check is due.', section: 'negotiation', tone: 'alert', wrapMeta: true,
      total: totals.toReview + totals.checksDue,
      entries: [
        ...dashboard.toReview.map((p) => ({ id: `${p.issueId}:${p.watchItemId}`, title: p.issueTitle, caseTitle: p.caseTitle, path: p.path, when: moveWords(p, p.billOrRuleNumber ?? `“${p.watchItemTitle}”`), record: p.issueId })),
        // The checks come after every issue: while the issues are cut to their first few, so are the checks (to none).
        ...(dashboard.toReview.length < totals.toReview ? [] : dashboard.checksDue).map((c) => ({
          ...c, title: `Check ${c.billOrRuleNumber ?? `“${c.title}”`}`, when: c.checkBy === dashboard.today ? 'due today' : `was due ${formatDay(c.checkBy)}`,
          record: c.id, section: 'watch' as const,
        })),
      ],
    },
    {
      id: 'watch', title: 'Watch items triggered', empty: 'No watch item has triggered.', section: 'watch', tone: 'alert', total: totals.triggeredWatchItems,
      entries: dashboard.triggeredWatchItems.map((w) => ({ ...w, when: w.triggeredOn ? `triggered ${formatDay(w.triggeredOn)}` : 'triggered' })),
    },
  ];
}

export const DASHBOARD_DAYS = 14;
/** Entries a panel shows before the user asks for the rest: the most pressing, and the panels stay level. */
const FIRST_FEW = 5;

/** `closedEncrypted`: the encrypted case files that are not open, which the dashboard could not read. */
export function DashboardPanels({ dashboard, closedEncrypted }: { dashboard: Dashboard; closedEncrypted: number }) {
  return (
    <section className="dashboard" aria-labelledby="dashboard-heading">
      <h2 id="dashboard-heading">Across all cases</h2>
      {closedEncrypted > 0 && (
        <p className="muted dashboard__left-out">
          {closedEncrypted === 1
            ? 'One encrypted case file is left out while it is closed: open it with its passphrase to include it.'
            : `${closedEncrypted.toLocaleString('en')} encrypted case files are left out while they are closed: open them with their passphrases to include them.`}
        </p>
      )}
      <div className="dashboard__grid">
        {panelsOf(dashboard, DASHBOARD_DAYS).map((panel) => (
          <DashboardPanel key={panel.id} panel={panel} />
        ))}
      </div>
    </section>
  );
}

function DashboardPanel({ panel }: { panel: PanelDef }) {
  const showAll = useLibrary((s) => s.loadWholeDashboard);
  const headingId = `dashboard-${panel.id}`;
  const alerting = panel.tone === 'alert' && panel.entries.length > 0;
  return (
    <section className={`panel dashboard-panel ${alerting ? 'dashboard-panel--alert' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {panel.title} <span className="count">{panel.total.toLocaleString('en')}</span>
      </h3>
      {panel.entries.length === 0 ? (
        <p className="empty">{panel.empty}</p>
      ) : (
        <FirstFewList items={panel.entries} total={panel.total} showAll={showAll} firstFew={FIRST_FEW} openedLabel={`All: ${panel.title}`}>
          {(shown) => (
            <ul className="dashboard-panel__list">
              {shown.map((entry) => (
                <li key={`${entry.path}:${entry.id}`}>
                  <button type="button" className="dashboard-entry" onClick={() => void openCase(entry.path, { section: entry.section ?? panel.section, record: entry.record })}>
                    <span className="dashboard-entry__title truncate" title={entry.title}>
                      {entry.title}
                    </span>
                    <span className={`dashboard-entry__meta ${panel.wrapMeta ? '' : 'truncate'}`} title={entry.caseTitle}>
                      {entry.when} · {entry.caseTitle}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </FirstFewList>
      )}
    </section>
  );
}
