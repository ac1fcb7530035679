// The firm's own templates: drafts saved as templates, and brief templates (a chosen set and order of a meeting
// brief's sections). Each is one small self-describing JSON file in the templates folder of the data folder
// (electron/core/firm-templates.ts), shared by copying the file into a colleague's templates folder. The file is
// checked against TemplateFileSchema whenever it is read, since anyone may have put it there.
import { z } from 'zod';
import { MEETING_BRIEF_SECTION_IDS, type MeetingBriefSectionId } from './documents/brief-sections.js';
import { DocumentSchema, type DocumentNode } from './documents/model.js';
import { DRAFT_TYPES } from './enums.js';

export const TEMPLATE_FORMAT = 'parley-template';
export const TEMPLATE_VERSION = 1;
export const TEMPLATE_EXTENSION = '.parley-template.json';
/** The largest template file read, in bytes: a long draft is far smaller. */
export const MAX_TEMPLATE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A template's id: its file name without the extension, made by the core from its title (lower case words joined
 * by hyphens). Nothing else is accepted, so an id can never name a file outside the templates folder.
 */
export const templateIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the id of a template, as the list of templates gives it');

export const templateTitleSchema = z.string().trim().min(1, 'give the template a name').max(200);

/** A brief's sections, in order, each at most once. */
export const briefSectionListSchema = z
  .array(z.enum(MEETING_BRIEF_SECTION_IDS))
  .min(1, 'choose at least one section')
  .max(MEETING_BRIEF_SECTION_IDS.length)
  .refine((ids) => new Set(ids).size === ids.length, 'names a section twice');

const common = {
  format: z.literal(TEMPLATE_FORMAT),
  version: z.literal(TEMPLATE_VERSION),
  title: templateTitleSchema,
  savedAt: z.iso.datetime(),
  savedBy: z.string().max(200),
};

export const TemplateFileSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('draft'),
    draftType: z.enum(DRAFT_TYPES),
    /** Saved from a draft that leaves the team: filled from the shareable projection of the case. */
    shareable: z.boolean(),
    document: DocumentSchema,
  }),
  z.object({ ...common, kind: z.literal('brief'), sections: briefSectionListSchema }),
]);
export type TemplateFile = z.infer<typeof TemplateFileSchema>;

interface TemplateCommon {
  /** Its file name without the extension. */
  id: string;
  fileName: string;
  title: string;
  savedAt: string;
  savedBy: string;
}

export interface DraftTemplateInfo extends TemplateCommon {
  kind: 'draft';
  draftType: (typeof DRAFT_TYPES)[number];
  shareable: boolean;
}

export interface BriefTemplateInfo extends TemplateCommon {
  kind: 'brief';
  sections: MeetingBriefSectionId[];
}

export type FirmTemplateInfo = DraftTemplateInfo | BriefTemplateInfo;

/** A file in the templates folder that is not a template this Parley can use, and why, in words. */
export interface UnreadableTemplate {
  fileName: string;
  problem: string;
}

export interface TemplateListing {
  /** The templates folder: a template is shared by copying its file into a colleague's. */
  folder: string;
  /** By title. */
  templates: FirmTemplateInfo[];
  unreadable: UnreadableTemplate[];
}

/** What template.save takes: a draft's document, or a brief's sections. */
export type TemplateToSave =
  | { kind: 'draft'; title: string; draftType: (typeof DRAFT_TYPES)[number]; shareable: boolean; document: DocumentNode }
  | { kind: 'brief'; title: string; sections: MeetingBriefSectionId[] };
