/**
 * A tab list with the WAI-ARIA tabs pattern: one tab in the Tab order (the selected one), arrow keys
 * move between tabs and select them (automatic activation), Home and End jump to the ends; the panel
 * is labelled by its tab.
 */
import type { ReactNode } from 'react';
import { useRovingTabs } from './roving-tabs';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  /** Accessible name of the tab list. */
  label: string;
  /** Prefix for the tab and panel ids (unique on the page). */
  idBase: string;
  items: readonly TabItem<K>[];
  selected: K;
  onSelect(key: K): void;
  children: ReactNode;
}

export const tabId = (idBase: string, key: string) => `${idBase}-tab-${key}`;
export const panelId = (idBase: string) => `${idBase}-panel`;

export function Tabs<K extends string>({ label, idBase, items, selected, onSelect, children }: Props<K>) {
  const { ref, onKeyDown } = useRovingTabs(
    items.findIndex((t) => t.key === selected),
    items.length,
    (to) => onSelect(items[to]!.key),
    (to) => tabId(idBase, items[to]!.key),
  );
  return (
    <>
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- roving tabindex: the tabs take focus, their arrow keys bubble here */}
      <div ref={ref} className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {items.map((t) => {
          const on = t.key === selected;
          return (
            <button
              key={t.key}
              id={tabId(idBase, t.key)}
              type="button"
              role="tab"
              className="tab"
              aria-selected={on}
              aria-controls={on ? panelId(idBase) : undefined}
              tabIndex={on ? 0 : -1}
              onClick={() => onSelect(t.key)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div id={panelId(idBase)} className="tab-panel" role="tabpanel" aria-labelledby={tabId(idBase, selected)}>
        {children}
      </div>
    </>
  );
}
