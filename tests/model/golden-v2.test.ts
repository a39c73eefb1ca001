/**
 * Format 2 (links) and version 2 (files) held to their format. The fixtures in tests/golden/ were written by
 * hand as workspaces, encoded once, and are frozen: every link and file there must restore to the same
 * workspace forever, and this build must still write those workspaces as exactly those links and files.
 * A format change (a key renamed, a tuple reordered, a meaning changed) fails here; it is a new format
 * with its own reader (share-link.ts) and migration (workspace.ts), never an edit of these files.
 * A new optional field is appended as a NEW golden entry that sets it; existing entries never change.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { CNI_KEYS, CNI_SETTINGS } from '../../src/model/cni-settings';
import { NodeGroupSchema, SubnetSchema, VpcSchema } from '../../src/model/plan-schema';
import { decodePlanFragment, LINK_FORMAT } from '../../src/model/share-link';
import { CrossAzViewSchema, DnsViewSchema, ScaleOutViewSchema } from '../../src/model/views';
import {
  decodeWorkspaceFragment,
  documentOf,
  encodeWorkspaceFragment,
  restoreDocument,
  workspaceLink,
  type Workspace,
} from '../../src/model/workspace';
import goldenLinks from '../golden/share-links-v2.json';

const golden = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8'));
const links = goldenLinks as unknown as { about: string; link: string; workspace: Workspace }[];

const restoreLink = (link: string) => {
  const d = decodeWorkspaceFragment(link);
  if (!d.ok) throw new Error(d.error);
  const r = restoreDocument(d.json, dataset);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
};

describe('format-2 golden links', () => {
  it('there are several, all format 2', () => {
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const g of links) expect(g.link, g.about).toMatch(/^https:\/\/planner\.example\/#2\./);
  });
  for (const g of links) {
    it(`${g.about}: decodes to exactly its workspace`, () => {
      const r = restoreLink(g.link);
      expect(r.workspace).toEqual(g.workspace);
      expect(r.fromVersion).toBe(2);
    });
    it(`${g.about}: this build writes it as exactly that link`, () => {
      expect(workspaceLink(g.workspace, 'https://planner.example/')).toBe(g.link);
      expect(encodeWorkspaceFragment(g.workspace)).toBe(g.link.split('#')[1]);
    });
  }

  it('between them set every optional field of a plan and every view input (so none can drift unseen)', () => {
    const ws = links.map((g) => g.workspace);
    const plans = ws.flatMap((w) => w.scenarios);
    const set = (rows: object[], keys: string[]) =>
      keys.filter((k) => !rows.some((r) => (r as Record<string, unknown>)[k] != null));
    const missing = [
      ...set(
        plans.map((p) => p.vpc),
        Object.keys(VpcSchema.shape),
      ).map((k) => `vpc.${k}`),
      ...set(
        plans.flatMap((p) => p.vpc.subnets),
        Object.keys(SubnetSchema.shape),
      ).map((k) => `subnets[].${k}`),
      ...set(
        plans.flatMap((p) => p.nodeGroups),
        Object.keys(NodeGroupSchema.shape),
      ).map((k) => `nodeGroups[].${k}`),
      ...set(
        ws.flatMap((w) => (w.views?.dns ? [w.views.dns] : [])),
        Object.keys(DnsViewSchema.shape),
      ).map((k) => `views.dns.${k}`),
      ...set(
        ws.flatMap((w) => (w.views?.crossAz ? [w.views.crossAz] : [])),
        Object.keys(CrossAzViewSchema.shape),
      ).map((k) => `views.crossAz.${k}`),
      ...set(
        ws.flatMap((w) => (w.views?.scaleOut ? [w.views.scaleOut] : [])),
        Object.keys(ScaleOutViewSchema.shape),
      ).map((k) => `views.scaleOut.${k}`),
    ];
    // Each CNI setting (cni-settings.ts, the added ones too) set away from its default somewhere.
    for (const k of CNI_KEYS) {
      const d = CNI_SETTINGS[k].default;
      if (!plans.some((p) => ![undefined, d].includes((p.cni as unknown as Record<string, unknown>)[k] as never)))
        missing.push(`cni.${k}`);
    }
    expect(
      missing,
      'fields no format-2 golden link carries: make the link carry them and append a golden entry that sets them',
    ).toEqual([]);
    expect(ws.some((w) => w.active > 0) && ws.some((w) => w.scenarios.length === 8) && ws.some((w) => !w.views)).toBe(
      true,
    );
  });
});

describe('version-2 golden files', () => {
  it('a file with every field restores to exactly itself, and this build writes that workspace as that file', () => {
    const file = golden('workspace-v2.json') as Workspace;
    const r = restoreDocument(file, dataset);
    expect(r.ok && r.workspace).toEqual(file);
    expect(r.ok && r.fromVersion).toBe(2);
    expect(JSON.parse(JSON.stringify(documentOf(file)))).toEqual(file);
    expect(file.scenarios.length).toBe(3);
    expect(Object.keys(file.views ?? {}).sort()).toEqual(['crossAz', 'dns', 'scaleOut']);
  });
  it('a terse file (active, cni, maxPods, a plan name and the bucket overrides left out) restores with the defaults', () => {
    const r = restoreDocument(golden('workspace-v2-terse.json'), dataset);
    expect(r.ok && r.workspace).toEqual(golden('workspace-v2-terse.restored.json'));
    // the defaults, spelled out: docs of the plan format (README "The command line") and views.ts
    const ws = r.ok ? r.workspace : null;
    expect(ws?.active).toBe(0);
    expect(ws?.scenarios[0]!.name).toBe('Untitled plan');
    expect(ws?.scenarios[0]!.nodeGroups[0]!.maxPods).toBeNull();
    expect(ws?.scenarios[1]!.cni).toEqual({
      warmEniTarget: 1,
      warmIpTarget: 3,
      minimumIpTarget: null,
      warmPrefixTarget: 1,
      maxEni: null,
      prefixDelegation: false,
      customNetworking: false,
      podEni: false,
    });
    expect(ws?.views).toEqual({ scaleOut: { seconds: 60, buckets: {} } });
  });
  it('the same workspace through a link and through a file is the same workspace', () => {
    const file = golden('workspace-v2.json') as Workspace;
    expect(restoreLink(workspaceLink(file, 'https://p/')).workspace).toEqual(file);
  });
});

describe('LINK_FORMAT: the newest format this build writes and reads', () => {
  it('is 2, and a newer link is refused naming both formats', () => {
    expect(LINK_FORMAT).toBe(2);
    const d = decodePlanFragment(`https://p/#${LINK_FORMAT + 1}.N4Ig`);
    expect(!d.ok && d.error).toBe(
      `the share link was made by a newer planner (link format 3; this one reads formats 1 to 2); open it there or update`,
    );
  });
  it('format 0 is no format', () => {
    const d = decodePlanFragment('https://p/#0.N4Ig');
    expect(!d.ok && d.error).toBe('unknown share link format 0');
  });
});
