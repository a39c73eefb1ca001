import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { DEFAULT_CNI, type CniSettings } from '../../src/model/plan';
import { nodeAccounting } from '../../src/model/warm-pool';

// Single-node figures traced by hand through ipamd's pool loop (amazon-vpc-cni-k8s @ b52188387, v1.23.1,
// `pkg/ipamd/ipamd.go` isDatastorePoolTooLow / tryAssignIPs / tryAssignPrefixes / hasRoomForEni); # numbers the vectors.
const t = (name: string) => dataset.byName.get(name)!;
const cni = (s: Partial<CniSettings> = {}): CniSettings => ({ ...DEFAULT_CNI, ...s });
const node = (
  type: string,
  pods: number,
  s: Partial<CniSettings> = {},
  maxPods: number | null = null,
  branchPods = 0,
) => nodeAccounting(t(type), cni(s), { pods, maxPods, branchPods });

describe('ipamd worked vectors', () => {
  it('#1 m5.8xlarge with 10 pods holds 60 addresses on 2 ENIs', () => {
    expect(node('m5.8xlarge', 10)).toMatchObject({ enis: 2, ips: 58, nodeSubnetIps: 60 });
  });
  it('#2 m5.16xlarge with 10 pods holds 100 addresses', () => {
    expect(node('m5.16xlarge', 10)).toMatchObject({ enis: 2, ips: 98, nodeSubnetIps: 100 });
  });
  it('#3 c5.18xlarge with 3 pods holds 100 addresses', () => {
    expect(node('c5.18xlarge', 3)).toMatchObject({ enis: 2, ips: 98, nodeSubnetIps: 100 });
  });
  it('#4 m5.16xlarge with only hostNetwork pods holds one ENI: 50', () => {
    expect(node('m5.16xlarge', 0)).toMatchObject({ enis: 1, ips: 49, nodeSubnetIps: 50 });
  });
  it('#5 three c5.large nodes with 1, 1, 0 pods take 50 addresses, 43 warm', () => {
    const rows = [1, 1, 0].map((p) => node('c5.large', p));
    expect(rows.map((r) => r.enis)).toEqual([2, 2, 1]);
    expect(rows.reduce((s, r) => s + r.nodeSubnetIps, 0)).toBe(50);
    expect(rows.reduce((s, r) => s + r.warmIps, 0)).toBe(43);
  });
  it('#6 t3.small with 0 / 5 / 9 pods: 4 / 12 / 12 addresses', () => {
    expect([0, 5, 9].map((p) => node('t3.small', p).nodeSubnetIps)).toEqual([4, 12, 12]);
    expect([0, 5, 9].map((p) => node('t3.small', p).enis)).toEqual([1, 3, 3]);
  });
  it('#7 t3.small asked for 12 pods runs 9 (kubelet max 11 less 2 hostNetwork)', () => {
    expect(node('t3.small', 12)).toMatchObject({
      enis: 3,
      ips: 9,
      nodeSubnetIps: 12,
      podsRunning: 9,
      podsWithoutIp: 3,
    });
  });
  it('#8 m5.4xlarge with WARM_ENI_TARGET=2 and 9 pods: 90 addresses', () => {
    expect(node('m5.4xlarge', 9, { warmEniTarget: 2 })).toMatchObject({ enis: 3, ips: 87, nodeSubnetIps: 90 });
  });
  it('#9 m5.large with WARM_ENI_TARGET=0 allocates only when nothing is free: 10 / 10 / 20', () => {
    expect([0, 5, 9].map((p) => node('m5.large', p, { warmEniTarget: 0 }).nodeSubnetIps)).toEqual([10, 10, 20]);
  });
  it('#10 m5.large with WARM_IP_TARGET=5 and 3 pods holds 8 + 1', () => {
    expect(node('m5.large', 3, { warmIpTarget: 5 })).toMatchObject({ enis: 1, ips: 8, nodeSubnetIps: 9 });
  });
  it('#11 t3.small WIT=1 MIT=1 with 5 pods: 6 IPs on 2 ENIs, 8 addresses', () => {
    expect(node('t3.small', 5, { warmIpTarget: 1, minimumIpTarget: 1 })).toMatchObject({
      enis: 2,
      ips: 6,
      nodeSubnetIps: 8,
    });
  });
  it('#12 t3.small WIT=2 MIT=5 with 0 / 5 pods: 7 / 10 addresses', () => {
    expect(node('t3.small', 0, { warmIpTarget: 2, minimumIpTarget: 5 })).toMatchObject({
      enis: 2,
      ips: 5,
      nodeSubnetIps: 7,
    });
    expect(node('t3.small', 5, { warmIpTarget: 2, minimumIpTarget: 5 })).toMatchObject({
      enis: 3,
      ips: 7,
      nodeSubnetIps: 10,
    });
  });
  it('#13/#14 m5.8xlarge MIT=30 (with or without WIT=2) and 10 pods: 32 addresses', () => {
    expect(node('m5.8xlarge', 10, { minimumIpTarget: 30 })).toMatchObject({ enis: 2, ips: 30, nodeSubnetIps: 32 });
    expect(node('m5.8xlarge', 10, { minimumIpTarget: 30, warmIpTarget: 2 })).toMatchObject({
      enis: 2,
      ips: 30,
      nodeSubnetIps: 32,
    });
  });
  it('#15 m5.8xlarge MIT=30 alone with 40 pods strands 10', () => {
    expect(node('m5.8xlarge', 40, { minimumIpTarget: 30 })).toMatchObject({
      ips: 30,
      nodeSubnetIps: 32,
      podsWithoutIp: 10,
    });
  });
  it('#16 p3dn.24xlarge WIT=5 MIT=10 with 45 pods: 52 addresses', () => {
    expect(node('p3dn.24xlarge', 45, { warmIpTarget: 5, minimumIpTarget: 10 })).toMatchObject({
      enis: 2,
      ips: 50,
      nodeSubnetIps: 52,
    });
  });
  it('#17 m5.large MIT=100 is capped by 3 ENIs: 30 addresses', () => {
    expect(node('m5.large', 0, { minimumIpTarget: 100 })).toMatchObject({ enis: 3, ips: 27, nodeSubnetIps: 30 });
  });
  it('#18/#19 m5.large MAX_ENI=1: 10 addresses; 20 pods leave 11 without an address', () => {
    expect(node('m5.large', 5, { maxEni: 1 })).toMatchObject({ enis: 1, ips: 9, nodeSubnetIps: 10, podsWithoutIp: 0 });
    expect(node('m5.large', 20, { maxEni: 1 })).toMatchObject({
      enis: 1,
      ips: 9,
      nodeSubnetIps: 10,
      podsWithoutIp: 11,
    });
  });
  it('#20 m5.16xlarge max pods 110 with 100 pods stops at 147 held: 150', () => {
    expect(node('m5.16xlarge', 100, {}, 110)).toMatchObject({ enis: 3, ips: 147, nodeSubnetIps: 150 });
  });
  it('#21-#24 m5.large prefix delegation WPT=1: 17 / 33 / 49 / 65 addresses for 0 / 1 / 17 / 40 pods', () => {
    const pd = { prefixDelegation: true, warmPrefixTarget: 1 };
    expect([0, 1, 17, 40].map((p) => node('m5.large', p, pd, 110).nodeSubnetIps)).toEqual([17, 33, 49, 65]);
    expect([0, 1, 17, 40].map((p) => node('m5.large', p, pd, 110).prefixes)).toEqual([1, 2, 3, 4]);
  });
  it('#25 m5.large prefix delegation WPT=0: 17 / 33 / 49 for 1 / 17 / 40 pods', () => {
    const pd = { prefixDelegation: true, warmPrefixTarget: 0 };
    expect([1, 17, 40].map((p) => node('m5.large', p, pd, 110).nodeSubnetIps)).toEqual([17, 33, 49]);
  });
  it('#26 m5.large prefix delegation WIT=5 with 17 pods: 2 prefixes, 33', () => {
    expect(node('m5.large', 17, { prefixDelegation: true, warmIpTarget: 5 }, 110)).toMatchObject({
      prefixes: 2,
      nodeSubnetIps: 33,
    });
  });
  it('#27 t3.small prefix delegation WIT=7 MIT=20 with 0 pods: 2 prefixes (the code, not the doc table)', () => {
    expect(node('t3.small', 0, { prefixDelegation: true, warmIpTarget: 7, minimumIpTarget: 20 })).toMatchObject({
      prefixes: 2,
      nodeSubnetIps: 33,
    });
  });
  it('#28 t3.small prefix delegation WPT=1, max pods 110, 58 pods: 5 prefixes over 2 ENIs, 82', () => {
    expect(node('t3.small', 58, { prefixDelegation: true }, 110)).toMatchObject({
      enis: 2,
      prefixes: 5,
      nodeSubnetIps: 82,
    });
  });
  it('#29 m5.large prefix delegation with the default max pods 29 stops at 2 prefixes', () => {
    expect(node('m5.large', 29, { prefixDelegation: true })).toMatchObject({ enis: 1, prefixes: 2, nodeSubnetIps: 33 });
  });
  it('#30 p3dn.24xlarge prefix delegation with 3 pods stays on the primary ENI', () => {
    expect(node('p3dn.24xlarge', 3, { prefixDelegation: true })).toMatchObject({
      enis: 1,
      prefixes: 2,
      nodeSubnetIps: 33,
    });
  });
  it('#31/#32 m5.large custom networking: node subnet 1, pod subnet 10 / 20', () => {
    expect(node('m5.large', 0, { customNetworking: true })).toMatchObject({
      enis: 2,
      nodeSubnetIps: 1,
      podSubnetIps: 10,
    });
    expect(node('m5.large', 10, { customNetworking: true })).toMatchObject({
      enis: 3,
      ips: 18,
      nodeSubnetIps: 1,
      podSubnetIps: 20,
    });
  });
  it('#33 m5.large custom networking with the default max pods: 25 asked, 18 run, 7 stuck; effective 18', () => {
    const r = node('m5.large', 25, { customNetworking: true });
    expect(r).toMatchObject({ enis: 3, ips: 18, podSubnetIps: 20, podsWithoutIp: 7, effectiveMaxPods: 18 });
  });
  it('#34 m5.xlarge custom networking with 20 pods: pod subnet 45', () => {
    expect(node('m5.xlarge', 20, { customNetworking: true })).toMatchObject({
      enis: 4,
      ips: 42,
      nodeSubnetIps: 1,
      podSubnetIps: 45,
    });
  });
  it('#35 m5.large custom networking + prefix delegation, 17 pods: pod subnet 49', () => {
    expect(node('m5.large', 17, { customNetworking: true, prefixDelegation: true }, 110)).toMatchObject({
      enis: 2,
      prefixes: 3,
      nodeSubnetIps: 1,
      podSubnetIps: 49,
    });
  });
  it('#36 m5.large security groups for pods: 10 regular + 3 branch take 24 addresses on 3 ENIs', () => {
    expect(node('m5.large', 10, { podEni: true }, null, 3)).toMatchObject({ enis: 3, ips: 18, nodeSubnetIps: 24 });
  });
  it('#38 m4.large (xen) asked for prefix delegation falls back to secondary IPs: 20', () => {
    expect(node('m4.large', 5, { prefixDelegation: true })).toMatchObject({
      enis: 2,
      ips: 18,
      prefixes: 0,
      nodeSubnetIps: 20,
      prefixFallback: true,
    });
  });
});
