import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../scripts/dataset-builder';
import { dataset } from '../../src/data/dataset';
import { datasetFromFile, datasetFromTypes, suggestInstanceTypes } from '../../src/model/instances';
import { DEFAULT_CNI } from '../../src/model/plan';
import { nodeAccounting } from '../../src/model/warm-pool';

const read = (f: string) => readFileSync(new URL(`../../data/aws/${f}`, import.meta.url), 'utf8');

describe('the instance dataset', () => {
  it('is exactly what npm run data builds from the committed AWS sources (deterministic)', () => {
    const built = JSON.stringify(buildDataset(read)) + '\n';
    expect(readFileSync(new URL('../../data/instances.json', import.meta.url), 'utf8')).toBe(built);
  });
  it('one type object per name, in the file order, whether reached by name or through types (made on first use)', () => {
    const file = JSON.parse(readFileSync(new URL('../../data/instances.json', import.meta.url), 'utf8'));
    const names: string[] = file.data[file.columns.indexOf('name')];
    const fresh = datasetFromFile(file);
    // By name first (before `types` exists), then the list: the same objects.
    const p5 = fresh.byName.get('p5.48xlarge')!;
    expect(fresh.types.map((t) => t.name)).toEqual(names);
    expect(fresh.types[names.indexOf('p5.48xlarge')]).toBe(p5);
    expect(fresh.types.every((t) => fresh.byName.get(t.name) === t && fresh.byName.has(t.name))).toBe(true);
    expect([fresh.byName.get('m5.huge'), fresh.byName.has('m5.huge')]).toEqual([undefined, false]);
    // The same figures as the page's and the command line's dataset.
    expect(fresh.types).toEqual(dataset.types);
  });
  it('has all 1,391 types; 4 still have no vCPU figure in any public source', () => {
    expect(dataset.types.length).toBe(1391);
    const none = dataset.types
      .filter((t) => t.vcpus === null)
      .map((t) => t.name)
      .sort();
    expect(none).toEqual(['bmn-sf1.metal', 'c5a.metal', 'c5ad.metal', 'c7i.32xlarge']);
    // From EC2 DescribeInstanceTypes (moto's dump, data/aws/instance-vcpus-extra.json)
    expect(dataset.byName.get('trn2.3xlarge')).toMatchObject({ vcpus: 12, memoryMiB: 131072 });
    expect(dataset.byName.get('mac-m3ultra.metal')).toMatchObject({ vcpus: 28, memoryMiB: 262144 });
  });
  it('carries EFA, GPUs and accelerators from Karpenter’s table, unknown where it has no entry', () => {
    expect(dataset.byName.get('p5.48xlarge')!.ai).toMatchObject({
      efa: 32,
      gpus: 8,
      gpuName: 'h100',
      gpuManufacturer: 'nvidia',
      arch: 'amd64',
    });
    expect(dataset.byName.get('trn2.48xlarge')!.ai).toMatchObject({
      efa: 16,
      gpus: 0,
      accelerators: 16,
      acceleratorName: 'trainium2',
    });
    expect(dataset.byName.get('m5.large')!.ai).toMatchObject({
      efa: 0,
      gpus: 0,
      allocatableCpuMilli: 1930,
      allocatableMemoryMiB: 6903,
    });
    expect(dataset.byName.get('p3.16xlarge')!.ai).toBeNull();
    const karpenter = JSON.parse(read('instance-karpenter.json')) as Record<
      string,
      { resources: Record<string, unknown> }
    >;
    const withEfa = dataset.types.filter((t) => (t.ai?.efa ?? 0) > 0).length;
    expect(withEfa).toBe(
      Object.values(karpenter).filter((k) => Number(k.resources['vpc.amazonaws.com/efa'] ?? 0) > 0).length,
    );
    expect(dataset.types.filter((t) => t.ai === null).length).toBe(1391 - Object.keys(karpenter).length);
  });
  it('carries network cards, trunking and branch ENIs', () => {
    expect(dataset.byName.get('p5.48xlarge')).toMatchObject({
      enis: 2,
      ipv4PerEni: 50,
      networkCards: 32,
      totalEnis: 64,
      hypervisor: 'nitro',
      vcpus: 192,
    });
    expect(dataset.byName.get('m5.large')).toMatchObject({ trunk: true, branchEnis: 9, vcpus: 2, memoryMiB: 8192 });
    expect(dataset.byName.get('c5.4xlarge')!.branchEnis).toBe(54);
    expect(dataset.byName.get('m5.metal')).toMatchObject({ bareMetal: true, hypervisor: 'unknown' });
  });
  it('carries its provenance: repository, path, commit and date of each source', () => {
    expect(dataset.provenance.map((p) => p.repository)).toContain('aws/amazon-vpc-cni-k8s');
    for (const p of dataset.provenance) expect(p.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(dataset.dataDate).toBe('2026-08-22');
  });
  it('the model takes a dataset as a parameter: a three-type fixture works', () => {
    const fixture = datasetFromTypes([
      {
        name: 'x.small',
        enis: 2,
        ipv4PerEni: 4,
        networkCards: 1,
        totalEnis: 2,
        hypervisor: 'nitro',
        bareMetal: false,
        vcpus: 2,
        memoryMiB: 2048,
        trunk: false,
        branchEnis: 0,
      },
      {
        name: 'x.big',
        enis: 4,
        ipv4PerEni: 10,
        networkCards: 1,
        totalEnis: 4,
        hypervisor: 'xen',
        bareMetal: false,
        vcpus: 8,
        memoryMiB: 8192,
        trunk: false,
        branchEnis: 0,
      },
      {
        name: 'x.metal',
        enis: 4,
        ipv4PerEni: 10,
        networkCards: 1,
        totalEnis: 4,
        hypervisor: 'unknown',
        bareMetal: true,
        vcpus: 8,
        memoryMiB: 8192,
        trunk: false,
        branchEnis: 0,
      },
    ]);
    expect(nodeAccounting(fixture.byName.get('x.small')!, DEFAULT_CNI, { pods: 1 }).nodeSubnetIps).toBe(8); // 2 ENIs × 4
    expect(suggestInstanceTypes(fixture, 'x.smal', 1)).toEqual(['x.small']);
    // bare metal does prefix delegation in the CNI even without a "nitro" hypervisor
    expect(
      nodeAccounting(
        fixture.byName.get('x.metal')!,
        { ...DEFAULT_CNI, prefixDelegation: true },
        { pods: 1, maxPods: 110 },
      ).prefixes,
    ).toBe(2);
    expect(
      nodeAccounting(
        fixture.byName.get('x.big')!,
        { ...DEFAULT_CNI, prefixDelegation: true },
        { pods: 1, maxPods: 110 },
      ).prefixes,
    ).toBe(0);
  });
});
