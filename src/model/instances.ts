/**
 * The instance-type dataset as the model sees it. The model never imports the data itself: callers
 * pass an {@link InstanceDataset}, so tests can hand it a three-type fixture.
 */

/** One EC2 instance type's networking facts (VPC CNI `vpc_ip_resource_limit.go`, default card only). */
export interface InstanceType {
  readonly name: string;
  /** MaximumNetworkInterfaces of the default network card (`E`). */
  readonly enis: number;
  /** Ipv4AddressesPerInterface (`I`); each ENI's primary address is never given to pods. */
  readonly ipv4PerEni: number;
  /** Number of network cards; only the default card's ENIs carry ordinary pod addresses. */
  readonly networkCards: number;
  /** ENIs over all network cards (shown for context; not used by any max-pods formula). */
  readonly totalEnis: number;
  /** "nitro", "xen" or "unknown" (EC2 reports none for bare metal). */
  readonly hypervisor: string;
  readonly bareMetal: boolean;
  /** Default vCPUs, or null where no source lists the type (7 types). */
  readonly vcpus: number | null;
  readonly memoryMiB: number | null;
  /** Security groups for pods: can the type take a trunk ENI? */
  readonly trunk: boolean;
  /** Branch ENIs (pods with their own security groups) the type supports. */
  readonly branchEnis: number;
  /**
   * What Karpenter's instance-types table says (`karpenter-provider-aws` docs, AL2023); absent or null
   * where the type has no entry there (28 types): unknown, never 0.
   */
  readonly ai?: AcceleratorFacts | null;
}

/** EFA, GPUs and accelerators, and the Karpenter labels and allocatable resources of one type. */
export interface AcceleratorFacts {
  /** EFA interfaces a node can carry (`vpc.amazonaws.com/efa`); 0 = no EFA. */
  readonly efa: number;
  readonly gpus: number;
  readonly gpuName: string | null;
  readonly gpuManufacturer: string | null;
  readonly gpuMemoryMiB: number | null;
  /** Neuron (Inferentia, Trainium) or other accelerators (`aws.amazon.com/neuron` devices). */
  readonly accelerators: number;
  readonly acceleratorName: string | null;
  readonly acceleratorManufacturer: string | null;
  readonly neuronCores: number;
  readonly arch: string;
  readonly generation: number | null;
  /** The `karpenter.k8s.aws/instance-hypervisor` label ('' for bare metal). */
  readonly hypervisorLabel: string;
  readonly allocatableCpuMilli: number;
  readonly allocatableMemoryMiB: number;
}

export interface Provenance {
  readonly file: string;
  readonly what: string;
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  readonly commitDate: string;
}

export interface InstanceDataset {
  readonly types: readonly InstanceType[];
  readonly byName: ReadonlyMap<string, InstanceType>;
  readonly dataDate: string;
  readonly provenance: readonly Provenance[];
}

/** The compact form of data/instances.json: `data[c][i]` is column `columns[c]` of type i. */
export interface DatasetFile {
  readonly dataDate: string;
  readonly provenance: readonly Provenance[];
  readonly columns: readonly string[];
  readonly data: readonly (readonly (string | number | null)[])[];
}

/** EFA interfaces of the type, or null where unknown (no Karpenter entry). */
export function efaCount(t: InstanceType): number | null {
  return t.ai ? t.ai.efa : null;
}

/** Turns the shipped table (or a test fixture) into a dataset with a name index. */
export function datasetFromFile(file: DatasetFile): InstanceDataset {
  const col = (name: string) => {
    const i = file.columns.indexOf(name);
    if (i < 0) throw new Error(`instance dataset: column ${name} is missing`);
    return file.data[i]!;
  };
  const [name, enis, ipv4PerEni, networkCards, totalEnis, hypervisor, bareMetal, vcpus, memoryMiB, trunk, branchEnis] =
    [
      'name',
      'enis',
      'ipv4PerEni',
      'networkCards',
      'totalEnis',
      'hypervisor',
      'bareMetal',
      'vcpus',
      'memoryMiB',
      'trunk',
      'branchEnis',
    ].map(col) as (readonly (string | number | null)[])[];
  const ai = {
    efa: col('efa'),
    gpus: col('gpus'),
    gpuName: col('gpuName'),
    gpuManufacturer: col('gpuManufacturer'),
    gpuMemoryMiB: col('gpuMemoryMiB'),
    accelerators: col('accelerators'),
    acceleratorName: col('acceleratorName'),
    acceleratorManufacturer: col('acceleratorManufacturer'),
    neuronCores: col('neuronCores'),
    arch: col('arch'),
    generation: col('generation'),
    hypervisorLabel: col('hypervisorLabel'),
    allocatableCpuMilli: col('allocatableCpuMilli'),
    allocatableMemoryMiB: col('allocatableMemoryMiB'),
  };
  const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  const types = name!.map((n, i): InstanceType => ({
    name: String(n),
    enis: Number(enis![i]),
    ipv4PerEni: Number(ipv4PerEni![i]),
    networkCards: Number(networkCards![i]),
    totalEnis: Number(totalEnis![i]),
    hypervisor: String(hypervisor![i]),
    bareMetal: Boolean(bareMetal![i]),
    vcpus: num(vcpus![i]),
    memoryMiB: num(memoryMiB![i]),
    trunk: Boolean(trunk![i]),
    branchEnis: Number(branchEnis![i]),
    ai:
      ai.efa[i] === null
        ? null
        : {
            efa: Number(ai.efa[i]),
            gpus: Number(ai.gpus[i]),
            gpuName: str(ai.gpuName[i]),
            gpuManufacturer: str(ai.gpuManufacturer[i]),
            gpuMemoryMiB: num(ai.gpuMemoryMiB[i]),
            accelerators: Number(ai.accelerators[i]),
            acceleratorName: str(ai.acceleratorName[i]),
            acceleratorManufacturer: str(ai.acceleratorManufacturer[i]),
            neuronCores: Number(ai.neuronCores[i]),
            arch: String(ai.arch[i]),
            generation: num(ai.generation[i]),
            hypervisorLabel: String(ai.hypervisorLabel[i]),
            allocatableCpuMilli: Number(ai.allocatableCpuMilli[i]),
            allocatableMemoryMiB: Number(ai.allocatableMemoryMiB[i]),
          },
  }));
  return datasetFromTypes(types, file.dataDate, file.provenance);
}

export function datasetFromTypes(
  types: readonly InstanceType[],
  dataDate = 'fixture',
  provenance: readonly Provenance[] = [],
): InstanceDataset {
  return { types, byName: new Map(types.map((t) => [t.name, t])), dataDate, provenance };
}

/**
 * Does the VPC CNI run prefix delegation on this type? Nitro or bare metal (`awsutils.go`
 * IsPrefixDelegationSupported); otherwise ipamd silently falls back to secondary IPs.
 */
export function vpcCniSupportsPrefixDelegation(t: InstanceType): boolean {
  return t.hypervisor === 'nitro' || t.bareMetal;
}

/** Secondary-address (or /28 prefix) slots per ENI: the primary address never carries a pod. */
export function slotsPerEni(t: InstanceType): number {
  return t.ipv4PerEni - 1;
}

/** Closest type names for a "did you mean" hint (same family first, then edit distance). */
export function suggestInstanceTypes(dataset: InstanceDataset, name: string, count = 3): string[] {
  const q = name.trim().toLowerCase();
  const scored = dataset.types.map((t) => ({ name: t.name, d: editDistance(q, t.name) }));
  scored.sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1));
  return scored.slice(0, count).map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
