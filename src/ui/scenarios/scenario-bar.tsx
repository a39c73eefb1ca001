/**
 * The scenarios as tabs (WAI-ARIA tabs: one tab in the Tab order, arrow keys, Home and End switch), with
 * Fork, Delete and Compare beside them, and one live region that says what each workspace action did.
 * The tab panel is the editor and results of the active scenario (ScenarioPanel).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { MAX_SCENARIOS } from '../../model/workspace';
import { parseScenarioTabs, selectActive, selectNotice, selectScenarioTabs } from '../../state/selectors';
import { useActions, usePlan } from '../../state/store-context';
import { useRovingTabs } from '../common/roving-tabs';
import { workspaceNoticeText } from './workspace-notice';
import './scenarios.css';

export const SCENARIO_PANEL_ID = 'scenario-panel';
export const scenarioTabId = (key: string) => `scenario-tab-${key}`;

interface Props {
  comparing: boolean;
  onCompare(on: boolean): void;
}

export function ScenarioBar({ comparing, onCompare }: Props) {
  const tabs = parseScenarioTabs(usePlan(selectScenarioTabs));
  const active = usePlan(selectActive);
  const { switchScenario, forkScenario, removeScenario } = useActions();
  const { ref, onKeyDown } = useRovingTabs(active, tabs.length, switchScenario, (to) => scenarioTabId(tabs[to]!.key));
  const full = tabs.length >= MAX_SCENARIOS;
  const current = tabs[active];
  return (
    <div className="scenario-bar">
      {/* eslint-disable-next-line jsx-a11y/interactive-supports-focus -- roving tabindex: the tabs take focus, their arrow keys bubble here */}
      <div ref={ref} className="scenario-tabs" role="tablist" aria-label="Scenarios" onKeyDown={onKeyDown}>
        {tabs.map((t, i) => (
          <button
            key={t.key}
            id={scenarioTabId(t.key)}
            type="button"
            role="tab"
            className="scenario-tab"
            aria-selected={i === active}
            aria-controls={i === active ? SCENARIO_PANEL_ID : undefined}
            tabIndex={i === active ? 0 : -1}
            title={t.name}
            onClick={() => switchScenario(i)}
          >
            {t.name || 'Untitled'}
          </button>
        ))}
      </div>
      <div className="scenario-actions">
        <button
          type="button"
          className="small"
          onClick={forkScenario}
          disabled={full}
          title={
            full
              ? `At most ${MAX_SCENARIOS} scenarios: delete one first`
              : 'Copy the plan being edited into a new scenario'
          }
        >
          Fork scenario
        </button>
        <button
          type="button"
          className="small"
          onClick={() => removeScenario(active)}
          disabled={tabs.length < 2}
          aria-label={current ? `Delete scenario ${current.name}` : 'Delete scenario'}
        >
          Delete scenario
        </button>
        <button
          type="button"
          className="small"
          aria-pressed={comparing}
          onClick={() => onCompare(!comparing)}
          disabled={tabs.length < 2 && !comparing}
        >
          Compare scenarios
        </button>
      </div>
      <ScenarioStatus />
    </div>
  );
}

/** What the last workspace action did, cleared after a while (undo is in the header). */
function ScenarioStatus() {
  const message = workspaceNoticeText(usePlan(selectNotice));
  const [shown, setShown] = useState('');
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- shows each new message, then a timer clears it
    setShown(message);
    if (!message) return;
    const t = setTimeout(() => setShown(''), 8000);
    return () => clearTimeout(t);
  }, [message]);
  return (
    <p className="scenario-status" role="status" aria-live="polite">
      {shown}
    </p>
  );
}

/** The tab panel: the editor and results of the active scenario, side by side (the page's layout grid). */
export function ScenarioPanel({ children }: { children: ReactNode }) {
  const tabs = parseScenarioTabs(usePlan(selectScenarioTabs));
  const key = tabs[usePlan(selectActive)]?.key ?? '';
  return (
    <div id={SCENARIO_PANEL_ID} className="layout" role="tabpanel" aria-labelledby={scenarioTabId(key)}>
      {children}
    </div>
  );
}
