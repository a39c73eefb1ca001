/**
 * Imports: a real VPC from AWS CLI output, a saved plan file, or a Karpenter NodePool as a node pool of the
 * plan. Nothing here touches the open plan except the two callbacks, and those run only for a complete, valid
 * result. Everything the files hold is rendered as text; they are parsed with JSON.parse or the `yaml` package
 * (never evaluated; yaml is loaded on the NodePool import's first use) and capped at 5 MB each.
 * Default export: the app loads this panel with React.lazy.
 */
import { useId } from 'react';
import type { InstanceDataset } from '../../model/instances';
import type { Plan } from '../../model/plan';
import type { Workspace } from '../../model/workspace';
import { AwsImport } from './aws-import';
import { KarpenterImport } from './karpenter-import';
import { PlanFileOpen } from './plan-file-open';
import './exports.css';

export interface ImportPanelProps {
  dataset: InstanceDataset;
  /** A plan built from AWS CLI output, after the user chose "Replace the plan with this". */
  onImportPlan(plan: Plan, source: string): void;
  /** A valid plan file (a plan or a scenarios document) that was opened. */
  onOpenWorkspace(ws: Workspace, source: string): void;
  /** The plan being edited, once valid (null while it has errors): the Karpenter import adds its pools to it. */
  plan?: Plan | null;
}

export default function ImportPanel({ dataset, onImportPlan, onOpenWorkspace, plan = null }: ImportPanelProps) {
  const id = useId();
  return (
    <section className="panel import-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Imports</h2>
      <AwsImport onImportPlan={onImportPlan} />
      <PlanFileOpen dataset={dataset} onOpenWorkspace={onOpenWorkspace} />
      <KarpenterImport plan={plan} onImportPlan={onImportPlan} />
    </section>
  );
}
