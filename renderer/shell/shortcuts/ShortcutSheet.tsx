// The sheet of keyboard shortcuts (press ?), from keymap.ts.
import { Fragment } from 'react';
import { Dialog } from '../../ui/Dialog.js';
import { SHORTCUT_GROUPS, type ShortcutDoc } from './keymap.js';
import { hideShortcutSheet, useShortcutSheet } from './sheet-state.js';
import '../palette/palette.css';

function Keys({ doc }: { doc: ShortcutDoc }) {
  // One entry: keys held together (Ctrl + K); several entries: a sequence (G then L), or alternatives for arrows.
  const joiner = doc.keys.length > 1 && doc.keys.every((k) => k.length === 1 && /^[A-Z]$/.test(k[0]!)) ? ' then ' : ' or ';
  return (
    <>
      {doc.keys.map((combo, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="muted">{joiner}</span>}
          {combo.map((k, j) => (
            <Fragment key={j}>
              {j > 0 && '+'}
              <kbd>{k}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

export function ShortcutSheet() {
  const open = useShortcutSheet((s) => s.open);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={hideShortcutSheet} className="shortcut-sheet">
      <p className="muted">Single keys work when you are not typing in a field.</p>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.shortcuts.map((doc) => (
              <Fragment key={doc.description}>
                <dt>
                  <Keys doc={doc} />
                </dt>
                <dd>{doc.description}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </Dialog>
  );
}
