/**
 * The NodePool's own fields for the Karpenter import (import-karpenter.ts has the mapping): its
 * `spec.template.spec.requirements` and `spec.disruption.budgets`, and the plain-object check the import's
 * readers share. Each reader pushes its problems, naming the document and the field, and never throws.
 */
import { AUTO_MODE_INSTANCE_LABELS } from './export/auto-mode-labels';
import { POOL_OPERATORS } from './plan-schema';
import type { PoolRequirement } from './plan';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const K = 'karpenter.k8s.aws/';
const EKS = 'eks.amazonaws.com/';

/** The requirements of a NodePool, or the problems that stop them being read. */
export function readRequirements(
  raw: unknown,
  where: string,
  autoMode: boolean,
  errors: string[],
  warnings: string[],
): PoolRequirement[] {
  const path = 'spec.template.spec.requirements';
  if (raw === undefined) {
    warnings.push(`${where}: ${path} is empty: the pool may launch any instance type Karpenter knows`);
    return [];
  }
  if (!Array.isArray(raw)) {
    errors.push(`${where}: ${path} must be a list of { key, operator, values }, got ${typeof raw}`);
    return [];
  }
  const out: PoolRequirement[] = [];
  raw.forEach((r, i) => {
    const p = `${where}: ${path}[${i}]`;
    if (!isObj(r)) return errors.push(`${p} must be { key, operator, values }`);
    if (typeof r.key !== 'string' || r.key === '')
      return errors.push(`${p}.key must be a label key such as ${K}instance-family`);
    if (typeof r.operator !== 'string' || !(POOL_OPERATORS as readonly string[]).includes(r.operator)) {
      return errors.push(
        `${p}.operator ${JSON.stringify(r.operator ?? null)} is not one of ` +
          `${POOL_OPERATORS.join(', ')}; write one of them`,
      );
    }
    let values: string[] | undefined;
    if (r.values !== undefined && r.values !== null) {
      if (!Array.isArray(r.values) || r.values.some((v) => typeof v === 'object' && v !== null)) {
        return errors.push(`${p}.values must be a list of text values (e.g. ["p5", "p4d"])`);
      }
      values = r.values.map((v) => String(v));
    }
    if (r.minValues !== undefined) {
      warnings.push(`${p}.minValues ${String(r.minValues)} is not modelled: the planner takes every candidate`);
    }
    let key = r.key;
    if (autoMode && key.startsWith(EKS)) {
      const label = key.slice(EKS.length);
      if ((AUTO_MODE_INSTANCE_LABELS as readonly string[]).includes(label)) key = K + label;
    }
    out.push({ key, operator: r.operator as PoolRequirement['operator'], ...(values ? { values } : {}) });
  });
  return out;
}

/** The disruption budget in nodes: the most restrictive count of the budgets always in force. */
export function readBudget(raw: unknown, where: string, errors: string[], warnings: string[]): number | undefined {
  const path = `${where}: spec.disruption`;
  if (raw === undefined) return undefined;
  if (!isObj(raw)) {
    errors.push(`${path} must be an object with budgets`);
    return undefined;
  }
  if (raw.budgets === undefined) {
    warnings.push(
      `${path} has no budgets: Karpenter's default (10% of the nodes) applies, which the plan does not count`,
    );
    return undefined;
  }
  if (!Array.isArray(raw.budgets)) {
    errors.push(`${path}.budgets must be a list of { nodes: "N" or "N%" }`);
    return undefined;
  }
  let n: number | undefined;
  raw.budgets.forEach((b, i) => {
    const p = `${path}.budgets[${i}].nodes`;
    if (!isObj(b) || (typeof b.nodes !== 'string' && typeof b.nodes !== 'number')) {
      return errors.push(`${p} is missing; write a count ("3") or a share ("10%")`);
    }
    const v = String(b.nodes).trim();
    if (isObj(b) && b.schedule !== undefined) {
      return warnings.push(
        `${p} "${v}" holds only on its schedule (${String(b.schedule)}): left out of disruptionBudget`,
      );
    }
    if (/^\d+%$/.test(v)) {
      return warnings.push(
        `${p} "${v}" is a share of the pool's nodes: the plan takes a count; ` +
          'set disruptionBudget to that share of the nodes at max',
      );
    }
    if (!/^\d+$/.test(v)) return errors.push(`${p} "${v}" is neither a count ("3") nor a share ("10%")`);
    n = Math.min(n ?? Infinity, Number(v));
  });
  return n;
}
