import { describe, expect, it } from 'vitest';
import { cniEnvironment, toAwsNodeEnv } from '../../../src/model/export/aws-node';
import { DEFAULT_CNI } from '../../../src/model/plan';
import { expectGolden, gpuPlan, referencePlan } from './helpers';

describe('aws-node environment', () => {
  it('reference plan: one kubectl set env line with exactly the non-default settings; matches the golden file', () => {
    const text = toAwsNodeEnv(referencePlan());
    expectGolden('reference-plan.aws-node.sh', text);
    const cmd = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(cmd).toEqual([
      'kubectl set env daemonset aws-node -n kube-system WARM_IP_TARGET=5 MINIMUM_IP_TARGET=30 AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone',
    ]);
  });

  it('defaults: nothing to set, comments only', () => {
    const plan = referencePlan();
    plan.cni = { ...DEFAULT_CNI };
    const text = toAwsNodeEnv(plan);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([]);
    expect(text).toContain('at its VPC CNI default');
  });

  it('every setting: names and string values, WARM_PREFIX_TARGET whenever prefix delegation is on', () => {
    expect(
      cniEnvironment({
        warmEniTarget: 0,
        warmIpTarget: 2,
        minimumIpTarget: 10,
        warmPrefixTarget: 1,
        maxEni: 2,
        prefixDelegation: true,
        customNetworking: true,
        podEni: true,
      }),
    ).toEqual([
      ['WARM_ENI_TARGET', '0'],
      ['WARM_IP_TARGET', '2'],
      ['MINIMUM_IP_TARGET', '10'],
      ['ENABLE_PREFIX_DELEGATION', 'true'],
      ['WARM_PREFIX_TARGET', '1'],
      ['MAX_ENI', '2'],
      ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG', 'true'],
      ['ENI_CONFIG_LABEL_DEF', 'topology.kubernetes.io/zone'],
      ['ENABLE_POD_ENI', 'true'],
    ]);
    expect(cniEnvironment({ ...DEFAULT_CNI, warmPrefixTarget: 4 })).toEqual([]);
  });

  it('a plan name with a line break stays one comment line', () => {
    const plan = referencePlan();
    plan.name = 'a\nkubectl delete ns prod';
    expect(
      toAwsNodeEnv(plan)
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toHaveLength(1);
  });

  it('ENABLE_MULTI_NIC comes from the descriptor table, with the VPC CNI version it needs; golden GPU file', () => {
    const text = toAwsNodeEnv(gpuPlan());
    expectGolden('gpu-plan.aws-node.sh', text);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([
      'kubectl set env daemonset aws-node -n kube-system ENABLE_MULTI_NIC=true',
    ]);
    expect(text).toContain('# ENABLE_MULTI_NIC needs VPC CNI 1.20.0 or newer');
    expect(text).toContain('k8s.amazonaws.com/nicConfig: multi-nic-attachment');
    expect(cniEnvironment({ ...DEFAULT_CNI, multiNic: false })).toEqual([]);
  });
});
