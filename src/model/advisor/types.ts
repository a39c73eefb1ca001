/** The advisor's shapes: a candidate fix before and after it is measured. */
import type { FullEvaluation } from '../evaluate';
import type { InstanceDataset } from '../instances';
import type { Plan } from '../plan';
import type { Headroom, Measured } from './measure';

/** One cost of a fix, with a weight for the ranking (0 = worth knowing, 3 = node replacement). */
export interface Cost {
  text: string;
  weight: number;
}

/** A fix as a rule proposes it: the whole changed plan, not yet evaluated. */
export interface Draft {
  id: string;
  title: string;
  /** What changes and why, with the numbers known before evaluating. */
  summary: string;
  plan: Plan;
  costs: Cost[];
}

export interface AdviseOptions {
  /** Headroom above maxNodes a resized subnet or prefix reservation is sized for, in percent (default 20). */
  headroomPct?: number;
  /** Advise even when the plan fits and wastes little (default false: only on a misfit or warm-pool waste). */
  always?: boolean;
  /** Scale-out window for the EC2 API cost, in seconds (default 60). */
  scaleOutSeconds?: number;
}

export interface AdviceContext {
  plan: Plan;
  dataset: InstanceDataset;
  base: Measured;
  headroomPct: number;
  scaleOutSeconds: number;
  /** Every rule the advisor tries (index.ts FIX_RULES): a rule that is offered only when no other fix works reads them here. */
  rules: readonly FixRule[];
}

/** A measured, ranked fix. */
export interface Advice {
  id: string;
  title: string;
  /** The change and its measured effect. */
  summary: string;
  /** The whole changed plan: valid input to validatePlan and evaluate. */
  plan: Plan;
  /** evaluate(plan) as `evaluate --json` prints it. */
  evaluation: FullEvaluation;
  headroom: Headroom;
  cost: string[];
  /** Sum of the cost weights (lower is cheaper). */
  costScore: number;
  /** 1 = take this one. */
  rank: number;
}

export type FixRule = (ctx: AdviceContext) => Draft | null;

/** "a, b, c, d and 36 more": long per-group lists stay readable on plans with many groups. */
export function listSome(items: readonly string[], max = 4, sep = ', '): string {
  return items.length <= max ? items.join(sep) : `${items.slice(0, max).join(sep)}${sep}and ${items.length - max} more`;
}
