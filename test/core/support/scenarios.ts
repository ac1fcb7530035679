// One scenario per operation of the contract: how to get a valid input for it in a fresh case, and what a
// successful call must have done. The contract test runs each; the invalid-input test breaks each input.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type {
  AuditEntry, BriefPreview, CaseInfo, CaseSearchHit, CertificateComparison, CustodyCertificate, Dashboard, KeyDates, LibraryEntry, LinksOfRecord, LockedCase, ReviewComment, ReviewPrompt,
  ScheduleChange, SearchHit,
} from '../../../shared/api-types.js';
import { STATIC_OPERATIONS, verbsOf, type CaseExport, type ExportedFile, type IcsExport, type OpName } from '../../../shared/contract.js';
import type { DocumentNode } from '../../../shared/documents/model.js';
import type { Digest } from '../../../shared/digest.js';
import { calendarUid } from '../../../electron/core/calendar/export.js';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations.js';
import type { RecordSharing } from '../../../shared/sharing.js';
import { DEFAULT_SETTINGS } from '../../../shared/profile.js';
import { KINDS, type CreatableKind, type KindName, type RecordOf } from '../../../shared/records.js';
import { testApi } from '../../helpers.js';
import { changeFor, MINIMAL_FIELDS, type AnyRecord, type CaseWorld } from './world.js';

type Input = Record<string, unknown>;

export interface Prepared {
  /** A valid input holding every required key, and only the optional keys named in `optional`. */
  input: Input;
  optional?: string[];
  /** What the setup made, for the check. */
  made?: AnyRecord;
}

export interface Scenario {
  setup(w: CaseWorld): Prepared;
  check(w: CaseWorld, output: unknown, prepared: Prepared): void;
}

type Verb = ReturnType<typeof verbsOf>[number];

const history = (w: CaseWorld, id: string) => w.api.call('record.history', { caseId: w.caseId, id });
const lastOperation = (w: CaseWorld, id: string) => history(w, id).at(-1)?.operation;
const listIds = (w: CaseWorld, kind: KindName, includeDeleted = false) =>
  (w.op(`${kind}.list`, { caseId: w.caseId, includeDeleted }) as AnyRecord[]).map((r) => r.id);

function recordScenario(kind: KindName, verb: Verb): Scenario {
  const idInput = (w: CaseWorld, made: AnyRecord) => (kind === 'directive' ? { caseId: w.caseId } : { caseId: w.caseId, id: made.id });
  /** Makes a record of the kind; the input names it. */
  const madeOne = (w: CaseWorld): Prepared => {
    const made = w.make(kind);
    return { input: idInput(w, made), made };
  };
  switch (verb) {
    case 'create':
      return {
        setup: (w) => ({ input: { caseId: w.caseId, fields: MINIMAL_FIELDS[kind as CreatableKind](w.ref) } }),
        check: (w, out, { input }) => {
          const rec = out as AnyRecord;
          expect(rec).toMatchObject({ ...(input.fields as Input), version: 1, deletedAt: null, createdBy: 'Test Counsel' });
          expect(w.op(`${kind}.get`, { caseId: w.caseId, id: rec.id })).toEqual(rec);
          expect(lastOperation(w, rec.id)).toBe('create');
        },
      };
    case 'get':
      return {
        setup: madeOne,
        check: (_w, out, { made }) => expect(out).toEqual(made),
      };
    case 'list':
      return {
        setup: (w) => ({ input: { caseId: w.caseId }, made: w.make(kind) }),
        check: (_w, out, { made }) => expect(out).toEqual([made]),
      };
    case 'update':
      return {
        setup: (w) => {
          const made = w.make(kind);
          return { input: { ...idInput(w, made), changes: changeFor(kind) }, made };
        },
        check: (w, out, { input, made }) => {
          expect(out).toMatchObject({ ...(input.changes as Input), version: made!.version + 1 });
          expect(lastOperation(w, made!.id)).toBe('update');
        },
      };
    case 'delete':
      return {
        setup: madeOne,
        check: (w, out, { made }) => {
          expect((out as AnyRecord).deletedAt).toEqual(expect.any(String));
          expect(listIds(w, kind)).not.toContain(made!.id);
          expect(listIds(w, kind, true)).toContain(made!.id);
          expect(lastOperation(w, made!.id)).toBe('delete');
        },
      };
    case 'restore':
      return {
        setup: (w) => {
          const prepared = madeOne(w);
          w.op(`${kind}.delete`, prepared.input);
          return prepared;
        },
        check: (w, out, { made }) => {
          expect(out).toMatchObject({ id: made!.id, deletedAt: null, deletedBy: null, version: made!.version + 2 });
          expect(listIds(w, kind)).toContain(made!.id);
          expect(lastOperation(w, made!.id)).toBe('restore');
        },
      };
    case 'purge':
      return {
        setup: madeOne,
        check: (w, out, { made }) => {
          expect(out).toBeNull();
          expect(w.api.raw(`${kind}.get`, { caseId: w.caseId, id: made!.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
          expect(lastOperation(w, made!.id)).toBe('purge');
        },
      };
  }
}

const secondCasePath = (w: CaseWorld) => path.join(w.api.dir, 'second.parley');
const meetingIn = (w: CaseWorld) => w.make('meeting', { title: 'Meeting with the trade ministry' });
const briefOf = (w: CaseWorld, meetingId: string) => w.op('brief.build', { caseId: w.caseId, meetingId }) as DocumentNode;
/** The ids of the generated sections of a document, in order. */
const sectionIds = (doc: DocumentNode) => doc.content.flatMap((b) => (b.type === 'heading' && b.attrs.sectionId ? [b.attrs.sectionId] : []));
const decoded = (out: unknown) => Buffer.from((out as ExportedFile).dataBase64, 'base64').toString('utf8');
const MEMO: DocumentNode = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Reply by Friday.' }] }] };
const noteIn = (w: CaseWorld) => w.make('note', { body: 'The ministry hinted at an allied-nation carve-out.' });

// Partial so that a new operation does not break the type check of this file; the contract test fails instead,
// naming the operation that has no scenario yet.
const STATIC_SCENARIOS: Partial<Record<keyof typeof STATIC_OPERATIONS, Scenario>> = {
  'case.create': {
    setup: (w) => ({ input: { path: secondCasePath(w), directive: { title: 'Data localisation order', status: 'received' } } }),
    check: (w, out) => {
      const info = out as CaseInfo;
      expect(info).toMatchObject({ path: secondCasePath(w), title: 'Data localisation order', readOnly: false, schemaVersion: LATEST_SCHEMA_VERSION });
      expect(w.api.call('case.listOpen', {}).map((c) => c.caseId)).toContain(info.caseId);
    },
  },
  'case.open': {
    setup: (w) => {
      const second = w.api.call('case.create', { path: secondCasePath(w), directive: { title: 'Second order', status: 'received' } });
      w.api.call('case.close', { caseId: second.caseId });
      return { input: { path: second.path }, made: { id: second.caseId } as AnyRecord };
    },
    check: (_w, out, { made }) => expect(out).toMatchObject({ caseId: made!.id, title: 'Second order', readOnly: false }),
  },
  'case.close': {
    setup: (w) => ({ input: { caseId: w.caseId } }),
    check: (w, out) => {
      expect(out).toBeNull();
      expect(w.api.call('case.listOpen', {})).toEqual([]);
      expect(w.api.raw('case.info', { caseId: w.caseId })).toMatchObject({ ok: false, error: { code: 'not_open' } });
    },
  },
  'case.info': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: noteIn(w) }),
    check: (w, out) => {
      expect(out).toMatchObject({ caseId: w.caseId, path: w.file, title: 'Export-control suspension order', status: 'received', auditEntries: 2 });
      expect((out as CaseInfo).counts).toMatchObject({ directive: 1, note: 1, meeting: 0 });
      expect((out as CaseInfo).auditHead).toMatch(/^2:[0-9a-f]{64}$/);
    },
  },
  'case.listOpen': {
    setup: () => ({ input: {} }),
    check: (w, out) => expect((out as CaseInfo[]).map((c) => c.caseId)).toEqual([w.caseId]),
  },
  'case.verify': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: noteIn(w) }),
    check: (_w, out) => expect(out).toMatchObject({ ok: true, integrity: ['ok'], foreignKeys: [], auditChain: { entries: 2, problems: [] } }),
  },
  'case.export': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: w.make('attachment') }),
    check: (w, out, { made }) => {
      const data = out as CaseExport;
      expect(data).toMatchObject({ format: 'parley-case-export', formatVersion: 1, caseId: w.caseId, schemaVersion: LATEST_SCHEMA_VERSION });
      expect(data.records.attachment).toEqual([made]);
      expect(data.attachments).toEqual({ [made!.id]: 'iVBORw0KGgo=' });
    },
  },
  'case.import': {
    setup: (w) => {
      const made = noteIn(w);
      const data = w.api.call('case.export', { caseId: w.caseId });
      w.api.call('case.close', { caseId: w.caseId });
      return { input: { path: secondCasePath(w), data }, made };
    },
    check: (w, out, { made }) => {
      expect(out).toMatchObject({ caseId: w.caseId, path: secondCasePath(w), counts: { note: 1, directive: 1 } });
      expect(w.api.call('note.get', { caseId: w.caseId, id: made!.id })).toEqual(made);
    },
  },
  'case.search': {
    setup: (w) => ({ input: { caseId: w.caseId, query: 'carve' }, made: noteIn(w) }),
    check: (_w, out, { made }) => expect((out as SearchHit[]).map((h) => [h.kind, h.id])).toEqual([['note', made!.id]]),
  },
  'case.keyDates': {
    setup: (w) => ({ input: { caseId: w.caseId, today: '2027-03-10' }, made: w.make('deadline', { title: 'Written reply', dueType: 'date', dueDate: '2027-03-20', status: 'open' }) }),
    check: (_w, out, { made }) => expect((out as KeyDates).next).toEqual({ id: made!.id, title: 'Written reply', dueDate: '2027-03-20' }),
  },
  'issue.reviewPrompts': {
    // A watch item linked to an issue, then moved on to its next stage.
    setup: (w) => {
      const issue = w.make('issue');
      const bill = w.make('watchItem', { measure: 'bill', stage: 'introduced' });
      w.make('link', { fromKind: 'watchItem', fromId: bill.id, toKind: 'issue', toId: issue.id });
      w.op('watchItem.update', { caseId: w.caseId, id: bill.id, changes: { stage: 'in_committee' } });
      return { input: { caseId: w.caseId }, made: issue };
    },
    check: (_w, out, { made }) => expect((out as ReviewPrompt[]).map((p) => [p.issueId, p.move, p.stage])).toEqual([[made!.id, 'stage', 'in_committee']]),
  },
  'case.recentChanges': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: noteIn(w) }),
    check: (_w, out, { made }) => {
      const entries = out as AuditEntry[];
      expect(entries.map((e) => [e.seq, e.kind, e.operation])).toEqual([[2, 'note', 'create'], [1, 'directive', 'create']]);
      expect(entries[0]!.recordId).toBe(made!.id);
    },
  },
  'record.history': {
    setup: (w) => {
      const made = noteIn(w);
      w.api.call('note.update', { caseId: w.caseId, id: made.id, changes: { body: 'Carve-out confirmed.' }, reason: 'after the call' });
      return { input: { caseId: w.caseId, id: made.id }, made };
    },
    check: (_w, out) => {
      const entries = out as AuditEntry[];
      expect(entries.map((e) => [e.operation, e.reason, e.changedFields])).toEqual([['create', null, expect.any(Array)], ['update', 'after the call', ['body']]]);
      expect(entries[1]!.after).toMatchObject({ body: 'Carve-out confirmed.', version: 2 });
    },
  },
  'record.resolveId': {
    setup: (w) => {
      const made = noteIn(w);
      return { input: { caseId: w.caseId, prefix: made.id.slice(0, 8).toUpperCase() }, made };
    },
    check: (_w, out, { made }) => expect(out).toEqual({ kind: 'note', id: made!.id, title: made!.body }),
  },
  'record.links': {
    setup: (w) => {
      const made = w.make('link');
      return { input: { caseId: w.caseId, kind: 'issue', id: made.fromId }, made };
    },
    check: (_w, out, { made }) => {
      const links = out as LinksOfRecord;
      expect(links.outgoing).toEqual([{ link: made, otherTitle: MINIMAL_FIELDS.precedent(() => '').title }]);
      expect(links.incoming).toEqual([]);
    },
  },
  'record.deletionImpact': {
    setup: (w) => {
      const made = w.make('link');
      w.make('positionChange', { issueId: made.fromId });
      return { input: { caseId: w.caseId, kind: 'issue', id: made.fromId }, made };
    },
    check: (_w, out, { made }) => {
      expect(out).toEqual({
        kind: 'issue', id: made!.fromId, title: MINIMAL_FIELDS.issue(() => '').title, laterChanges: 0, askFirst: true,
        goesWith: [{ kind: 'positionChange', count: 1 }, { kind: 'link', count: 1 }],
      });
    },
  },
  'case.deleted': {
    setup: (w) => {
      const made = w.make('link');
      w.op('issue.delete', { caseId: w.caseId, id: made.fromId });
      return { input: { caseId: w.caseId }, made };
    },
    check: (_w, out, { made }) => {
      // The link went with its issue: listed under it, not on its own.
      expect(out).toEqual([expect.objectContaining({ kind: 'issue', id: made!.fromId, deletedBy: expect.any(String), goesWith: [{ kind: 'link', count: 1 }] })]);
    },
  },
  'case.undoState': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: noteIn(w) }),
    check: (_w, out) => expect(out).toEqual({ undo: 'adding the note “The ministry hinted at an allied-nation carve-out.”', redo: null }),
  },
  'case.undo': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: noteIn(w) }),
    check: (w, out, { made }) => {
      expect(out).toMatchObject({ did: 'Undone: adding the note “The ministry hinted at an allied-nation carve-out.”.', undo: null });
      expect(listIds(w, 'note')).not.toContain(made!.id);
      expect(lastOperation(w, made!.id)).toBe('delete');
    },
  },
  'case.redo': {
    setup: (w) => {
      const made = noteIn(w);
      w.op('case.undo', { caseId: w.caseId });
      return { input: { caseId: w.caseId }, made };
    },
    check: (w, out, { made }) => {
      expect(out).toMatchObject({ redo: null, undo: 'adding the note “The ministry hinted at an allied-nation carve-out.”' });
      expect(listIds(w, 'note')).toContain(made!.id);
      expect(lastOperation(w, made!.id)).toBe('restore');
    },
  },
  'attachment.add': {
    setup: (w) => ({ input: { caseId: w.caseId, name: 'order.txt', mediaType: 'text/plain', dataBase64: Buffer.from('hello').toString('base64') } }),
    check: (_w, out) =>
      expect(out).toMatchObject({ name: 'order.txt', size: 5, sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824', version: 1 }),
  },
  'attachment.textState': {
    setup: (w) => {
      const made = w.make('attachment');
      return { input: { caseId: w.caseId, id: made.id }, made };
    },
    check: (_w, out) => expect(out).toEqual({ textStatus: 'none', textError: null }),
  },
  'attachment.read': {
    setup: (w) => {
      const made = w.make('attachment');
      return { input: { caseId: w.caseId, id: made.id }, made };
    },
    check: (_w, out) => expect(out).toEqual({ name: 'order.png', mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' }),
  },
  'brief.build': {
    setup: (w) => {
      const made = meetingIn(w);
      return { input: { caseId: w.caseId, meetingId: made.id }, made };
    },
    check: (_w, out) => {
      expect(out).toMatchObject({ type: 'doc' });
      expect(sectionIds(out as DocumentNode).length).toBeGreaterThan(0);
      expect(JSON.stringify(out)).toContain('Meeting with the trade ministry');
    },
  },
  'brief.regenerateSection': {
    setup: (w) => {
      const made = meetingIn(w);
      const brief = briefOf(w, made.id);
      return { input: { caseId: w.caseId, meetingId: made.id, document: brief, sectionId: sectionIds(brief)[0] }, made };
    },
    check: (_w, out, { input }) => {
      // Regenerating a section of an unedited brief gives the brief back.
      expect(out).toEqual(input.document);
    },
  },
  'brief.preview': {
    setup: (w) => {
      const made = meetingIn(w);
      return { input: { caseId: w.caseId, meetingId: made.id, leaveOut: ['watch'] }, optional: ['leaveOut'], made };
    },
    check: (_w, out) => {
      const preview = out as BriefPreview;
      expect(preview.sections.find((s) => s.id === 'watch')).toMatchObject({ included: false, excluded: 'left_out' });
      expect(preview.sections.find((s) => s.id === 'batna')).toMatchObject({ included: false, excluded: 'internal' });
      expect(preview.sections.find((s) => s.id === 'purpose')).toMatchObject({ included: true, excluded: null });
    },
  },
  'sharing.get': {
    setup: (w) => {
      const made = w.make('issue', { ourTarget: 'Allied carve-out' });
      return { input: { caseId: w.caseId, kind: 'issue', id: made.id }, made };
    },
    check: (_w, out, { made }) => {
      const sharing = out as RecordSharing;
      expect(sharing).toMatchObject({ kind: 'issue', id: made!.id, record: { level: 'shareable', choice: null } });
      expect(sharing.fields.find((f) => f.field === 'ourTarget')).toMatchObject({ level: 'internal', default: 'internal', choice: null, settable: true });
    },
  },
  'sharing.set': {
    setup: (w) => {
      const made = w.make('issue', { ourTarget: 'Allied carve-out' });
      return { input: { caseId: w.caseId, kind: 'issue', id: made.id, field: 'ourTarget', level: 'shareable', reason: 'Agreed to table it' }, optional: ['field', 'reason'], made };
    },
    check: (w, out) => {
      const sharing = out as RecordSharing;
      expect(sharing.fields.find((f) => f.field === 'ourTarget')).toMatchObject({ level: 'shareable', choice: { level: 'shareable', by: 'Test Counsel' } });
      const [change] = w.api.call('case.recentChanges', { caseId: w.caseId, limit: 1 });
      expect(change).toMatchObject({ kind: 'disclosure', operation: 'create', actor: 'Test Counsel', reason: 'Agreed to table it' });
    },
  },
  'sharing.list': {
    setup: (w) => {
      const made = w.make('note');
      w.api.call('sharing.set', { caseId: w.caseId, kind: 'note', id: made.id, level: 'internal' });
      return { input: { caseId: w.caseId }, made };
    },
    check: (_w, out, { made }) => {
      expect(out).toEqual([expect.objectContaining({ kind: 'note', id: made!.id, field: null, level: 'internal', by: 'Test Counsel', live: true })]);
    },
  },
  'template.fill': {
    setup: (w) => ({ input: { caseId: w.caseId, template: 'internalMemo' } }),
    check: (_w, out) => {
      expect(out).toMatchObject({ title: expect.any(String), draftType: 'memo', shareable: false, doc: { type: 'doc' }, missing: expect.any(Array), unresolved: expect.any(Array) });
    },
  },
  'template.list': {
    setup: (w) => {
      w.api.call('template.save', { kind: 'brief', title: 'Session brief', sections: ['issues', 'purpose'] });
      return { input: {} };
    },
    check: (_w, out) => {
      expect(out).toMatchObject({ templates: [{ id: 'session-brief', kind: 'brief', sections: ['issues', 'purpose'] }], unreadable: [] });
    },
  },
  'template.save': {
    setup: () => ({ input: { kind: 'brief', title: 'Session brief', sections: ['issues', 'purpose'] } }),
    check: (w, out) => {
      expect(out).toMatchObject({ id: 'session-brief', kind: 'brief', title: 'Session brief' });
      expect(w.api.call('template.list', {}).templates).toHaveLength(1);
    },
  },
  'template.rename': {
    setup: (w) => {
      const { id } = w.api.call('template.save', { kind: 'brief', title: 'Session brief', sections: ['issues'] });
      return { input: { templateId: id, title: 'Short brief' } };
    },
    check: (w, out) => {
      expect(out).toMatchObject({ id: 'short-brief', title: 'Short brief' });
      expect(w.api.call('template.list', {}).templates.map((t) => t.id)).toEqual(['short-brief']);
    },
  },
  'template.remove': {
    setup: (w) => {
      const { id } = w.api.call('template.save', { kind: 'brief', title: 'Session brief', sections: ['issues'] });
      return { input: { templateId: id } };
    },
    check: (w, out) => {
      expect(out).toBeNull();
      expect(w.api.call('template.list', {}).templates).toEqual([]);
    },
  },
  'brief.export': {
    setup: (w) => {
      const made = meetingIn(w);
      return { input: { caseId: w.caseId, meetingId: made.id, format: 'md' }, made };
    },
    check: (_w, out) => {
      expect(out).toMatchObject({ fileName: expect.stringMatching(/^meeting-brief-meeting-with-the-trade-ministry-.*\.md$/), mediaType: expect.stringMatching(/^text\/markdown/) });
      expect(decoded(out)).toContain('Meeting with the trade ministry');
    },
  },
  'document.export': {
    setup: (w) => ({ input: { caseId: w.caseId, document: MEMO, format: 'html', title: 'Reply memo' } }),
    check: (_w, out) => {
      expect(out).toMatchObject({ fileName: 'reply-memo.html', mediaType: expect.stringMatching(/^text\/html/) });
      expect(decoded(out)).toContain('Reply by Friday.');
    },
  },
  'library.list': {
    setup: () => ({ input: { today: '2026-03-25' }, optional: ['today'] }),
    check: (w, out) => expect(out).toMatchObject([{ path: w.file, caseId: w.caseId, state: 'ok', title: 'Export-control suspension order' }] satisfies Partial<LibraryEntry>[]),
  },
  'library.forget': {
    setup: (w) => ({ input: { path: w.file } }),
    check: (w, out) => {
      expect(out).toBeNull();
      expect(w.api.call('library.list', {})).toEqual([]);
    },
  },
  'library.archive': {
    setup: (w) => ({ input: { path: w.file, archived: true }, made: noteIn(w) }),
    check: (w, out) => {
      expect(out).toBeNull();
      expect(w.api.call('library.list', {})).toMatchObject([{ path: w.file, archived: true }]);
      expect(w.api.call('library.search', { query: 'carve' })).toEqual([]);
    },
  },
  'library.rename': {
    setup: (w) => {
      w.api.call('case.close', { caseId: w.caseId });
      return { input: { path: w.file, name: 'renamed' } };
    },
    check: (w, out) => {
      const renamed = path.join(path.dirname(w.file), 'renamed.parley');
      expect(out).toEqual({ path: renamed });
      expect(fs.existsSync(w.file)).toBe(false);
      expect(w.api.call('library.list', {})).toMatchObject([{ path: renamed, caseId: w.caseId, title: 'Export-control suspension order' }]);
    },
  },
  'library.duplicate': {
    setup: (w) => ({ input: { path: w.file }, made: noteIn(w) }),
    check: (w, out) => {
      const copy = w.file.replace(/\.parley$/, ' copy.parley');
      expect(out).toEqual({ path: copy });
      expect(w.api.call('library.list', {}).map((e) => [e.path, e.caseId])).toEqual([[w.file, w.caseId], [copy, w.caseId]]);
    },
  },
  'library.dashboard': {
    setup: (w) => ({ input: { today: '2026-03-25', withinDays: 14, firstFew: 5 }, optional: ['today', 'withinDays', 'firstFew'], made: w.make('deadline') }),
    check: (w, out, { made }) => {
      const dash = out as Dashboard;
      expect(dash.today).toBe('2026-03-25');
      expect(dash.upcoming).toMatchObject([{ id: made!.id, caseId: w.caseId, dueDate: '2026-04-01' }]);
      expect(dash.totals.upcoming).toBe(1);
      expect(dash.problems).toEqual([]);
    },
  },
  'library.search': {
    setup: (w) => ({ input: { query: 'carve' }, made: noteIn(w) }),
    check: (w, out, { made }) => expect((out as CaseSearchHit[]).map((h) => [h.caseId, h.id])).toEqual([[w.caseId, made!.id]]),
  },
  'schedule.get': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: ruleBuiltIn(w) }),
    check: (_w, out, { made }) => {
      expect(out).toEqual([{ deadlineId: made!.id, formula: '10 business days after Order received', explanation: '10 business days after Order received (2026-03-02); due 2026-03-16', problem: null }]);
    },
  },
  'schedule.preview': {
    setup: (w) => {
      const made = ruleBuiltIn(w);
      return { input: { caseId: w.caseId, change: { kind: 'event', id: made.triggerEventId, changes: { occurredOn: '2026-03-09' } } }, made };
    },
    check: (w, out, { made }) => {
      expect((out as ScheduleChange).moves).toMatchObject([{ deadlineId: made!.id, changed: true, before: { dueDate: '2026-03-16' }, after: { dueDate: '2026-03-23' } }]);
      expect(w.api.call('deadline.get', { caseId: w.caseId, id: made!.id }).dueDate).toBe('2026-03-16'); // nothing moved
    },
  },
  'schedule.confirm': {
    setup: (w) => {
      const made = ruleBuiltIn(w);
      return { input: { caseId: w.caseId, change: { kind: 'event', id: made.triggerEventId, changes: { occurredOn: '2026-03-09' } }, reason: 'Receipt was a week later' }, made };
    },
    check: (w, out, { made }) => {
      expect((out as ScheduleChange).record).toMatchObject({ occurredOn: '2026-03-09', version: 2 });
      expect(w.api.call('deadline.get', { caseId: w.caseId, id: made!.id })).toMatchObject({ dueDate: '2026-03-23', version: 2 });
      expect(history(w, made!.id).at(-1)!.reason).toBe('Receipt was a week later (moved with “Order received”)');
    },
  },
  'reminder.due': {
    setup: (w) => ({ input: { caseId: w.caseId, timeZone: 'UTC', now: '2026-03-31T12:00:00Z' }, optional: ['caseId', 'timeZone', 'now'], made: w.make('deadline') }),
    check: (w, out, { made }) => {
      expect(out).toMatchObject([{ caseId: w.caseId, deadlineId: made!.id, offsetMinutes: 24 * 60, dueDate: '2026-04-01', overdue: false }]);
    },
  },
  'reminder.snooze': {
    setup: (w) => {
      const made = w.make('deadline');
      return { input: { caseId: w.caseId, key: reminderKeyOf(made), until: '2030-01-01T00:00:00Z' }, made };
    },
    check: (w, out, { made }) => {
      expect((out as AnyRecord).reminderState).toEqual({ dismissed: [], snoozedUntil: { [reminderKeyOf(made!)]: '2030-01-01T00:00:00Z' } });
      expect(w.api.call('reminder.due', { caseId: w.caseId, timeZone: 'UTC', now: '2026-03-31T12:00:00Z' })).toEqual([]);
      expect(lastOperation(w, made!.id)).toBe('update');
    },
  },
  'reminder.dismiss': {
    setup: (w) => {
      const made = w.make('deadline');
      return { input: { caseId: w.caseId, key: reminderKeyOf(made) }, made };
    },
    check: (w, out, { made }) => {
      expect((out as AnyRecord).reminderState).toEqual({ dismissed: [reminderKeyOf(made!)], snoozedUntil: {} });
      expect(w.api.call('reminder.due', { caseId: w.caseId, timeZone: 'UTC', now: '2026-03-31T12:00:00Z' })).toEqual([]);
      expect(history(w, made!.id).at(-1)!.reason).toBe('Reminder dismissed');
    },
  },
  'library.digest': {
    // The made deadline is due 2026-04-01: two days after `now`, so within the digest's three days.
    setup: (w) => ({ input: { timeZone: 'UTC', now: '2026-03-30T12:00:00Z' }, optional: ['timeZone', 'now'], made: w.make('deadline') }),
    check: (w, out, { made }) => {
      const digest = out as Digest;
      expect(digest.today).toBe('2026-03-30');
      expect(digest.deadlinesSoon).toMatchObject([{ id: made!.id, caseId: w.caseId, dueDate: '2026-04-01' }]);
      expect(digest.problems).toEqual([]);
    },
  },
  'library.prepareIndex': {
    setup: () => ({ input: { budgetMs: 1_000 }, optional: ['budgetMs'] }),
    check: (_w, out) => expect(out).toEqual({ indexed: 1, total: 1, complete: true }),
  },
  'reminder.upcoming': {
    setup: (w) => ({ input: { timeZone: 'UTC', now: '2026-03-01T00:00:00Z' }, optional: ['timeZone', 'now'], made: w.make('deadline') }),
    check: (w, out, { made }) => {
      // The deadline is due 2026-04-01 (a date, in UTC): its reminders a week, a day and two hours before.
      const reminder = (at: string) => ({ id: expect.stringMatching(new RegExp(`^${made!.id}\\|`)), title: made!.title, body: expect.stringContaining('due 2026-04-01'), at: Date.parse(at) });
      expect(out).toEqual([reminder('2026-03-25T00:00:00Z'), reminder('2026-03-31T00:00:00Z'), reminder('2026-03-31T22:00:00Z')]);
      expect((out as { id: string }[])[1]!.id).toBe(reminderKeyOf(made!));
    },
  },
  'calendar.ics': {
    setup: (w) => ({ input: { caseIds: [w.caseId] }, optional: ['caseIds'], made: w.make('deadline') }),
    check: (w, out, { made }) => {
      const ics = out as IcsExport;
      expect(ics.text).toContain(`UID:${calendarUid(w.caseId, made!.id)}@parley`);
      expect(ics.text).not.toContain(made!.id);
      expect(ics).toMatchObject({ events: 1, problems: [], fileName: expect.stringMatching(/\.ics$/) });
    },
  },
  'case.openForReview': {
    setup: (w) => {
      w.api.call('case.close', { caseId: w.caseId });
      return { input: { path: w.file } };
    },
    check: (w, out) => expect(out).toMatchObject({ caseId: w.caseId, readOnly: true, review: true }),
  },
  'review.list': {
    setup: (w) => {
      commentOnDirective(w);
      return { input: { caseId: w.caseId } };
    },
    check: (_w, out) => expect((out as ReviewComment[]).map((c) => c.text)).toEqual(['Check the date of the order.']),
  },
  'review.add': {
    setup: (w) => {
      const directive = w.make('directive');
      openForReview(w);
      return { input: { caseId: w.caseId, recordKind: 'directive', recordId: directive.id, text: 'Check the date of the order.' }, made: directive };
    },
    check: (w, out, { made }) => {
      expect(out).toMatchObject({ recordKind: 'directive', recordId: made!.id, author: 'Test Counsel', resolvedAt: null });
      expect(w.api.call('review.list', { caseId: w.caseId })).toEqual([out]);
    },
  },
  'review.resolve': {
    setup: (w) => ({ input: { caseId: w.caseId, id: commentOnDirective(w).id, resolved: true } }),
    check: (w, out) => {
      expect(out).toMatchObject({ resolvedAt: expect.any(String), resolvedBy: 'Test Counsel' });
      expect(w.api.call('review.list', { caseId: w.caseId })).toEqual([out]);
    },
  },
  'review.remove': {
    setup: (w) => ({ input: { caseId: w.caseId, id: commentOnDirective(w).id } }),
    check: (w, out) => {
      expect(out).toBeNull();
      expect(w.api.call('review.list', { caseId: w.caseId })).toEqual([]);
    },
  },
  'review.export': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: commentOnDirective(w) as unknown as AnyRecord }),
    check: (w, out, { made }) => {
      const file = out as ExportedFile;
      expect(file.fileName).toMatch(/ - review by Test Counsel - \d{4}-\d{2}-\d{2}\.parley-comments$/);
      expect(JSON.parse(decoded(file))).toMatchObject({ format: 'parley-review-comments', caseId: w.caseId, reviewer: 'Test Counsel', comments: [{ id: made!.id, text: 'Check the date of the order.' }] });
    },
  },
  'review.import': {
    setup: (w) => ({ input: { caseId: w.caseId, dataBase64: commentsOfReviewer(w) } }),
    check: (w, out) => {
      expect(out).toEqual({ added: 1, alreadyThere: 0, aboutMissing: 0 });
      expect(w.api.call('reviewComment.list', { caseId: w.caseId }).map((c) => c.text)).toEqual(['Check the date of the order.']);
    },
  },
  'review.received': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: w.make('reviewComment') }),
    check: (_w, out, { made }) => expect(out).toEqual([{ comment: made, recordPresent: true }]),
  },
  'reviewComment.resolve': {
    setup: (w) => ({ input: { caseId: w.caseId, id: w.make('reviewComment').id, resolved: true } }),
    check: (w, out) => {
      const resolved = out as RecordOf<'reviewComment'>;
      expect(resolved).toMatchObject({ resolvedAt: expect.any(String), resolvedBy: 'Test Counsel', version: 2 });
      expect(lastOperation(w, resolved.id)).toBe('update');
    },
  },
  'profile.get': {
    setup: () => ({ input: {} }),
    check: (_w, out) =>
      expect(out).toEqual({
        profile: null, problem: null, settings: DEFAULT_SETTINGS, settingsProblem: null, fallbackName: 'Test Counsel', nameForThisRun: null, actor: 'Test Counsel',
      }),
  },
  'settings.set': {
    setup: () => ({ input: { dateFormat: 'yyyy-MM-dd', timeZone: 'Europe/Paris' }, optional: ['dateFormat', 'timeZone'] }),
    check: (w, out) => {
      expect(out).toMatchObject({ settings: { ...DEFAULT_SETTINGS, dateFormat: 'yyyy-MM-dd', timeZone: 'Europe/Paris' }, settingsProblem: null });
      expect(w.api.call('profile.get', {}).settings.timeZone).toBe('Europe/Paris');
    },
  },
  'profile.set': {
    setup: () => ({ input: { displayName: 'Dana Whitfield', initials: 'DW' }, optional: ['initials'] }),
    check: (w, out) => {
      expect(out).toMatchObject({ profile: { displayName: 'Dana Whitfield', initials: 'DW', initialsDerived: false }, actor: 'Dana Whitfield' });
      expect(w.make('note')).toMatchObject({ createdBy: 'Dana Whitfield' });
    },
  },
  'session.lock': {
    setup: () => ({ input: {} }),
    check: (w, out) => {
      expect(out as LockedCase[]).toEqual([{ path: w.file, mode: 'edit' }]);
      expect(w.api.call('case.listOpen', {})).toEqual([]);
    },
  },
  'case.encrypt': {
    setup: (w) => ({ input: { path: closedSecondCase(w), passphrase: PASSPHRASE } }),
    check: (w, out) => {
      expect(out).toEqual({ path: secondCasePath(w), encrypted: true });
      expect(w.api.fail('case.open', { path: secondCasePath(w) }, 'passphrase_required')).toBeTruthy();
      expect(w.api.call('case.open', { path: secondCasePath(w), passphrase: PASSPHRASE }).encrypted).toBe(true);
    },
  },
  'case.rekey': {
    setup: (w) => ({ input: { path: closedSecondCase(w, PASSPHRASE), passphrase: PASSPHRASE, newPassphrase: NEW_PASSPHRASE } }),
    check: (w, out) => {
      expect(out).toEqual({ path: secondCasePath(w), encrypted: true });
      w.api.fail('case.open', { path: secondCasePath(w), passphrase: PASSPHRASE }, 'wrong_passphrase');
      expect(w.api.call('case.open', { path: secondCasePath(w), passphrase: NEW_PASSPHRASE }).encrypted).toBe(true);
    },
  },
  'case.decrypt': {
    setup: (w) => ({ input: { path: closedSecondCase(w, PASSPHRASE), passphrase: PASSPHRASE } }),
    check: (w, out) => {
      expect(out).toEqual({ path: secondCasePath(w), encrypted: false });
      expect(w.api.call('case.open', { path: secondCasePath(w) }).encrypted).toBe(false);
    },
  },
  'case.certificate': {
    setup: (w) => ({ input: { caseId: w.caseId }, made: noteIn(w) }),
    check: (w, out) => {
      const info = w.api.call('case.info', { caseId: w.caseId });
      expect(out).toMatchObject({ caseId: w.caseId, fileName: 'case.parley', path: w.file, auditHead: info.auditHead, auditEntries: 2, encrypted: false, schemaVersion: LATEST_SCHEMA_VERSION });
      expect((out as CustodyCertificate).recordCounts).toMatchObject({ directive: 1, note: 1 });
      expect((out as CustodyCertificate).sha256).toBe(createHash('sha256').update(fs.readFileSync(w.file)).digest('hex'));
    },
  },
  'case.verifyAgainst': {
    setup: (w) => {
      const certificate = w.api.call('case.certificate', { caseId: w.caseId });
      return { input: { caseId: w.caseId, certificate }, made: noteIn(w) };
    },
    check: (w, out) => {
      const c = out as CertificateComparison;
      expect(c).toMatchObject({ verdict: 'continued', sameCase: true, sameBytes: false, entriesAdded: 1, report: { ok: true } });
      expect(c.now).toMatchObject({ caseId: w.caseId, auditHead: w.auditHead(), recordCounts: { note: 1 } });
    },
  },
  'case.saveCopy': {
    setup: (w) => ({ input: { caseId: w.caseId, path: secondCasePath(w) }, made: noteIn(w) }),
    check: (w, out, { made }) => {
      expect(out).toEqual({ path: secondCasePath(w) });
      w.api.call('case.close', { caseId: w.caseId });
      const copy = w.api.call('case.open', { path: secondCasePath(w) });
      expect(copy).toMatchObject({ caseId: w.caseId, counts: { note: 1 } });
      expect(w.api.call('note.get', { caseId: w.caseId, id: made!.id })).toEqual(made);
    },
  },
  'case.exportForTransfer': {
    setup: (w) => ({ input: { caseId: w.caseId, path: secondCasePath(w), passphrase: PASSPHRASE }, made: noteIn(w) }),
    check: (w, out) => {
      const { path: file, certificate } = out as { path: string; certificate: CustodyCertificate };
      expect(file).toBe(secondCasePath(w));
      expect(certificate).toMatchObject({ fileName: 'second.parley', encrypted: true, auditHead: w.auditHead(), recordCounts: { note: 1 } });
      expect(certificate.sha256).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      expect(JSON.parse(fs.readFileSync(`${file}.certificate.json`, 'utf8'))).toEqual(certificate);
    },
  },
  'case.merge': {
    setup: (w) => ({ input: { caseId: w.caseId, from: copyWithANote(w) } }),
    check: (w, out) => {
      expect(out).toMatchObject({ changes: 1, records: 1, authors: ['Colleague'], newConflicts: 0, preview: false });
      expect(w.api.call('note.list', { caseId: w.caseId }).map((n) => n.body)).toEqual([NOTE_IN_THE_COPY]);
    },
  },
  'changes.export': {
    setup: (w) => ({ input: { caseId: w.caseId, path: bundlePath(w) }, made: noteIn(w) }),
    check: (w, out) => {
      expect(out).toMatchObject({ path: bundlePath(w), encrypted: false });
      expect((out as { changes: number }).changes).toBeGreaterThan(1);
      expect(fs.readFileSync(bundlePath(w), 'utf8')).toContain('The ministry hinted at an allied-nation carve-out.');
    },
  },
  'changes.import': {
    setup: (w) => {
      const copy = copyWithANote(w);
      const other = testApi('Colleague');
      const { caseId } = other.call('case.open', { path: copy, readOnly: true });
      other.call('changes.export', { caseId, path: bundlePath(w) });
      other.session.closeAll();
      return { input: { caseId: w.caseId, path: bundlePath(w) } };
    },
    check: (w, out) => {
      expect(out).toMatchObject({ changes: 1, authors: ['Colleague'], preview: false });
      expect(w.api.call('note.list', { caseId: w.caseId }).map((n) => n.body)).toEqual([NOTE_IN_THE_COPY]);
    },
  },
  'conflict.list': {
    setup: (w) => {
      conflictOnATarget(w);
      return { input: { caseId: w.caseId } };
    },
    check: (_w, out) => expect(out).toMatchObject([{ kind: 'issue', field: 'ourTarget', sides: [{}, {}] }]),
  },
  'conflict.resolve': {
    setup: (w) => {
      const issueId = conflictOnATarget(w);
      const [conflict] = w.api.call('conflict.list', { caseId: w.caseId });
      return { input: { caseId: w.caseId, id: conflict!.id, side: conflict!.sides.findIndex((side) => side.author === 'Colleague') }, optional: ['side'], made: w.api.call('issue.get', { caseId: w.caseId, id: issueId }) };
    },
    check: (w, out, { made }) => {
      expect(out).toEqual([]);
      expect(w.api.call('issue.get', { caseId: w.caseId, id: made!.id }).ourTarget).toBe('Set in the copy');
    },
  },
};

const NOTE_IN_THE_COPY = 'Made in the copy';
const bundlePath = (w: CaseWorld) => path.join(w.api.dir, 'changes.parley-changes');

/** A copy of the world's case saved beside it, with a note made in it by a colleague in another session. */
function copyWithANote(w: CaseWorld): string {
  const file = path.join(w.api.dir, 'copy.parley');
  w.api.call('case.saveCopy', { caseId: w.caseId, path: file });
  const other = testApi('Colleague');
  other.call('case.open', { path: file });
  other.call('note.create', { caseId: w.caseId, fields: { body: NOTE_IN_THE_COPY } });
  other.session.closeAll();
  return file;
}

/** An issue whose target the world's case and a colleague's copy both changed, merged: one conflict. Its id. */
function conflictOnATarget(w: CaseWorld): string {
  const issue = w.make('issue', { ourTarget: 'As it was' });
  const file = path.join(w.api.dir, 'copy.parley');
  w.api.call('case.saveCopy', { caseId: w.caseId, path: file });
  const other = testApi('Colleague');
  other.call('case.open', { path: file });
  other.call('issue.update', { caseId: w.caseId, id: issue.id, changes: { ourTarget: 'Set in the copy' } });
  other.session.closeAll();
  w.api.call('issue.update', { caseId: w.caseId, id: issue.id, changes: { ourTarget: 'Set here' } });
  w.api.call('case.merge', { caseId: w.caseId, from: file });
  return issue.id;
}

/** A deadline 10 business days after an event of 2 March 2026 (so due 16 March). */
function ruleBuiltIn(w: CaseWorld): AnyRecord {
  const event = w.make('event');
  return w.make('deadline', { dueType: 'tbd', dueDate: null, rule: { amount: 10, unit: 'business_days', direction: 'after', roll: 'forward' }, triggerEventId: event.id });
}

/** The key of the reminder one day before the minimal deadline (due 2026-04-01, read in UTC). */
function reminderKeyOf(deadline: AnyRecord): string {
  return `${deadline.id}|1440|${deadline.dueDate as string}T00:00:00Z`;
}

/** Closes the world's case and opens it again for review (same caseId). */
function openForReview(w: CaseWorld): void {
  w.api.call('case.close', { caseId: w.caseId });
  w.api.call('case.openForReview', { path: w.file });
}

/** Opens the world's case for review and adds one comment on its directive. */
function commentOnDirective(w: CaseWorld): ReviewComment {
  const directive = w.make('directive');
  openForReview(w);
  return w.api.call('review.add', { caseId: w.caseId, recordKind: 'directive', recordId: directive.id, text: 'Check the date of the order.' });
}

/**
 * The comments file a reviewer of the world's case exports (a comment on its directive), as base64; the world's case
 * is open for editing again afterwards, as its owner has it.
 */
function commentsOfReviewer(w: CaseWorld): string {
  commentOnDirective(w);
  const file = w.api.call('review.export', { caseId: w.caseId });
  w.api.call('case.close', { caseId: w.caseId });
  w.api.call('case.open', { path: w.file });
  return file.dataBase64;
}

const PASSPHRASE = 'a passphrase for the tests';
const NEW_PASSPHRASE = 'another passphrase for the tests';

/** A second case file, closed (encrypted under `passphrase` if given): the key operations refuse open files. */
function closedSecondCase(w: CaseWorld, passphrase?: string): string {
  const second = w.api.call('case.create', { path: secondCasePath(w), directive: { title: 'Second order', status: 'received' }, passphrase });
  w.api.call('case.close', { caseId: second.caseId });
  return second.path;
}

/** The scenario of an operation: a static one, or the generic one of its kind and verb. */
export function scenarioFor(name: OpName): Scenario {
  if (name in STATIC_OPERATIONS) {
    const scenario = STATIC_SCENARIOS[name as keyof typeof STATIC_OPERATIONS];
    if (!scenario) throw new Error(`${name} has no scenario in test/core/support/scenarios.ts: add one`);
    return scenario;
  }
  const [kind, verb] = name.split('.') as [KindName, Verb];
  if (!(kind in KINDS) || !verbsOf(kind).includes(verb)) throw new Error(`no scenario for ${name}`);
  return recordScenario(kind, verb);
}
