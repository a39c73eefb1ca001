/** What a node group card and its subnet pickers need to know of a subnet (the draft's key, name and AZ). */
export interface SubnetRef {
  key: string;
  name: string;
  az: string;
}

/**
 * The subnets' keys, names and AZs as one string (CIDRs left out): a selector that returns it re-renders
 * its component only when one of those changes, not on every keystroke in a subnet's CIDR. JSON, so any
 * name the user types comes back whole.
 */
export const subnetRefsKey = (subnets: readonly SubnetRef[]): string =>
  JSON.stringify(subnets.map((s) => [s.key, s.name, s.az]));

/** subnetRefsKey back into the list. */
export const parseSubnetRefs = (text: string): SubnetRef[] =>
  (JSON.parse(text) as [string, string, string][]).map(([key, name, az]) => ({ key, name, az }));
