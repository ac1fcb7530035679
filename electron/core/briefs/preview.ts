// The preview of a shareable brief, before anything is written: each section (in, left out by the user, or internal
// as a whole) with what the sharing rules leave out of it, and warnings about shareable texts that quote internal
// ones or hold telltale words. Read from the same projection the brief is built from (shared/sharing.ts), and from
// what each section declares it draws (shared/documents/brief-sections.ts).
import type { BriefPreview, BriefPreviewSection, LeftOutOfSection, SharingWarning, TextPlace } from '../../../shared/api-types.js';
import { DEFAULT_BRIEF_SECTION_IDS, MEETING_BRIEF_SECTIONS, type MeetingBriefSectionId } from '../../../shared/documents/index.js';
import { KINDS, type KindName } from '../../../shared/records.js';
import {
  fieldLabel, internalTexts, QuoteFinder, recordTitle, shareableProjection, telltalesIn, textOf, type Withheld,
} from '../../../shared/sharing.js';
import type { CaseFile } from '../case-file.js';
import { caseRecords } from '../sharing.js';
import {
  BRIEF_KINDS, briefDataOf, briefScope, briefSections, checkBriefable, choicesShown, type BriefScope, type MeetingBriefOptions,
} from './meeting-brief.js';

type Draws = { readonly [K in KindName]?: readonly string[] };
type Scope = BriefScope;

function noun(kind: KindName, count: number): string {
  return (count === 1 ? KINDS[kind].label : KINDS[kind].plural).toLowerCase();
}

/** What of a section's records the rules leave out, counted by kind and field. */
function leftOutOf(draws: Draws, scope: Scope, withheld: ReadonlyMap<string, Withheld[]>): LeftOutOfSection[] {
  const out: LeftOutOfSection[] = [];
  for (const [kind, fields] of Object.entries(draws) as [KindName, readonly string[]][]) {
    const counts = new Map<string | null, number>();
    for (const id of scope.get(kind)?.keys() ?? []) {
      for (const w of withheld.get(id) ?? []) {
        if (w.field === null || fields.includes(w.field)) counts.set(w.field, (counts.get(w.field) ?? 0) + 1);
      }
    }
    for (const [field, count] of counts) {
      out.push({
        kind, field, count,
        text: field === null ? `${count} ${noun(kind, count)} kept internal` : `${fieldLabel(kind, field)} of ${count} ${noun(kind, count)}`,
      });
    }
  }
  return out;
}

const place = (kind: KindName, rec: Readonly<Record<string, unknown>>, field: string): TextPlace =>
  ({ kind, id: rec.id as string, title: recordTitle(kind, rec), field, fieldLabel: fieldLabel(kind, field) });

/**
 * The preview of the shareable brief of a meeting, with the sections the user chose (in their order) and those they
 * leave out. Every section is listed: those chosen first, in their order, then the others. Refuses a meeting that
 * is deleted, or internal (it has no shareable brief), as building the brief does.
 */
export function briefPreview(cf: CaseFile, meetingId: string, chosen: Pick<MeetingBriefOptions, 'leaveOut' | 'sections'> = {}): BriefPreview {
  const { leaveOut = [], sections: order } = chosen;
  checkBriefable(cf, meetingId);
  const all = caseRecords(cf, BRIEF_KINDS);
  const projection = shareableProjection(all);
  const shown = briefScope(briefDataOf(all, meetingId));
  const sharedData = briefDataOf(projection.records, meetingId);
  const shared = briefScope(sharedData);
  const withheld = new Map<string, Withheld[]>();
  for (const w of projection.withheld) withheld.set(w.id, [...(withheld.get(w.id) ?? []), w]);
  const included = new Set(briefSections({ shareable: true, leaveOut, sections: order }));
  // The sections chosen keep their place when the rules or the user leave them out.
  const inOrder = [...new Set(order ?? DEFAULT_BRIEF_SECTION_IDS)];
  const listed = [
    ...inOrder.map((id) => MEETING_BRIEF_SECTIONS.find((s) => s.id === id)!),
    ...MEETING_BRIEF_SECTIONS.filter((s) => !inOrder.includes(s.id)),
  ];

  const sections = listed.map((s): BriefPreviewSection => {
    const internal = 'internalOnly' in s && s.internalOnly;
    return {
      id: s.id, title: s.title, included: included.has(s.id),
      excluded: internal ? 'internal' : included.has(s.id) ? null : 'left_out',
      leftOut: internal ? [] : leftOutOf(s.draws, shown, withheld),
    };
  });

  // The shareable texts each included section would carry, checked against every internal text of the case.
  const finder = new QuoteFinder(internalTexts(all, projection.withheld));
  const warnings = new Map<string, SharingWarning>();
  const warn = (key: string, section: MeetingBriefSectionId, make: () => Omit<SharingWarning, 'sections'>) => {
    const known = warnings.get(key);
    if (known) {
      if (!known.sections.includes(section)) known.sections.push(section);
    } else warnings.set(key, { ...make(), sections: [section] });
  };
  for (const s of MEETING_BRIEF_SECTIONS.filter((x) => included.has(x.id))) {
    for (const [kind, fields] of Object.entries(s.draws) as [KindName, readonly string[]][]) {
      for (const rec of shared.get(kind)?.values() ?? []) {
        for (const field of fields) {
          const text = textOf(rec[field]);
          if (!text) continue;
          for (const q of finder.quotesIn(text)) {
            const source = all[q.source.kind]?.find((r) => r.id === q.source.id) as Readonly<Record<string, unknown>> | undefined;
            warn(`${rec.id as string}|${field}|q|${q.source.id}|${q.source.field}`, s.id, () => ({
              reason: 'quotes_internal', at: place(kind, rec, field), excerpt: q.excerpt,
              quotes: place(q.source.kind, source ?? { id: q.source.id }, q.source.field), word: null,
            }));
          }
          for (const t of telltalesIn(text)) {
            warn(`${rec.id as string}|${field}|w|${t.word}`, s.id, () => ({ reason: 'telltale_word', at: place(kind, rec, field), excerpt: t.excerpt, quotes: null, word: t.word }));
          }
        }
      }
    }
  }
  return { meetingId, sections, warnings: [...warnings.values()], choices: choicesShown(all, sharedData, { shareable: true, leaveOut, sections: order }) };
}
