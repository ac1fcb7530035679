// Bundles of changes and the change log against someone who edits them: what is refused, what verify finds, what a
// sealed bundle shows, and (a limit, asserted so that it stays known) what a forger who recomputes the hashes gets.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeIdOf } from '../../electron/core/store/change-log.js';
import { canonicalJson, sha256Hex } from '../../electron/core/store/canonical.js';
import { newCase, tempDir, testApi } from '../helpers.js';
import { tamperAsAForger, withRawConnection } from '../core/support/files.js';

const PASSPHRASE = 'copper lantern orchard';

function copies(passphrase?: string) {
  const alice = testApi('Alice Adler');
  const file = path.join(alice.dir, 'case.parley');
  const { caseId } = alice.call('case.create', { path: file, directive: { title: 'Export-control order', status: 'received' }, passphrase });
  const issue = alice.call('issue.create', { caseId, fields: { title: 'Scope', priority: 'high', status: 'open', ourWalkaway: 'EU staff' } });
  alice.call('case.close', { caseId });
  const bob = testApi('Bob Baker');
  const bobFile = path.join(tempDir(), 'bob.parley');
  fs.copyFileSync(file, bobFile);
  alice.call('case.open', { path: file, passphrase });
  bob.call('case.open', { path: bobFile, passphrase });
  return { alice, bob, caseId, file, bobFile, issueId: issue.id };
}

type Bundle = { changes: Record<string, unknown>[]; sha256: string } & Record<string, unknown>;
const rewrite = (file: string, edit: (b: Bundle) => void, rehash: boolean): string => {
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Bundle;
  edit(bundle);
  if (rehash) {
    const { sha256: _old, ...body } = bundle;
    bundle.sha256 = sha256Hex(canonicalJson(body));
  }
  const out = path.join(tempDir(), 'edited.parley-changes');
  fs.writeFileSync(out, JSON.stringify(bundle));
  return out;
};

describe('a bundle of changes edited on the way', () => {
  it('is refused when a change was edited, even with the bundle\'s SHA-256 worked out again', () => {
    const { alice, bob, caseId, issueId } = copies();
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'No restriction' } });
    const { path: bundle } = bob.call('changes.export', { caseId, path: path.join(tempDir(), 'b') });
    const edited = rewrite(bundle, (b) => {
      const change = b.changes.find((c) => (c.patch as Record<string, unknown>).ourWalkaway === 'No restriction')!;
      (change.patch as Record<string, unknown>).ourWalkaway = 'Anything they want';
    }, true);
    expect(() => alice.call('changes.import', { caseId, path: edited })).toThrow(/damaged: A change .* was altered/);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('EU staff');
  });

  it('is imported under the author it names when a forger recomputed every id and the SHA-256: they are not signatures', () => {
    const { alice, bob, caseId, issueId } = copies();
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'No restriction' } });
    const { path: bundle } = bob.call('changes.export', { caseId, path: path.join(tempDir(), 'b') });
    const forged = rewrite(bundle, (b) => {
      // The forger rewrites Bob's changes as Alice's and recomputes each id, and ids of the changes made on them.
      const renamed = new Map<string, string>();
      for (const c of b.changes) {
        c.parents = (c.parents as string[]).map((p) => renamed.get(p) ?? p);
        if (c.author === 'Bob Baker') c.author = 'Alice Adler';
        const { id, ...content } = c;
        const fresh = changeIdOf(content as never);
        renamed.set(id as string, fresh);
        c.id = fresh;
      }
    }, true);
    expect(alice.call('changes.import', { caseId, path: forged }).authors).toEqual(['Alice Adler']);
    expect(alice.call('case.verify', { caseId }).ok).toBe(true);
  });

  it('is refused when it builds on changes this copy lacks, or is of another case, and nothing is taken in', () => {
    const { alice, bob, caseId, issueId } = copies();
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'First' } });
    const since = new Date(Date.now() + 5).toISOString();
    while (new Date().toISOString() <= since); // the next change is made after `since`
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'Second' } });
    const { path: late } = bob.call('changes.export', { caseId, path: path.join(tempDir(), 'late'), since });
    expect(() => alice.call('changes.import', { caseId, path: late })).toThrow(/missing_changes/);
    const other = newCase(alice, 'other.parley', 'Another order');
    expect(() => alice.call('changes.import', { caseId: other.caseId, path: late })).toThrow(/different_case/);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('EU staff');
  });
});

describe('the change log edited behind Parley', () => {
  it('is found by verify: a change whose content no longer matches its id', () => {
    const { alice, caseId, file, issueId } = copies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'UK staff' } });
    alice.call('case.close', { caseId });
    withRawConnection(file, (db) => {
      db.exec('DROP TRIGGER change_log_no_update');
      db.prepare("UPDATE change_log SET parents = '[]' WHERE seq = (SELECT max(seq) FROM audit_log WHERE record_id = ?)").run(issueId);
      // Put back, as someone covering their tracks would: the schema check would refuse the file otherwise.
      db.exec("CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;");
    });
    alice.call('case.open', { path: file, readOnly: true });
    const report = alice.call('case.verify', { caseId });
    expect(report.ok).toBe(false);
    expect(report.auditChain.problems.map((p) => p.message).join('\n')).toMatch(/was altered: its content does not match its id/);
  });

  it('is found by verify: a change held twice (its id is not a unique column since migration 0013)', () => {
    const { alice, caseId, file, issueId } = copies();
    alice.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'UK staff' } });
    alice.call('case.close', { caseId });
    tamperAsAForger(file, (db) => {
      const last = db.prepare('SELECT max(seq) FROM audit_log WHERE record_id = ?').pluck().get(issueId) as number;
      db.prepare('UPDATE change_log SET change_id = (SELECT change_id FROM change_log WHERE seq = ?) WHERE seq = ?').run(last - 1, last);
    });
    alice.call('case.open', { path: file, readOnly: true });
    const report = alice.call('case.verify', { caseId });
    expect(report.ok).toBe(false);
    expect(report.auditChain.problems.map((p) => p.message).join('\n')).toMatch(/is held twice \(added again outside Parley\)/);
  });
});

describe('the bundle of an encrypted case', () => {
  it('is sealed with the case\'s passphrase: none of its text in the clear; a copy under that passphrase imports it', () => {
    const { alice, bob, caseId, issueId } = copies(PASSPHRASE);
    bob.call('issue.update', { caseId, id: issueId, changes: { ourWalkaway: 'Sealed walk-away' } });
    const exported = bob.call('changes.export', { caseId, path: path.join(tempDir(), 'sealed') });
    expect(exported.encrypted).toBe(true);
    const text = fs.readFileSync(exported.path, 'utf8');
    expect(text).not.toContain('Sealed walk-away');
    expect(text).not.toContain('Bob Baker');
    expect(alice.call('changes.import', { caseId, path: exported.path }).changes).toBeGreaterThan(0);
    expect(alice.call('issue.get', { caseId, id: issueId }).ourWalkaway).toBe('Sealed walk-away');
    const tampered = path.join(tempDir(), 'tampered.parley-changes');
    const sealed = JSON.parse(text) as { sealed: string };
    const bytes = Buffer.from(sealed.sealed, 'base64');
    bytes[10] = bytes[10]! ^ 1;
    fs.writeFileSync(tampered, JSON.stringify({ ...sealed, sealed: bytes.toString('base64') }));
    expect(() => alice.call('changes.import', { caseId, path: tampered })).toThrow(/wrong_passphrase/);
  });
});
