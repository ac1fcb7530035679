// A case file with records in it, built through the real dispatcher: a valid minimal set of fields for every kind,
// and a maker that creates whatever a record points at first.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KINDS, type CreatableKind, type KindName, type RecordMeta } from '../../../shared/records.js';
import { commentsFileBytes } from '../../../electron/core/review-comments-file.js';
import { newCase, testApi, type TestApi } from '../../helpers.js';

type Fields = Record<string, unknown>;
type Ref = (kind: KindName) => string;

/** The least a record of each kind needs: only required fields, and the records it must point at. */
export const MINIMAL_FIELDS: { [K in CreatableKind]: (ref: Ref) => Fields } = {
  party: () => ({ name: 'Ministry of Trade', partyKind: 'organization', side: 'theirs' }),
  event: () => ({ title: 'Order received', eventKind: 'order_received', occurredOn: '2026-03-02' }),
  deadline: () => ({ title: 'Response due', deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: '2026-04-01' }),
  meeting: () => ({ title: 'First meeting with the ministry', status: 'planned' }),
  attendee: (ref) => ({ meetingId: ref('meeting'), name: 'Deputy Minister', side: 'theirs' }),
  note: () => ({ body: 'They hinted at an allied-nation carve-out.' }),
  decision: (ref) => ({ meetingId: ref('meeting'), text: 'Ask for a thirty-day extension.' }),
  actionItem: () => ({ title: 'Send the extension letter', status: 'open' }),
  issue: () => ({ title: 'Scope of the suspension', priority: 'high', status: 'open' }),
  positionChange: (ref) => ({ issueId: ref('issue'), side: 'theirs', position: 'stated' }),
  concession: (ref) => ({ issueId: ref('issue'), direction: 'given', description: 'Quarterly compliance reports' }),
  // One live BATNA per side is allowed; a world makes at most one with these fields.
  batna: () => ({ side: 'ours', description: 'Seek judicial review' }),
  precedent: () => ({ title: 'The 2019 suspension order', precedentType: 'earlier_directive' }),
  watchItem: () => ({ title: 'Allied export rules', status: 'watching' }),
  draft: () => ({ title: 'Brief for the first meeting', draftType: 'meeting_brief', status: 'working' }),
  draftRevision: (ref) => ({ draftId: ref('draft'), format: 'markdown', body: '# Brief' }),
  link: (ref) => ({ fromKind: 'issue', fromId: ref('issue'), linkType: 'cites', toKind: 'precedent', toId: ref('precedent') }),
  disclosure: (ref) => ({ recordKind: 'issue', recordId: ref('issue'), field: 'ourTarget', level: 'shareable' }),
};

/** A valid change to one field of a kind (its title field, or for a link its type). */
export function changeFor(kind: KindName): Fields {
  return kind === 'link' ? { linkType: 'supports' } : { [KINDS[kind].titleField]: `Revised ${KINDS[kind].label.toLowerCase()}` };
}

export type AnyRecord = RecordMeta & Fields;

export class CaseWorld {
  constructor(
    readonly api: TestApi,
    readonly caseId: string,
    readonly file: string,
  ) {}

  /** A fresh session in a fresh folder, holding one new case file. */
  static create(): CaseWorld {
    const api = testApi();
    const info = newCase(api);
    return new CaseWorld(api, info.caseId, info.path);
  }

  /** Creates a record of `kind` (and whatever it points at) through the dispatcher. */
  make(kind: KindName, extra: Fields = {}): AnyRecord {
    if (kind === 'directive') return this.api.call('directive.get', { caseId: this.caseId }) as unknown as AnyRecord;
    if (kind === 'attachment') {
      return this.api.call('attachment.add', { caseId: this.caseId, name: 'order.png', mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=', ...extra }) as unknown as AnyRecord;
    }
    if (kind === 'reviewComment') return this.receiveComment(extra);
    const fields = { ...MINIMAL_FIELDS[kind as CreatableKind](this.ref), ...extra };
    return this.op(`${kind}.create`, { caseId: this.caseId, fields }) as AnyRecord;
  }

  ref = (kind: KindName): string => this.make(kind).id;

  /**
   * A reviewer's comment on the directive, taken into the case as the owner takes a reviewer's file (review.import);
   * `extra` overrides the comment's own fields in the file.
   */
  receiveComment(extra: Fields = {}): AnyRecord {
    const directive = this.make('directive');
    const at = new Date().toISOString();
    const comment = { id: randomUUID(), author: 'Rowan Reviewer', createdAt: at, resolvedAt: null, resolvedBy: null, about: { kind: 'directive', id: directive.id, title: directive.title }, text: 'Is the received-on date right?', ...extra };
    const { auditHead } = this.api.call('case.info', { caseId: this.caseId });
    const file = commentsFileBytes({ caseId: this.caseId, caseTitle: String(directive.title), caseAuditHead: auditHead, reviewer: 'Rowan Reviewer', exportedAt: at, comments: [comment as never] }, null);
    this.api.call('review.import', { caseId: this.caseId, dataBase64: file.toString('base64') });
    return this.api.call('reviewComment.list', { caseId: this.caseId, filter: { commentId: comment.id } })[0] as unknown as AnyRecord;
  }

  /** Calls an operation by a computed name and unwraps its result. */
  op(name: string, input: Record<string, unknown>): unknown {
    return (this.api.call as (n: string, i: unknown) => unknown)(name, input);
  }

  /** The newest audit entry as "seq:hash", or null while the case is closed. */
  auditHead(): string | null {
    const res = this.api.raw('case.info', { caseId: this.caseId });
    return res.ok ? (res.data as { auditHead: string }).auditHead : null;
  }

  /** Everything an operation could change on disk: each file in the folder (case files, WAL, library) and its bytes. */
  diskState(): Record<string, string> {
    return folderState(this.api.dir);
  }
}

/**
 * Each file below `dir` and a digest of its bytes. Left out: WAL index files (-shm), where readers write their
 * marks, and empty WAL files, which hold nothing and which SQLite's read-only connections leave beside a file.
 */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || entry.name.endsWith('-shm') || (entry.name.endsWith('-wal') && fs.statSync(file).size === 0)) continue;
    state[path.relative(dir, file)] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return state;
}
