/** Shared by the export tests: the reference plan, golden files, and structure checks. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import type { Plan } from '../../../src/model/plan';
import { validatePlan } from '../../../src/model/validate-plan';
import referenceJson from '../../fixtures/reference-plan.json';

/** A plan fixture through the same validation every surface uses (it must be valid). */
export function validPlan(input: unknown): Plan {
  const v = validatePlan(input, dataset);
  if (!v.ok) throw new Error(`fixture is not a valid plan: ${JSON.stringify(v.issues)}`);
  return v.plan;
}

/** tests/fixtures/reference-plan.json: the expanded VPC (10.0.0.0/20 + three 100.64-66/16), custom networking. */
export const referencePlan = (): Plan => validPlan(structuredClone(referenceJson));

const goldenDir = fileURLToPath(new URL('../../golden/', import.meta.url));

/**
 * Compares with tests/golden/NAME. `UPDATE_GOLDEN=1 npx vitest run ...` rewrites the file: do that only
 * after reading the new output by hand.
 */
export function expectGolden(name: string, actual: string): void {
  const path = goldenDir + name;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path))
    throw new Error(`golden file tests/golden/${name} is missing: run with UPDATE_GOLDEN=1 and read it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** Minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF) for checking the CSV export. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record lacks CRLF');
  return rows;
}

/**
 * A GPU training plan with every EFA layout and node group kind: p5.48xlarge managed with eksctl's efa,
 * managed with terraform-aws-eks v21's efa-only, Karpenter with EC2's ENA + EFA-only, trn2.48xlarge
 * Karpenter with efa, p6-b300.48xlarge (card 0 ENA only) self-managed with efa, system nodes managed with
 * an explicit max pods above EKS's cap; ENABLE_MULTI_NIC on.
 */
export const gpuPlan = (): Plan =>
  validPlan({
    version: 1,
    name: 'gpu-training',
    vpc: {
      cidrs: ['10.0.0.0/16'],
      subnets: [
        { name: 'gpu-a', az: 'us-east-1a', cidr: '10.0.0.0/19' },
        { name: 'gpu-b', az: 'us-east-1b', cidr: '10.0.32.0/19' },
        { name: 'system-a', az: 'us-east-1a', cidr: '10.0.64.0/22' },
        { name: 'system-b', az: 'us-east-1b', cidr: '10.0.68.0/22' },
      ],
    },
    cni: {
      warmEniTarget: 1,
      warmIpTarget: null,
      minimumIpTarget: null,
      warmPrefixTarget: 1,
      maxEni: null,
      prefixDelegation: false,
      customNetworking: false,
      podEni: false,
      multiNic: true,
    },
    nodeGroups: [
      {
        name: 'p5-efa',
        instanceType: 'p5.48xlarge',
        subnets: ['gpu-a'],
        minNodes: 2,
        desiredNodes: 4,
        maxNodes: 16,
        podsPerNode: 12,
        maxPods: null,
        kind: 'managed',
        efaLayout: 'efa',
      },
      {
        name: 'p5-efa-only',
        instanceType: 'p5.48xlarge',
        subnets: ['gpu-b'],
        minNodes: 0,
        desiredNodes: 4,
        maxNodes: 16,
        podsPerNode: 12,
        maxPods: null,
        kind: 'managed',
        efaLayout: 'efa-only',
      },
      {
        name: 'p5-ena-efa-only',
        instanceType: 'p5.48xlarge',
        subnets: ['gpu-a', 'gpu-b'],
        minNodes: 0,
        desiredNodes: 4,
        maxNodes: 16,
        podsPerNode: 12,
        maxPods: null,
        kind: 'karpenter',
        efaLayout: 'ena-efa-only',
        multiHomedPodsPerNode: 4,
      },
      {
        name: 'trn2-efa',
        instanceType: 'trn2.48xlarge',
        subnets: ['gpu-b'],
        minNodes: 0,
        desiredNodes: 2,
        maxNodes: 8,
        podsPerNode: 8,
        maxPods: null,
        kind: 'karpenter',
        efaLayout: 'efa',
      },
      {
        name: 'b300',
        instanceType: 'p6-b300.48xlarge',
        subnets: ['gpu-b'],
        minNodes: 0,
        desiredNodes: 2,
        maxNodes: 4,
        podsPerNode: 12,
        maxPods: null,
        kind: 'self-managed',
        efaLayout: 'efa',
      },
      {
        name: 'system',
        instanceType: 'm5.16xlarge',
        subnets: ['system-a', 'system-b'],
        minNodes: 2,
        desiredNodes: 3,
        maxNodes: 6,
        podsPerNode: 40,
        maxPods: 300,
        kind: 'managed',
      },
    ],
  });
