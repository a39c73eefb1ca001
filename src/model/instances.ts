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

/** The compact table form of data/instances.json. */
export interface DatasetFile {
  readonly dataDate: string;
  readonly provenance: readonly Provenance[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** Turns the shipped table (or a test fixture) into a dataset with a name index. */
export function datasetFromFile(file: DatasetFile): InstanceDataset {
  const col = (name: string) => {
    const i = file.columns.indexOf(name);
    if (i < 0) throw new Error(`instance dataset: column ${name} is missing`);
    return i;
  };
  const c = {
    name: col('name'), enis: col('enis'), ipv4PerEni: col('ipv4PerEni'), networkCards: col('networkCards'),
    totalEnis: col('totalEnis'), hypervisor: col('hypervisor'), bareMetal: col('bareMetal'), vcpus: col('vcpus'),
    memoryMiB: col('memoryMiB'), trunk: col('trunk'), branchEnis: col('branchEnis'),
  };
  const types = file.rows.map(
    (r): InstanceType => ({
      name: String(r[c.name]),
      enis: Number(r[c.enis]),
      ipv4PerEni: Number(r[c.ipv4PerEni]),
      networkCards: Number(r[c.networkCards]),
      totalEnis: Number(r[c.totalEnis]),
      hypervisor: String(r[c.hypervisor]),
      bareMetal: Boolean(r[c.bareMetal]),
      vcpus: r[c.vcpus] === null ? null : Number(r[c.vcpus]),
      memoryMiB: r[c.memoryMiB] === null ? null : Number(r[c.memoryMiB]),
      trunk: Boolean(r[c.trunk]),
      branchEnis: Number(r[c.branchEnis]),
    }),
  );
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
