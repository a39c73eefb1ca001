/**
 * The exhaustion chart of the active scenario with its "Compare with" picker: another scenario's lines
 * drawn dashed over it. The other scenario is evaluated once per change of its own draft (derive caches
 * per draft), never on the active scenario's keystrokes.
 */
import { memo, useMemo, useState } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import type { Plan } from '../../model/plan';
import { parseScenarioTabs, selectActive, selectScenarioByKey, selectScenarioTabs } from '../../state/selectors';
import { usePlan, usePlanContext } from '../../state/store-context';
import { ExhaustionChart } from './exhaustion-chart';

export const ChartSection = memo(function ChartSection({ ev, plan }: { ev: FullEvaluation; plan: Plan }) {
  const { derive } = usePlanContext();
  const tabs = usePlan(selectScenarioTabs);
  const active = usePlan(selectActive);
  const [picked, setPicked] = useState('');
  const others = useMemo(() => parseScenarioTabs(tabs).filter((_, i) => i !== active), [tabs, active]);
  const withKey = others.some((o) => o.key === picked) ? picked : '';
  const draft = usePlan(selectScenarioByKey(withKey));
  const shown = draft ? derive(draft).shown : null;
  const otherName = draft?.name ?? '';
  const other = useMemo(() => (shown ? { name: otherName, ev: shown.evaluation } : null), [shown, otherName]);
  return (
    <ExhaustionChart
      ev={ev}
      plan={plan}
      fileBase={plan.name}
      others={others}
      withKey={withKey}
      onWith={setPicked}
      other={other}
    />
  );
});
