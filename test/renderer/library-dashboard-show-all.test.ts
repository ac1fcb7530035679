// @vitest-environment jsdom
// The library screen asks the real core for the first few rows of each dashboard list; a panel counts every row,
// and opened to its end, offers "Show all N", which asks once for the whole dashboard and shows every row, the
// keyboard left in the list.
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { LibraryScreen } from '../../renderer/screens/library/LibraryScreen.js';
import { DASHBOARD_FIRST_FEW } from '../../renderer/state/library.js';
import { isoToday } from '../../renderer/ui/dates.js';
import { newCase, onCleanup } from '../helpers.js';
import { connectRenderer } from './connect.js';
import { update, waitFor } from './render-hook.js';

const OVERDUE = DASHBOARD_FIRST_FEW + 12;

function daysAgo(n: number): string {
  const d = new Date(`${isoToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

async function renderLibrary(): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(createElement(LibraryScreen)));
  onCleanup(() => {
    act(() => root.unmount());
    container.remove();
  });
  return container;
}

const buttonNamed = (within: Element, name: string) => [...within.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the dashboard on the library screen', () => {
  it('counts every row of a panel and shows them all on request, asking once for the whole dashboard', async () => {
    const core = connectRenderer();
    const info = newCase(core);
    for (let i = 0; i < OVERDUE; i++) {
      core.call('deadline.create', { caseId: info.caseId, fields: { title: `Late filing ${i}`, deadlineKind: 'response', status: 'open', dueType: 'date', dueDate: daysAgo(1 + (i % 30)) } });
    }
    core.call('case.close', { caseId: info.caseId });
    const bridge = window.parley!;
    const send = bridge['library.dashboard'];
    const asked: unknown[] = [];
    bridge['library.dashboard'] = (input) => (asked.push(input), send(input));

    const screen = await renderLibrary();
    await waitFor(() => expect(screen.textContent).toContain('Across all cases'));
    expect(asked).toEqual([{ today: isoToday(), firstFew: DASHBOARD_FIRST_FEW }]);
    const panel = screen.querySelector('section[aria-labelledby="dashboard-overdue"]')!;
    expect(panel.querySelector('h3')!.textContent).toBe(`Overdue ${OVERDUE}`);
    expect(panel.querySelectorAll('li')).toHaveLength(5);
    expect(panel.textContent).toContain(`Showing 5 of ${OVERDUE}.`);

    await update(() => buttonNamed(panel, 'Show more')!.click());
    expect(panel.querySelectorAll('li')).toHaveLength(DASHBOARD_FIRST_FEW);
    const showAll = buttonNamed(panel, `Show all ${OVERDUE}`)!;
    expect(showAll).toBeDefined();
    showAll.focus();
    await update(() => showAll.click());
    await waitFor(() => expect(panel.querySelectorAll('li')).toHaveLength(OVERDUE));
    expect(asked).toEqual([{ today: isoToday(), firstFew: DASHBOARD_FIRST_FEW }, { today: isoToday() }]);
    expect(buttonNamed(panel, `Show all ${OVERDUE}`)).toBeUndefined();
    expect(panel.textContent).toContain(`Showing ${OVERDUE} of ${OVERDUE}.`);
    // The button is gone: the keyboard is in the list it opened, which it can scroll.
    expect(document.activeElement).toBe(panel.querySelector('[role="region"]'));
    expect(document.activeElement!.getAttribute('aria-label')).toBe('All: Overdue');
    // In the order of the whole dashboard: oldest first.
    const dates = [...panel.querySelectorAll('li')].map((li) => li.textContent!);
    expect(dates[0]).toContain('Late filing 29');
  });
});
