import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { toEniConfigs } from '../../../src/model/export/eniconfig';
import { expectGolden, referencePlan } from './helpers';

describe('ENIConfig manifests', () => {
  it('reference plan: one per AZ, named after the AZ, with the pod subnet; matches the golden file', () => {
    const text = toEniConfigs(referencePlan());
    expectGolden('reference-plan.eniconfig.yaml', text);
    const docs = parseAllDocuments(text).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS();
    });
    expect(docs).toEqual(
      ['a', 'b', 'c'].map((z) => ({
        apiVersion: 'crd.k8s.amazonaws.com/v1alpha1',
        kind: 'ENIConfig',
        metadata: { name: `us-east-1${z}` },
        spec: { subnet: `subnet-REPLACE-pods-${z}` },
      })),
    );
    expect(text).toContain(
      '# us-east-1a: pod subnet pods-a (100.64.0.0/16)\n# replace the placeholder with its ID: aws ec2 describe-subnets --filters Name=vpc-id,Values=$VPC_ID Name=cidr-block,Values=100.64.0.0/16',
    );
  });

  it('an imported pod subnet named by its ID is used as is', () => {
    const plan = referencePlan();
    plan.vpc.subnets[3]!.name = 'subnet-0b2c3d4e5f6071804';
    plan.nodeGroups.forEach((g) => (g.podSubnets![0] = 'subnet-0b2c3d4e5f6071804'));
    const first = parseAllDocuments(toEniConfigs(plan))[0]!.toJS();
    expect(first.spec.subnet).toBe('subnet-0b2c3d4e5f6071804');
  });

  it('two pod subnets for one AZ: the first wins, with a warning', () => {
    const plan = referencePlan();
    plan.vpc.subnets.push({ name: 'pods-a2', az: 'us-east-1a', cidr: '100.64.0.0/17' });
    plan.nodeGroups[1]!.podSubnets = ['pods-a2', 'pods-b', 'pods-c'];
    const text = toEniConfigs(plan);
    expect(parseAllDocuments(text)).toHaveLength(3);
    expect(text).toContain(
      '# WARNING: pods-a2 (100.64.0.0/17) is also listed for us-east-1a; an AZ has one ENIConfig, pods-a wins',
    );
  });

  it('custom networking off: still written (pod subnets listed) but says it has no effect; none listed: comment only', () => {
    const plan = referencePlan();
    plan.cni.customNetworking = false;
    expect(toEniConfigs(plan)).toContain('Custom networking is off in this plan');
    plan.nodeGroups.forEach((g) => delete g.podSubnets);
    const text = toEniConfigs(plan);
    expect(text).toContain('# No node group lists podSubnets: there is no ENIConfig to write.');
    expect(parseAllDocuments(text).map((d) => d.toJS())).toEqual([]);
  });

  it('imported subnets: the ID from the import, and no placeholder or lookup comment', () => {
    const plan = referencePlan();
    plan.vpc.subnets[3]!.id = 'subnet-0b2c3d4e5f6071804';
    const text = toEniConfigs(plan);
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    expect(docs[0].spec).toEqual({ subnet: 'subnet-0b2c3d4e5f6071804' });
    expect(docs[1].spec.subnet).toBe('subnet-REPLACE-pods-b');
    expect(text.split('---')[0]).not.toContain('replace the placeholder');
  });
});
