import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { colocationImpact } from '../../src/model/colocation';
import { EXPANDED_VPC, SMALL_ROUTABLE_VPC } from '../../src/model/presets';

describe('co-locating a node group in one AZ', () => {
  it('puts all 9 m5.16xlarge of the small VPC in nodes-a: 908 of 251 usable, and says so', () => {
    const r = colocationImpact(SMALL_ROUTABLE_VPC, dataset, 0, 'us-east-1a');
    expect(r.plan.nodeGroups[0]!.subnets).toEqual(['nodes-a']);
    expect(r.exhausted).toEqual([
      { name: 'nodes-a', usedAtMax: 8 + 9 * 100, usable: 251, exhaustedAtNodes: expect.any(Number) },
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['colocation-subnet-exhausted']);
    expect(r.warnings[0]!.message).toMatch(/must hold 908 addresses at max but has 251 usable/);
  });
  it('the expanded VPC holds 60 nodes in one AZ: 68 in nodes-a, 6,000 in pods-a', () => {
    const r = colocationImpact(EXPANDED_VPC, dataset, 0, 'us-east-1b');
    expect(r.exhausted).toEqual([]);
    const used = Object.fromEntries(r.evaluation!.subnets.map((s) => [s.name, s.used.max]));
    expect(used['nodes-b']).toBe(8 + 60);
    expect(used['pods-b']).toBe(60 * 100);
    expect(used['pods-a']).toBe(0);
  });
  it('refuses an AZ the group has no subnet in', () => {
    expect(colocationImpact(SMALL_ROUTABLE_VPC, dataset, 0, 'us-east-1f').warnings[0]!.code).toBe(
      'colocation-no-subnet',
    );
  });
});
