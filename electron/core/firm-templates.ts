// The firm's templates (shared/templates.ts): one JSON file each in <data>/templates, named
// <id>.parley-template.json. A colleague's template is added by copying its file into the folder, so the folder is
// read afresh on every listing, and every file is checked as it is read: one that is not a template, is damaged or
// was saved by a newer Parley is listed as unreadable with the reason, and the others are listed all the same.
//
// The caller never gives a path: a new template's id is made here from its title (a number added when the name is
// taken, so nothing is overwritten), and an id given back must be one that the id schema allows (lower case words and
// hyphens), so it cannot name a file outside the folder. Files are written atomically (temp file, fsync, rename).
import fs from 'node:fs';
import path from 'node:path';
import { withoutRecordLinks } from '../../shared/documents/index.js';
import {
  MAX_TEMPLATE_FILE_BYTES, TEMPLATE_EXTENSION, TEMPLATE_FORMAT, TEMPLATE_VERSION, TemplateFileSchema, templateIdSchema,
  type FirmTemplateInfo, type TemplateFile, type TemplateListing, type TemplateToSave, type UnreadableTemplate,
} from '../../shared/templates.js';
import { fileSlug } from './briefs/format.js';
import { fileError, ParleyError } from './errors.js';
import { writeFileAtomic } from './files.js';

export const TEMPLATES_FOLDER = 'templates';

type Read = { ok: true; file: TemplateFile } | { ok: false; problem: string; missing?: true };

export class FirmTemplates {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, TEMPLATES_FOLDER);
  }

  /** Every template in the folder, by title, and the files in it that cannot be used, with why. */
  list(): TemplateListing {
    const templates: FirmTemplateInfo[] = [];
    const unreadable: UnreadableTemplate[] = [];
    for (const fileName of this.fileNames()) {
      const read = this.readFile(fileName);
      if (read.ok) templates.push(infoOf(fileName, read.file));
      else unreadable.push({ fileName, problem: read.problem });
    }
    templates.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    return { folder: this.dir, templates, unreadable };
  }

  /** One template by id; refused, saying why, if it is not there or cannot be used. */
  get(id: string): TemplateFile & { id: string } {
    const fileName = this.fileNameOf(id);
    const read = this.readFile(fileName);
    if (!read.ok) throw new ParleyError(read.missing ? 'not_found' : 'invalid_input', `The template file ${fileName} ${read.problem}`);
    return { ...read.file, id };
  }

  /** Saves a new template under an id made from its title; never over another one. */
  save(template: TemplateToSave, savedBy: string): FirmTemplateInfo {
    const file: TemplateFile = template.kind === 'draft'
      // Record links point into the case the draft came from; in another case they would point at nothing.
      ? { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: 'draft', title: template.title, draftType: template.draftType, shareable: template.shareable, document: withoutRecordLinks(template.document), savedAt: new Date().toISOString(), savedBy }
      : { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: 'brief', title: template.title, sections: template.sections, savedAt: new Date().toISOString(), savedBy };
    return this.write(this.freeId(template.title), file);
  }

  /** Gives a template a new title; its file takes a name made from it (with a number if the name is taken). */
  rename(id: string, title: string): FirmTemplateInfo {
    const { id: _id, ...file } = this.get(id);
    const slug = fileSlug(title, 80, 'template');
    const newId = slug === id ? id : this.freeId(title);
    const info = this.write(newId, { ...file, title });
    if (newId !== id) this.removeFile(this.fileNameOf(id));
    return info;
  }

  /** Removes a template's file (a file that cannot be read too: the list names it by its id). */
  remove(id: string): void {
    const fileName = this.fileNameOf(id);
    if (!fs.existsSync(path.join(this.dir, fileName))) throw new ParleyError('not_found', `There is no template file ${fileName}.`);
    this.removeFile(fileName);
  }

  private write(id: string, file: TemplateFile): FirmTemplateInfo {
    const fileName = this.fileNameOf(id);
    const full = path.join(this.dir, fileName);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(full, `${JSON.stringify(file, null, 2)}\n`);
    } catch (err) {
      throw fileError(full, err);
    }
    return infoOf(fileName, file);
  }

  private removeFile(fileName: string): void {
    const full = path.join(this.dir, fileName);
    try {
      fs.rmSync(full);
    } catch (err) {
      throw fileError(full, err);
    }
  }

  /** An id made from the title that no file in the folder has yet: "position-paper", else "position-paper-2"... */
  private freeId(title: string): string {
    const slug = fileSlug(title, 80, 'template');
    const taken = new Set(this.fileNames());
    for (let n = 1; ; n++) {
      const id = n === 1 ? slug : `${slug}-${n}`;
      if (!taken.has(`${id}${TEMPLATE_EXTENSION}`)) return id;
    }
  }

  /** The file name of an id, checked again here so that no caller can reach outside the folder. */
  private fileNameOf(id: string): string {
    const checked = templateIdSchema.safeParse(id);
    if (!checked.success) throw new ParleyError('invalid_input', `"${id.slice(0, 100)}" is not the id of a template.`);
    return `${checked.data}${TEMPLATE_EXTENSION}`;
  }

  private fileNames(): string[] {
    try {
      return fs.readdirSync(this.dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(TEMPLATE_EXTENSION) && templateIdSchema.safeParse(e.name.slice(0, -TEMPLATE_EXTENSION.length)).success)
        .map((e) => e.name)
        .sort();
    } catch (err) {
      if ((err as { code?: unknown }).code === 'ENOENT') return [];
      throw fileError(this.dir, err);
    }
  }

  /** A file of the folder, checked; what is wrong with it, in words, completing "The template file X ...". */
  private readFile(fileName: string): Read {
    let text: string;
    try {
      const full = path.join(this.dir, fileName);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (!stat?.isFile()) return { ok: false, problem: 'is not there.', missing: true };
      if (stat.size > MAX_TEMPLATE_FILE_BYTES) return { ok: false, problem: 'is too large to be a template (more than 5 MB).' };
      text = fs.readFileSync(full, 'utf8');
    } catch (err) {
      return { ok: false, problem: `cannot be read: ${fileError(fileName, err).message}` };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, problem: 'is not a Parley template: it is not readable as a template file.' };
    }
    const head = json as { format?: unknown; version?: unknown };
    if (typeof json !== 'object' || json === null || head.format !== TEMPLATE_FORMAT) return { ok: false, problem: 'is not a Parley template.' };
    if (typeof head.version === 'number' && head.version > TEMPLATE_VERSION) {
      return { ok: false, problem: 'was saved by a newer version of Parley. Update Parley to use it.' };
    }
    const parsed = TemplateFileSchema.safeParse(json);
    if (!parsed.success) return { ok: false, problem: 'is damaged: a part every template has is missing or not valid.' };
    return { ok: true, file: parsed.data };
  }
}

function infoOf(fileName: string, file: TemplateFile): FirmTemplateInfo {
  const common = { id: fileName.slice(0, -TEMPLATE_EXTENSION.length), fileName, title: file.title, savedAt: file.savedAt, savedBy: file.savedBy };
  return file.kind === 'draft'
    ? { ...common, kind: 'draft', draftType: file.draftType, shareable: file.shareable }
    : { ...common, kind: 'brief', sections: file.sections };
}
