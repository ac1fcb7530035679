// Landing on the record the route names (#/case/<id>/<section>/<recordId>, after a jump from the search palette or
// the dashboard). The screen opens the row the record belongs to (the record itself, or the parent of a child record:
// a note's meeting, a position change's issue); then the record's element, marked `data-record-id`, is scrolled into
// view, focused and marked `data-landed` until the user goes elsewhere, so that the eye finds what the search found.
import { useEffect, useState } from 'react';
import type { ListableKind } from '../../../shared/records.js';
import { useFocusedRecord } from '../../state/navigation.js';
import { anyRecord, getRecord } from '../../state/records.js';

/** How long to wait for the record's element to be drawn (the row opens, its details load) before giving up. */
const DRAW_WAIT_MS = 4_000;

interface Landing {
  /** The records the screen lists, or null while they load. */
  listed: readonly { id: string }[] | null;
  /** For a record the screen does not list: the listed record it belongs to, or null. */
  parentOf?: (id: string) => Promise<string | null>;
  /** Opens (selects) a listed record. */
  open(id: string): void;
}

export function useLandOnRecord({ listed, parentOf, open }: Landing): void {
  const focused = useFocusedRecord();
  const [target, setTarget] = useState<{ record: string; row: string } | null>(null);
  // Whether the list holds the record itself; null while the list loads. A dependency that does not change with
  // every edit of the list, so that the screen opens the row once per landing, not after each save.
  const listsIt = listed ? listed.some((r) => r.id === focused) : null;

  useEffect(() => {
    if (!focused || listsIt === null) return;
    if (listsIt) {
      setTarget({ record: focused, row: focused });
      return;
    }
    if (!parentOf) return;
    let current = true;
    parentOf(focused).then(
      (row) => current && row && setTarget({ record: focused, row }),
      () => undefined, // not a record of this screen: nothing to land on
    );
    return () => {
      current = false;
    };
    // parentOf and open are new functions on each render; the landing depends only on what is named and listed.
  }, [focused, listsIt]);

  const row = target && target.record === focused ? target.row : null;
  useEffect(() => {
    if (row) open(row);
  }, [row]);

  useEffect(() => {
    if (!row || !focused) return;
    let frame = 0;
    let marked: HTMLElement | null = null;
    const started = performance.now();
    const find = (id: string) => document.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id)}"]`);
    const panelOf = (id: string) => document.querySelector<HTMLElement>(`[data-record-panel="${CSS.escape(id)}"]`);
    const look = () => {
      const waited = performance.now() - started;
      const element = find(focused) ?? (waited > DRAW_WAIT_MS / 2 ? find(row) : null);
      if (!element) {
        if (waited < DRAW_WAIT_MS) frame = requestAnimationFrame(look);
        return;
      }
      marked = element;
      element.setAttribute('data-landed', '');
      element.scrollIntoView({ block: 'center' });
      // A record opened in a side panel (data-record-panel) keeps the focus on the panel's heading, as when the user
      // opens it: the panel may mount before or after this frame, and the focus must not depend on which.
      const panel = panelOf(focused) ?? panelOf(row);
      if (panel && !panel.contains(element)) return;
      // A row's own open button takes focus; an element with nothing to focus becomes focusable for the moment.
      const focusable = element.querySelector<HTMLElement>('[data-row-open]') ?? element;
      if (focusable === element && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
      focusable.focus({ preventScroll: true });
    };
    frame = requestAnimationFrame(look);
    return () => {
      cancelAnimationFrame(frame);
      marked?.removeAttribute('data-landed');
    };
  }, [row, focused]);
}

/**
 * A `parentOf` for child records of several kinds that hold their parent's id in one field (a note's, an action
 * item's `meetingId`): the route names only the id, so each kind is asked; the one that has the record answers.
 */
export function parentThrough(caseId: string, kinds: readonly ListableKind[], parentField: string): (id: string) => Promise<string | null> {
  return async (id) => {
    const answers = await Promise.allSettled(kinds.map((kind) => getRecord(caseId, kind, id)));
    for (const answer of answers) {
      const parent = answer.status === 'fulfilled' ? anyRecord(answer.value)[parentField] : null;
      if (typeof parent === 'string') return parent;
    }
    return null;
  };
}
