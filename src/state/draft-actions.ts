/**
 * The edits of one plan: every action turns the active scenario's draft into a new draft. The store
 * (plan-store.ts) decides which scenario that is and how edits group into undo steps (by `key`).
 */
import type { Plan, Subnet } from '../model/plan';
import type { PlanPatch } from '../model/result';
import { applyPatch } from './apply-patch';
import {
  groupToDraft,
  newKey,
  planToDraft,
  subnetToDraft,
  type CniFlag,
  type CniTextField,
  type Draft,
  type DraftGroup,
  type GroupTextField,
  type SubnetTextField,
} from './draft';
import { defaultPool, poolKindChanged, withRequirement, type PoolActions, type PoolTextField } from './pool-draft';
import { fillPodSubnets, podSubnetCarve } from './pod-subnets';
import { nextCidrSuggestion, nextSubnetSuggestion, uniqueName } from './suggest';
import { OWN_STEP, type EditKey } from './workspace-actions';

export interface DraftActions extends PoolActions {
  /** Replaces the active scenario's plan (a preset, an imported VPC): one undo step. */
  loadPlan(plan: Plan): void;
  setName(name: string): void;
  setCidr(index: number, text: string): void;
  addCidr(): void;
  removeCidr(index: number): void;
  setSubnetField(index: number, field: SubnetTextField, value: string): void;
  addSubnet(): void;
  addSubnets(subnets: Subnet[]): void;
  removeSubnet(index: number): void;
  /** The subnet's tags, row by row as typed ([] removes them). */
  setSubnetTags(index: number, tags: [string, string][]): void;
  /** The cluster's IP family (ipv4 leaves the field out). */
  setIpFamily(family: 'ipv4' | 'ipv6'): void;
  setCniText(field: CniTextField, value: string): void;
  setCniFlag(field: CniFlag, value: boolean): void;
  setGroupField(index: number, field: GroupTextField, value: string): void;
  setGroupSubnets(index: number, subnets: string[]): void;
  setGroupPodSubnets(index: number, podSubnets: string[]): void;
  /** Custom networking on, with one pod subnet per AZ that has none to pick (pod-subnets.ts podSubnetCarve). */
  carvePodSubnets(): void;
  addGroup(): void;
  duplicateGroup(index: number): void;
  removeGroup(index: number): void;
  applyPatch(patch: PlanPatch): void;
  /** Several fixes in one undo step (a repeated finding's "apply to all"). */
  applyPatches(patches: readonly PlanPatch[]): void;
}

export type { PoolTextField };

/**
 * Applies `fn` to the active draft; edits with the same `key` in quick succession make one undo step,
 * and an OWN_STEP edit is always a step of its own.
 */
export type EditDraft = (key: EditKey, fn: (d: Draft) => Draft) => void;

export function draftActions(edit: EditDraft): DraftActions {
  const editGroup = (key: EditKey, i: number, fn: (g: DraftGroup) => DraftGroup) =>
    edit(key, (d) => {
      const g = d.nodeGroups[i];
      if (!g) return d;
      const nodeGroups = d.nodeGroups.slice();
      nodeGroups[i] = fn(g);
      return { ...d, nodeGroups };
    });
  return {
    // The scenario keeps its identity (its tab, its last valid result); only its plan changes.
    // Each load is its own undo step, however quickly the next follows (two presets picked in a row).
    loadPlan: (plan) => edit(OWN_STEP, (d) => ({ ...planToDraft(plan), key: d.key })),
    setName: (name) => edit('name', (d) => ({ ...d, name })),
    setCidr: (i, text) => edit(`cidr${i}`, (d) => ({ ...d, cidrs: d.cidrs.map((c, j) => (j === i ? text : c)) })),
    addCidr: () => edit('addCidr', (d) => ({ ...d, cidrs: [...d.cidrs, nextCidrSuggestion(d.cidrs)] })),
    removeCidr: (i) => edit('removeCidr', (d) => ({ ...d, cidrs: d.cidrs.filter((_, j) => j !== i) })),
    setSubnetField: (i, field, value) =>
      edit(`subnet${i}.${field}`, (d) => {
        const old = d.subnets[i];
        if (!old) return d;
        const subnets = d.subnets.slice();
        subnets[i] = { ...old, [field]: value };
        if (field !== 'name') return { ...d, subnets };
        // Renaming a subnet renames every reference to it.
        const rename = (list: string[]) => list.map((n) => (n === old.name ? value : n));
        const nodeGroups = d.nodeGroups.map((g) =>
          g.subnets.includes(old.name) || g.podSubnets.includes(old.name)
            ? { ...g, subnets: rename(g.subnets), podSubnets: rename(g.podSubnets) }
            : g,
        );
        return { ...d, subnets, nodeGroups };
      }),
    setSubnetTags: (i, tags) =>
      edit(`subnet${i}.tags`, (d) => {
        const old = d.subnets[i];
        if (!old) return d;
        const subnets = d.subnets.slice();
        const { tags: _old, ...rest } = old;
        subnets[i] = tags.length ? { ...rest, tags } : rest;
        return { ...d, subnets };
      }),
    setIpFamily: (family) =>
      edit('ipFamily', (d) => {
        const { ipFamily: _old, ...rest } = d;
        return family === 'ipv6' ? { ...rest, ipFamily: family } : rest;
      }),
    // With custom networking on, a subnet added where a group has no pod subnet becomes it when the choice is plain.
    addSubnet: () =>
      edit('addSubnet', (d) => fillPodSubnets({ ...d, subnets: [...d.subnets, nextSubnetSuggestion(d)] })),
    addSubnets: (list) =>
      edit('addSubnets', (d) => fillPodSubnets({ ...d, subnets: [...d.subnets, ...list.map(subnetToDraft)] })),
    removeSubnet: (i) =>
      edit('removeSubnet', (d) => {
        const gone = d.subnets[i]?.name;
        const drop = (list: string[]) => list.filter((n) => n !== gone);
        return {
          ...d,
          subnets: d.subnets.filter((_, j) => j !== i),
          nodeGroups: d.nodeGroups.map((g) => ({ ...g, subnets: drop(g.subnets), podSubnets: drop(g.podSubnets) })),
        };
      }),
    setCniText: (field, value) => edit(`cni.${field}`, (d) => ({ ...d, cni: { ...d.cni, [field]: value } })),
    // Ticking custom networking gives each group the pod subnets that are plain to pick, in the same step.
    setCniFlag: (field, value) =>
      edit(`cni.${field}`, (d) => {
        const next = { ...d, cni: { ...d.cni, [field]: value } };
        return field === 'customNetworking' && value ? fillPodSubnets(next) : next;
      }),
    setGroupField: (i, field, value) =>
      editGroup(`group${i}.${field}`, i, (g) =>
        field === 'kind' ? poolKindChanged({ ...g, kind: value }) : { ...g, [field]: value },
      ),
    setGroupSubnets: (i, subnets) =>
      edit(OWN_STEP, (d) => {
        const g = d.nodeGroups[i];
        if (!g) return d;
        const nodeGroups = d.nodeGroups.slice();
        nodeGroups[i] = { ...g, subnets };
        return fillPodSubnets({ ...d, nodeGroups });
      }),
    setGroupPodSubnets: (i, podSubnets) => editGroup(OWN_STEP, i, (g) => ({ ...g, podSubnets })),
    carvePodSubnets: () =>
      edit(OWN_STEP, (d) => {
        const carve = podSubnetCarve(d);
        if (!carve) return d;
        return fillPodSubnets({
          ...d,
          cidrs: carve.addsCidr ? [...d.cidrs, carve.cidr] : d.cidrs,
          subnets: [...d.subnets, ...carve.subnets.map(subnetToDraft)],
          cni: { ...d.cni, customNetworking: true },
        });
      }),
    addGroup: () =>
      edit('addGroup', (d) => {
        const first = d.nodeGroups[0];
        const g: DraftGroup = first
          ? {
              ...first,
              key: newKey('g'),
              name: uniqueName(
                'nodes',
                d.nodeGroups.map((x) => x.name),
              ),
            }
          : groupToDraft({
              name: 'nodes',
              instanceType: 'm6i.2xlarge',
              subnets: d.subnets.slice(0, 3).map((s) => s.name),
              minNodes: 1,
              desiredNodes: 3,
              maxNodes: 6,
              podsPerNode: 20,
              maxPods: null,
            });
        return { ...d, nodeGroups: [...d.nodeGroups, g] };
      }),
    duplicateGroup: (i) =>
      edit('duplicateGroup', (d) => {
        const src = d.nodeGroups[i];
        if (!src) return d;
        const copy = {
          ...src,
          key: newKey('g'),
          name: uniqueName(
            `${src.name}-copy`,
            d.nodeGroups.map((x) => x.name),
          ),
        };
        const nodeGroups = d.nodeGroups.slice();
        nodeGroups.splice(i + 1, 0, copy);
        return { ...d, nodeGroups };
      }),
    removeGroup: (i) => edit('removeGroup', (d) => ({ ...d, nodeGroups: d.nodeGroups.filter((_, j) => j !== i) })),
    applyPatch: (patch) => edit(OWN_STEP, (d) => applyPatch(d, patch)),
    applyPatches: (patches) => edit(OWN_STEP, (d) => patches.reduce(applyPatch, d)),
    // Node pools (pool-draft.ts): the choice fixed / pool, the requirement rows, pods, requests.
    setGroupPool: (i, on) =>
      editGroup(OWN_STEP, i, (g) => {
        if (on === Boolean(g.pool)) return g;
        if (!on) {
          const { pool, ...rest } = g;
          return { ...rest, stashedPool: pool };
        }
        const { stashedPool, ...rest } = g;
        return { ...rest, pool: stashedPool ?? defaultPool(g) };
      }),
    setPoolField: (i, field, value) =>
      editGroup(`group${i}.pool.${field}`, i, (g) => (g.pool ? { ...g, pool: { ...g.pool, [field]: value } } : g)),
    setRequirement: (i, j, change) =>
      editGroup(`group${i}.req${j}.${Object.keys(change).join()}`, i, (g) => withRequirement(g, j, change)),
    addRequirement: (i) =>
      editGroup(OWN_STEP, i, (g) =>
        g.pool
          ? {
              ...g,
              pool: {
                ...g.pool,
                requirements: [...g.pool.requirements, { id: newKey('r'), key: '', operator: 'In', values: [] }],
              },
            }
          : g,
      ),
    removeRequirement: (i, j) =>
      editGroup(OWN_STEP, i, (g) =>
        g.pool
          ? {
              ...g,
              pool: { ...g.pool, requirements: g.pool.requirements.filter((_, k) => k !== j) },
            }
          : g,
      ),
    setPodRequests: (i, rows) =>
      editGroup(`group${i}.podRequests:${rows.map(([k]) => k).join()}`, i, (g) =>
        g.pool ? { ...g, pool: { ...g.pool, podRequests: rows } } : g,
      ),
  };
}
