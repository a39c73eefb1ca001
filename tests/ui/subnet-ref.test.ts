/** The node groups panel follows the subnets' keys, names and AZs through one string (subnet-ref.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSubnetRefs, subnetRefsKey } from '../../src/ui/editor/subnet-ref';

describe('subnetRefsKey', () => {
  it('gives back every list of subnets whole, whatever their names hold', () => {
    const ref = fc.record({ key: fc.string(), name: fc.string({ unit: 'binary' }), az: fc.string() });
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 50 }), (refs) => {
        expect(parseSubnetRefs(subnetRefsKey(refs))).toEqual(refs);
      }),
      { numRuns: 2000 },
    );
  });
  it('does not change with a CIDR, and changes with a name', () => {
    const subnet = { key: 's1', name: 'nodes-a', az: 'us-east-1a', cidr: '10.0.0.0/24' };
    const typing = { ...subnet, cidr: '10.0.0.0/2' };
    const renamed = { ...subnet, name: 'nodes-b' };
    expect(subnetRefsKey([subnet])).toBe(subnetRefsKey([typing]));
    expect(subnetRefsKey([subnet])).not.toBe(subnetRefsKey([renamed]));
  });
});
