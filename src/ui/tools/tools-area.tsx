/**
 * "Tools", below the results: exports and imports, sizing, failure and surge, the EC2 API at scale-out,
 * DNS and cross-AZ traffic, one at a time behind ARIA tabs. Each panel is its own lazy chunk, loaded when
 * its tab is first opened, and follows the plan once an edit has rested (never between keystrokes).
 * Default export: the results load the area itself with React.lazy (it is below the fold).
 */
import { lazy, memo, Suspense, useId, useMemo, useState } from 'react';
import { dataset } from '../../data/dataset';
import type { Plan } from '../../model/plan';
import type { Workspace } from '../../model/workspace';
import type { Evaluated } from '../../state/derive';
import { selectActive, selectScenarios, selectViews } from '../../state/selectors';
import { useActions, usePlan, usePlanContext } from '../../state/store-context';
import { safeStorage } from '../../state/persistence';
import { workspaceOfDrafts } from '../../state/workspace-state';
import { Tabs, type TabItem } from '../common/tabs';
// The default tab: in this chunk (the area itself is lazy), not a second request and chunk of its own.
import ExportPanel from '../exports/export-panel';
import { useRested } from '../common/use-rested';

const ImportPanel = lazy(() => import('../exports/import-panel'));
const DnsView = lazy(() => import('./dns-view'));
const CrossAzView = lazy(() => import('./cross-az-view'));
const SizeVpcPanel = lazy(() => import('./size-vpc-panel'));
const FailurePanel = lazy(() => import('./failure-panel'));
const ApiPanel = lazy(() => import('./api-panel'));
const PlanLibrary = lazy(() => import('../library/plan-library'));

type ToolKey = 'export' | 'import' | 'library' | 'size' | 'failure' | 'api' | 'dns' | 'crossaz';

export const TOOL_TABS: readonly TabItem<ToolKey>[] = [
  { key: 'export', label: 'Export' },
  { key: 'import', label: 'Import' },
  { key: 'library', label: 'Saved plans' },
  { key: 'size', label: 'Size my VPC' },
  { key: 'failure', label: 'Failure and surge' },
  { key: 'api', label: 'EC2 API' },
  { key: 'dns', label: 'DNS' },
  { key: 'crossaz', label: 'Cross-AZ' },
];

/** How long an edit rests before the open tool follows it. */
const REST_MS = 300;

const ToolsArea = memo(function ToolsArea({ shown }: { shown: Evaluated | null }) {
  const id = useId();
  const [tab, setTab] = useState<ToolKey>('export');
  return (
    // Follows the plan once it has rested: scripts/bench-ui.mjs times it apart from the edit's redraw.
    <section className="panel tools-area" aria-labelledby={`${id}-title`} data-rested="">
      <h2 id={`${id}-title`}>Tools</h2>
      <Tabs<ToolKey> label="Tools" idBase={id} items={TOOL_TABS} selected={tab} onSelect={setTab}>
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <ToolPanel key={tab} tab={tab} shown={shown} />
        </Suspense>
      </Tabs>
    </section>
  );
});

export default ToolsArea;

function ToolPanel({ tab, shown }: { tab: ToolKey; shown: Evaluated | null }) {
  // On opening, the current result at once; then each edit once it has rested.
  const rested = useRested(shown, REST_MS) ?? shown;
  if (tab === 'import') return <ImportTool plan={rested?.plan ?? null} />;
  if (tab === 'dns') return <DnsTool />;
  if (tab === 'library') return <LibraryTool />;
  if (!rested) return <p className="tool-blocked">Fix the fields marked in the plan to use this tool.</p>;
  switch (tab) {
    case 'export':
      return <ExportTool shown={rested} />;
    case 'size':
      return <SizeVpcPanel plan={rested.plan} />;
    case 'failure':
      return <FailurePanel plan={rested.plan} />;
    case 'api':
      return <ApiPanel plan={rested.plan} evaluation={rested.evaluation} />;
    default:
      return <CrossAzTool plan={rested.plan} />;
  }
}

function ExportTool({ shown }: { shown: Evaluated }) {
  const { derive } = usePlanContext();
  const scenarios = useRested(usePlan(selectScenarios), REST_MS);
  const active = usePlan(selectActive);
  const views = usePlan(selectViews);
  const workspace = useMemo((): Workspace | undefined => {
    if (!scenarios) return undefined;
    return workspaceOfDrafts({ scenarios, active, views }, derive).workspace ?? undefined;
  }, [scenarios, active, views, derive]);
  return <ExportPanel plan={shown.plan} dataset={dataset} evaluation={shown.evaluation} workspace={workspace} />;
}

function ImportTool({ plan }: { plan: Plan | null }) {
  const { loadPlan, openWorkspace } = useActions();
  const [status, setStatus] = useState('');
  return (
    <>
      <ImportPanel
        dataset={dataset}
        plan={plan}
        onImportPlan={(imported, source) => {
          loadPlan(imported);
          setStatus(
            `“${imported.name}” (${source}) is now the plan of this scenario. Undo (Ctrl+Z) brings back the plan it replaced.`,
          );
        }}
        onOpenWorkspace={(ws, source) => {
          openWorkspace(ws, { from: 'import', source });
          const n = ws.scenarios.length;
          setStatus(
            `Opened ${source}: ${n === 1 ? 'one plan' : `${n} scenarios`} in place of the workspace. Undo (Ctrl+Z) brings back what was here.`,
          );
        }}
      />
      <p className="tool-status" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}

function LibraryTool() {
  const { derive } = usePlanContext();
  const scenarios = usePlan(selectScenarios);
  const active = usePlan(selectActive);
  const views = usePlan(selectViews);
  const { openWorkspace } = useActions();
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const workspace = useMemo(
    () => workspaceOfDrafts({ scenarios, active, views }, derive).workspace,
    [scenarios, active, views, derive],
  );
  if (!workspace) return <p className="tool-blocked">Fix the fields marked in the plan to save it.</p>;
  const name = workspace.scenarios[workspace.active]?.name ?? 'Untitled plan';
  return (
    <>
      <PlanLibrary
        storage={safeStorage()}
        dataset={dataset}
        current={workspace}
        currentName={name}
        onOpen={(ws, opened) => openWorkspace(ws, { from: 'saved', name: opened })}
        onNotice={(text, error) => setNotice({ text, error })}
      />
      {notice && (
        <p className={notice.error ? 'tool-status error' : 'tool-status'} role="status">
          {notice.text}
        </p>
      )}
    </>
  );
}

function DnsTool() {
  const views = usePlan(selectViews);
  const { setDnsView } = useActions();
  return <DnsView value={views.dns} onChange={setDnsView} />;
}

function CrossAzTool({ plan }: { plan: Plan }) {
  const views = usePlan(selectViews);
  const { setCrossAzView } = useActions();
  return <CrossAzView plan={plan} dataset={dataset} value={views.crossAz} onChange={setCrossAzView} />;
}
