/** What a node group card and its subnet pickers need to know of a subnet (the draft's key, name and AZ). */
export interface SubnetRef {
  key: string;
  name: string;
  az: string;
}
