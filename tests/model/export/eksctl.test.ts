import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { dataset } from '../../../src/data/dataset';
import { eksctlConfig, toEksctl, VPC_ID_PLACEHOLDER } from '../../../src/model/export/eksctl';
import { DEFAULT_CNI } from '../../../src/model/plan';
import { expectGolden, gpuPlan, referencePlan } from './helpers';

describe('eksctl ClusterConfig of the reference plan', () => {
  const text = toEksctl(referencePlan(), dataset);
  const doc = parse(text);

  it('matches the golden file', () => expectGolden('reference-plan.eksctl.yaml', text));

  it('is one YAML document that parses under YAML 1.1 and 1.2 alike, and equals the config object', () => {
    expect(parseDocument(text).errors).toEqual([]);
    expect(parse(text, { version: '1.1' })).toEqual(doc);
    expect(doc).toEqual(JSON.parse(JSON.stringify(eksctlConfig(referencePlan(), dataset))));
  });

  it('names the cluster, the region from the AZs, and the existing VPC by placeholder and primary CIDR', () => {
    expect(doc.apiVersion).toBe('eksctl.io/v1alpha5');
    expect(doc.kind).toBe('ClusterConfig');
    expect(doc.metadata).toEqual({ name: 'expanded-vpc', region: 'us-east-1' });
    expect(doc.vpc.id).toBe(VPC_ID_PLACEHOLDER);
    expect(doc.vpc.cidr).toBe('10.0.0.0/20');
  });

  it('lists the node subnets per AZ (found by CIDR), not the pod subnets', () => {
    expect(doc.vpc.subnets).toEqual({
      private: {
        'nodes-a': { az: 'us-east-1a', cidr: '10.0.0.0/22' },
        'nodes-b': { az: 'us-east-1b', cidr: '10.0.4.0/22' },
        'nodes-c': { az: 'us-east-1c', cidr: '10.0.8.0/22' },
      },
    });
  });

  it('configures the vpc-cni add-on with exactly the non-default env, as strings', () => {
    expect(doc.addons).toHaveLength(1);
    expect(doc.addons[0].name).toBe('vpc-cni');
    expect(JSON.parse(doc.addons[0].configurationValues)).toEqual({
      env: {
        WARM_IP_TARGET: '5',
        MINIMUM_IP_TARGET: '30',
        AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
        ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
      },
    });
  });

  it('has managed node groups with sizes, subnets and maxPodsPerNode 44 and 250', () => {
    expect(doc.managedNodeGroups).toEqual([
      {
        name: 'general',
        instanceType: 'm5.xlarge',
        amiFamily: 'AmazonLinux2023',
        minSize: 3,
        desiredCapacity: 6,
        maxSize: 30,
        subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
        privateNetworking: true,
        maxPodsPerNode: 44,
      },
      {
        name: 'batch',
        instanceType: 'm5.16xlarge',
        amiFamily: 'AmazonLinux2023',
        minSize: 0,
        desiredCapacity: 4,
        maxSize: 40,
        subnets: ['nodes-a', 'nodes-b', 'nodes-c'],
        privateNetworking: true,
        maxPodsPerNode: 250,
      },
    ]);
  });

  it('says in comments why each max pods, and that custom networking needs the ENIConfigs first', () => {
    expect(text).toContain(
      '# Node group batch (m5.16xlarge): max pods 250: max-pods-calculator.sh with custom networking; the AMI default (737) does not account for it.',
    );
    expect(text).toContain('--without-nodegroup');
    expect(text).toContain('# Secondary CIDRs the VPC must have: 100.64.0.0/16, 100.65.0.0/16, 100.66.0.0/16.');
  });
});

describe('eksctl ClusterConfig of other plans', () => {
  it('defaults: no configurationValues and no maxPodsPerNode', () => {
    const plan = referencePlan();
    plan.cni = { ...DEFAULT_CNI };
    const doc = parse(toEksctl(plan, dataset));
    expect(doc.addons).toEqual([{ name: 'vpc-cni' }]);
    for (const g of doc.managedNodeGroups) expect(g).not.toHaveProperty('maxPodsPerNode');
  });

  it('an imported subnet named by its ID keeps that ID', () => {
    const plan = referencePlan();
    plan.vpc.subnets[2]!.name = 'subnet-0b2c3d4e5f6071803';
    plan.nodeGroups.forEach((g) => (g.subnets[2] = 'subnet-0b2c3d4e5f6071803'));
    const doc = parse(toEksctl(plan, dataset));
    expect(doc.vpc.subnets.private['subnet-0b2c3d4e5f6071803']).toEqual({
      id: 'subnet-0b2c3d4e5f6071803',
      az: 'us-east-1c',
      cidr: '10.0.8.0/22',
    });
  });

  it('odd group names become valid, unique node group names', () => {
    const plan = referencePlan();
    plan.nodeGroups[0]!.name = 'GPU pool #1';
    plan.nodeGroups[1]!.name = 'GPU pool #1!';
    const doc = parse(toEksctl(plan, dataset));
    expect(doc.managedNodeGroups.map((g: { name: string }) => g.name)).toEqual(['GPU-pool-1', 'GPU-pool-1-2']);
  });
});

describe('eksctl ClusterConfig of GPU node groups', () => {
  const text = toEksctl(gpuPlan(), dataset);
  const doc = parse(text);
  const groups = (k: 'managedNodeGroups' | 'nodeGroups') =>
    Object.fromEntries((doc[k] ?? []).map((g: { name: string }) => [g.name, g]));

  it('matches the golden file', () => expectGolden('gpu-plan.eksctl.yaml', text));

  it('efa: efaEnabled true; efa-only and ENA + EFA-only: not set (eksctl cannot make them), said in a comment', () => {
    expect(groups('managedNodeGroups')['p5-efa'].efaEnabled).toBe(true);
    expect(groups('managedNodeGroups')['p5-efa-only']).not.toHaveProperty('efaEnabled');
    expect(text).toContain(
      '# p5-efa-only: eksctl cannot make the efa-only layout (EFA on card 0, EFA-only on the other EFA cards)',
    );
    // p5.48xlarge: 32 EFA cards, 31 more node-subnet addresses with efaEnabled (network_interfaces.go @ 99984adb: 131 against 100)
    expect(text).toContain('32 interfaces: 31 more node-subnet addresses per node than without EFA.');
  });

  it("efa on p6-b300.48xlarge (card 0 ENA only): eksctl's launch fails, and the export says so", () => {
    expect(groups('nodeGroups').b300.efaEnabled).toBe(true);
    expect(text).toContain(
      "# WARNING: eksctl's efaEnabled launch fails on p6-b300.48xlarge: it asks for an EFA on every one of its 17 network cards",
    );
  });

  it('kinds: managed under managedNodeGroups, self-managed under nodeGroups, Karpenter groups left out with a comment', () => {
    expect(Object.keys(groups('managedNodeGroups'))).toEqual(['p5-efa', 'p5-efa-only', 'system']);
    expect(Object.keys(groups('nodeGroups'))).toEqual(['b300']);
    expect(text).toContain(
      '# Node group p5-ena-efa-only is launched by Karpenter: not written here (see the Karpenter export).',
    );
  });

  it("a managed group's max pods above EKS's cap: written as planned, with the cap said (250 on m5.16xlarge)", () => {
    expect(groups('managedNodeGroups').system.maxPodsPerNode).toBe(300);
    expect(text).toContain(
      '# EKS caps the max pods of a managed node group at 250 on m5.16xlarge, over every other setting: the 300 written here is not honoured',
    );
  });

  it('ENABLE_MULTI_NIC in the vpc-cni add-on, with the version it needs', () => {
    expect(JSON.parse(doc.addons[0].configurationValues)).toEqual({ env: { ENABLE_MULTI_NIC: 'true' } });
    expect(text).toContain('# ENABLE_MULTI_NIC needs VPC CNI 1.20.0 or newer');
  });

  it('an imported plan: vpc.id and the subnet IDs from the import', () => {
    const plan = referencePlan();
    plan.vpc.vpcId = 'vpc-0a1b2c3d4e5f60718';
    plan.vpc.subnets[0]!.id = 'subnet-0b2c3d4e5f6071801';
    const d = parse(toEksctl(plan, dataset));
    expect(d.vpc.id).toBe('vpc-0a1b2c3d4e5f60718');
    expect(d.vpc.subnets.private['nodes-a']).toEqual({
      id: 'subnet-0b2c3d4e5f6071801',
      az: 'us-east-1a',
      cidr: '10.0.0.0/22',
    });
  });
});
