/**
 * `evaluate` of issue 15's test plan: a /24 node subnet and a /20 in the same AZ, 4 m5.16xlarge of 10 pods.
 * Hand count (AWS's table: 15 ENIs × 50 IPv4): 10 pods hold 2 ENIs, 100 addresses a node. Tagged
 * kubernetes.io/role/cni=1, subnet discovery puts the secondary ENI (50) in the most free of the two, the /20
 * (4,091 usable): 4 × 50 = 200 in each, and it fits (exit 0). Tagged =0, all 400 land in the /24 (251 usable)
 * and it does not (exit 1).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'discovery-'));
function planFile(tag: string): string {
  const plan = {
    version: 1,
    name: 'Discovery test',
    vpc: {
      cidrs: ['10.0.0.0/16'],
      subnets: [
        { name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/24' },
        { name: 'pods-a', az: 'us-east-1a', cidr: '10.0.16.0/20', tags: { 'kubernetes.io/role/cni': tag } },
      ],
    },
    nodeGroups: [
      {
        name: 'general',
        instanceType: 'm5.16xlarge',
        subnets: ['nodes-a'],
        minNodes: 4,
        desiredNodes: 4,
        maxNodes: 4,
        podsPerNode: 10,
        maxPods: null,
      },
    ],
  };
  const path = join(dir, `tag-${tag}.json`);
  writeFileSync(path, JSON.stringify(plan));
  return path;
}

describe('evaluate with subnet discovery tags', () => {
  it('tagged =1: the secondary ENIs land in the /20, 200 addresses each at max, and it fits', async () => {
    const r = await cli(['evaluate', planFile('1'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.fits).toBe(true);
    expect(
      Object.fromEntries(j.subnets.map((s: { name: string; used: { max: number } }) => [s.name, s.used.max])),
    ).toEqual({ 'nodes-a': 200, 'pods-a': 200 });
    const text = await cli(['evaluate', planFile('1')]);
    expect(text.out).toContain('node subnet 50, 50 in the most free of nodes-a, pods-a');
  });

  it('tagged =0: every address stays in the /24, 400 of 251 usable, and it does not fit', async () => {
    const r = await cli(['evaluate', planFile('0'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.fits).toBe(false);
    expect(j.subnets.find((s: { name: string }) => s.name === 'nodes-a').used.max).toBe(400);
    expect(j.subnets.find((s: { name: string }) => s.name === 'pods-a').used.max).toBe(0);
  });
});
