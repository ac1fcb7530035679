// What every printed or exported page carries besides the document: its confidentiality marking, the case it
// belongs to and its date. The HTML page, the PDF made from it and the Word file all read these options.

export const DEFAULT_MARKING = 'Privileged & Confidential - Attorney Work Product';
/** The marking of a shareable meeting brief, which may go beyond counsel. */
export const SHAREABLE_MARKING = 'Confidential';

export type PageSize = 'Letter' | 'A4';

export interface PageOptions {
  /** The document's title: the HTML <title>, the Word title, the PDF's name. */
  title: string;
  /** The confidentiality marking at the top of every page; DEFAULT_MARKING if not given, none if ''. */
  marking?: string;
  /** The case reference (for example the directive's reference number) at the foot of every page. */
  caseReference?: string;
  /** The date shown at the foot of every page, as the reader should see it (for example "3 December 2026"). */
  date?: string;
  pageSize?: PageSize;
}

/** The page's running text, resolved from the options. */
export interface PageChrome {
  title: string;
  marking: string;
  /** "case reference · date", or whichever of the two is given. */
  footer: string;
  pageSize: PageSize;
}

export function pageChrome(opts: PageOptions): PageChrome {
  return {
    title: opts.title,
    marking: opts.marking ?? DEFAULT_MARKING,
    footer: [opts.caseReference, opts.date].filter((part) => !!part).join(' \u00b7 '),
    pageSize: opts.pageSize ?? 'Letter',
  };
}

/** Page sizes and margins, in millimetres, so the HTML page and the Word section agree. */
export const PAGE_SIZES_MM: Record<PageSize, { width: number; height: number }> = {
  Letter: { width: 215.9, height: 279.4 },
  A4: { width: 210, height: 297 },
};
export const PAGE_MARGINS_MM = { top: 22, bottom: 22, left: 20, right: 20 } as const;
