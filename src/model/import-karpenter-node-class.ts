/**
 * The EC2NodeClass (or Auto Mode NodeClass) fields for the Karpenter import (import-karpenter.ts has the
 * mapping): the subnet selector terms against the plan's subnets, and the EFA layout from
 * `networkInterfaces`. Each reader pushes its problems, naming the document and the field, and never throws.
 */
import { isObj } from './import-karpenter-node-pool';
import type { NodeGroup, Plan, Subnet } from './plan';

/** The plan subnets a list of selector terms selects, and the terms that select none. */
export function selectSubnets(
  terms: unknown,
  plan: Plan,
  where: string,
  field: string,
  errors: string[],
  warnings: string[],
): string[] {
  if (terms === undefined) return [];
  if (!Array.isArray(terms)) {
    errors.push(`${where}: spec.${field} must be a list of { id } or { tags } terms`);
    return [];
  }
  const out: string[] = [];
  const add = (n: string) => {
    if (!out.includes(n)) out.push(n);
  };
  terms.forEach((t, i) => {
    const p = `${where}: spec.${field}[${i}]`;
    if (!isObj(t)) return errors.push(`${p} must be { id: subnet-… } or { tags: { key: value } }`);
    const byId = (s: Subnet) => s.id === t.id || s.name === t.id;
    if (typeof t.id === 'string') {
      const s = plan.vpc.subnets.find(byId);
      if (s) return add(s.name);
      warnings.push(
        `${p}: subnet ${t.id} is not in the plan; kept by its ID: add it to vpc.subnets (or import the VPC)`,
      );
      return add(t.id);
    }
    if (isObj(t.tags)) {
      const tags = Object.entries(t.tags).map(([k, v]) => [k, String(v)] as const);
      const match = plan.vpc.subnets.filter((s) =>
        tags.every(
          ([k, v]) => (k === 'Name' && s.name === v) || s.tags?.[k] === v || (v === '*' && s.tags?.[k] !== undefined),
        ),
      );
      if (match.length) return match.forEach((s) => add(s.name));
      const name = t.tags.Name;
      const what = tags.map(([k, v]) => `${k}=${v}`).join(', ');
      warnings.push(
        `${p}: no subnet of the plan has the tags ${what}; ` +
          `${typeof name === 'string' ? `kept as "${name}": ` : ''}add the subnets to vpc.subnets (or import the VPC)`,
      );
      if (typeof name === 'string') add(name);
      return;
    }
    errors.push(`${p} has neither id nor tags; write { id: subnet-… } or { tags: { Name: … } }`);
  });
  return out;
}

/** The EFA layout from networkInterfaces (and the pods' EFA request). */
export function readLayout(
  raw: unknown,
  requestsEfa: boolean,
  where: string,
  errors: string[],
  notes: string[],
): NodeGroup['efaLayout'] {
  if (raw === undefined) {
    if (!requestsEfa) return undefined;
    notes.push(
      `${where}: no networkInterfaces and the pods request vpc.amazonaws.com/efa: the efa layout (Karpenter's default)`,
    );
    return 'efa';
  }
  if (!Array.isArray(raw)) {
    errors.push(`${where}: spec.networkInterfaces must be a list of { networkCardIndex, deviceIndex, interfaceType }`);
    return undefined;
  }
  let efaOnly = false;
  raw.forEach((ni, i) => {
    const p = `${where}: spec.networkInterfaces[${i}].interfaceType`;
    const type = isObj(ni) ? ni.interfaceType : undefined;
    if (type !== 'interface' && type !== 'efa-only') {
      return errors.push(`${p} ${JSON.stringify(type ?? null)} is not one of interface, efa-only`);
    }
    if (type === 'efa-only') efaOnly = true;
  });
  if (efaOnly) {
    notes.push(`${where}: networkInterfaces with EFA-only interfaces: the ENA + EFA-only layout`);
    return 'ena-efa-only';
  }
  return undefined;
}
