// Meeting briefs and draft templates, built from a case file; and the one call the command line and the app make
// to get a brief as a file.
import type { CaseFile } from '../case-file.js';
import type { ExportFormat } from '../export/index.js';
import type { PdfRenderer } from '../export/pdf.js';
import { fileSlug } from './format.js';
import { isoToday } from '../today.js';
import { buildMeetingBrief, meetingAsShown, meetingBriefPage, type MeetingBriefOptions } from './meeting-brief.js';

export { briefSections, buildMeetingBrief, casePage, meetingBriefPage, regenerateSection, readCaseData, type MeetingBriefOptions } from './meeting-brief.js';
export { briefPreview } from './preview.js';
export { SHAREABLE_MARKING } from '../../../shared/documents/page.js';
export { caseMergeValues, fillFirmTemplate, fillTemplate, MERGE_FIELDS, TEMPLATES, type FilledTemplate, type TemplateName } from './templates.js';

export interface RenderBriefOptions extends MeetingBriefOptions {
  format: ExportFormat;
  /** The page marking; "Privileged & Confidential - Attorney Work Product" (shareable: "Confidential") if not given. */
  marking?: string;
  /** The date the brief is dated, as an ISO date; today if not given. */
  today?: string;
  pdfRenderer?: PdfRenderer;
}

export interface RenderedFile {
  bytes: Buffer;
  /** A file name to suggest: "meeting-brief-<meeting>-<date>[-shareable].<format>". */
  fileName: string;
  mediaType: string;
}

/** Builds a meeting's brief and exports it in one step (what `parley brief` and the app's Export button call). */
export async function renderMeetingBrief(cf: CaseFile, meetingId: string, opts: RenderBriefOptions): Promise<RenderedFile> {
  const today = opts.today ?? isoToday();
  const doc = buildMeetingBrief(cf, meetingId, { shareable: opts.shareable, leaveOut: opts.leaveOut, sections: opts.sections });
  const page = meetingBriefPage(cf, meetingId, { shareable: opts.shareable, marking: opts.marking, today });
  // Loaded on first use: the Word and PDF exporters are large, and most runs of Parley never export.
  const { exportDocument, MEDIA_TYPES } = await import('../export/index.js');
  const bytes = await exportDocument(doc, opts.format, { ...page, pdfRenderer: opts.pdfRenderer });
  const slug = fileSlug(meetingAsShown(cf, meetingId, opts.shareable).title, 60, 'meeting');
  return {
    bytes,
    fileName: `meeting-brief-${slug}-${today}${opts.shareable ? '-shareable' : ''}.${opts.format}`,
    mediaType: MEDIA_TYPES[opts.format],
  };
}
