/**
 * The cross-AZ view's inputs as typed, checked field by field (the rules of checkCrossAzInput and
 * labelSelectorErrors, and the limits of the share link's schema), and turned into the CrossAzView to
 * store and the CrossAzInput to evaluate once every field is valid.
 */
import {
  BYTES_PER_GB,
  checkCrossAzInput,
  DEFAULT_PRICE_PER_GB_EACH_WAY,
  labelSelectorErrors,
  spreadFromPlan,
  type CrossAzInput,
} from '../../model/cross-az';
import type { Plan } from '../../model/plan';
import { CrossAzViewSchema, type CrossAzView } from '../../model/views';
import { fmt } from '../common/format';
import { parseNumber, sentence } from './tool-parts';

export interface CrossAzDraft {
  pods: string;
  unit: 'hour' | 'step';
  /** Decimal GB (10^9 bytes) each pod sends per hour or per step. */
  gbPerPod: string;
  stepsPerHour: string;
  nodeGroup: number;
  /** Spread from the node group's placement, or typed per AZ. */
  mode: 'plan' | 'az';
  spread: Record<string, string>;
  priceOut: string;
  priceIn: string;
  labelKey: string;
  labelValue: string;
}
export type CrossAzField = Exclude<keyof CrossAzDraft, 'unit' | 'mode' | 'spread'> | `spread:${string}` | 'spread';

export const DEFAULT_GB_PER_POD = 10;
export const DEFAULT_STEPS_PER_HOUR = 60;
export const DEFAULT_LABEL = { key: 'app', value: 'trainer' } as const;

/** The AZs of the plan's subnets, in order of first appearance. */
export const planAzs = (plan: Plan): string[] => [...new Set(plan.vpc.subnets.map((s) => s.az))];

/** Bytes as GB text without float noise: 1e9 → "1", 2.5e8 → "0.25". */
const gbText = (bytes: number): string => String(Number((bytes / BYTES_PER_GB).toPrecision(12)));

/** Per-AZ weights for the spread fields: the stored ones, else the node group's placement. */
export function spreadDraft(plan: Plan, nodeGroup: number, stored?: Record<string, number>): Record<string, string> {
  const from = stored ?? spreadFromPlan(plan, nodeGroup);
  const azs = [...new Set([...planAzs(plan), ...Object.keys(from)])];
  return Object.fromEntries(azs.map((az) => [az, String(from[az] ?? 0)]));
}

export function crossAzDraft(value: CrossAzView | undefined, plan: Plan): CrossAzDraft {
  const nodeGroup = value?.nodeGroup ?? 0;
  return {
    pods: String(value?.pods ?? plan.nodeGroups[nodeGroup]?.desiredNodes ?? 0),
    unit: value?.unit === 'step' ? 'step' : 'hour',
    gbPerPod: value ? gbText(value.bytesPerPod) : String(DEFAULT_GB_PER_POD),
    stepsPerHour: String(value?.stepsPerHour ?? DEFAULT_STEPS_PER_HOUR),
    nodeGroup,
    mode: value?.spread ? 'az' : 'plan',
    spread: spreadDraft(plan, nodeGroup, value?.spread),
    priceOut: String(value?.pricePerGbOut ?? DEFAULT_PRICE_PER_GB_EACH_WAY),
    priceIn: String(value?.pricePerGbIn ?? DEFAULT_PRICE_PER_GB_EACH_WAY),
    labelKey: value?.labelKey ?? DEFAULT_LABEL.key,
    labelValue: value?.labelValue ?? DEFAULT_LABEL.value,
  };
}

export interface CheckedCrossAz {
  errors: Partial<Record<CrossAzField, string>>;
  view: CrossAzView | null;
  input: CrossAzInput | null;
  /** The selector is valid: the co-location snippet can be shown (even while other fields are not). */
  labels: Record<string, string> | null;
}

type Parsed = { n: number; error?: undefined } | { n?: undefined; error: string };

/** A number of 0 or more (checkCrossAzInput's rule), at most `max` (the link's schema). */
function amount(text: string, what: string, max: number, unit = '', integer = false): Parsed {
  const n = parseNumber(text);
  if (text.trim() === '') return { error: `Enter ${what}.` };
  if (Number.isNaN(n)) return { error: `${sentence(what)} must be a number, got "${text}".` };
  if (n < 0 || (integer && !Number.isInteger(n)))
    return {
      error: `${sentence(what)} must be a ${integer ? 'whole number' : 'number'} of 0 or more, got ${text.trim()}.`,
    };
  if (n > max) return { error: `${sentence(what)} can be at most ${fmt(max)}${unit} here.` };
  return { n };
}

export function checkCrossAzDraft(d: CrossAzDraft, plan: Plan): CheckedCrossAz {
  const errors: Partial<Record<CrossAzField, string>> = {};
  const take = (field: CrossAzField, p: Parsed): number => {
    if (p.error !== undefined) errors[field] = p.error;
    return p.n ?? 0;
  };
  const pods = take('pods', amount(d.pods, 'the number of pods', 1_000_000, '', true));
  const gb = take('gbPerPod', amount(d.gbPerPod, `the GB each pod sends per ${d.unit}`, 1e15 / BYTES_PER_GB, ' GB'));
  const steps = d.unit === 'step' ? take('stepsPerHour', amount(d.stepsPerHour, 'the steps per hour', 1e7)) : undefined;
  const priceOut = take('priceOut', amount(d.priceOut, 'the price per GB out', 100, ' USD'));
  const priceIn = take('priceIn', amount(d.priceIn, 'the price per GB in', 100, ' USD'));

  const group = plan.nodeGroups[d.nodeGroup];
  if (!group && d.mode === 'plan') {
    errors.nodeGroup = plan.nodeGroups.length
      ? `Node group ${d.nodeGroup + 1} is not in this plan; pick one.`
      : 'This plan has no node groups: choose the spread per AZ.';
  }
  let spread: Record<string, number> = {};
  if (d.mode === 'az') {
    for (const [az, text] of Object.entries(d.spread))
      spread[az] = take(`spread:${az}`, amount(text, `the pods in ${az}`, 1e9, '', false));
  } else if (group) {
    spread = spreadFromPlan(plan, d.nodeGroup);
    if (Object.keys(spread).length === 0)
      errors.nodeGroup = `${group.name} has no nodes in a known subnet, so it gives no spread.`;
  }
  const bytesPerPod = Math.round(gb * BYTES_PER_GB);
  const input: CrossAzInput = {
    pods,
    traffic:
      d.unit === 'hour'
        ? { kind: 'perHour', bytesPerPodPerHour: bytesPerPod }
        : { kind: 'perStep', bytesPerPodPerStep: bytesPerPod, stepsPerHour: steps ?? 0 },
    spread,
    pricePerGbOut: priceOut,
    pricePerGbIn: priceIn,
  };
  // The model's own rules, for what the fields alone cannot say (an empty spread).
  const modelErrors = checkCrossAzInput(input);
  if (Object.keys(errors).length === 0 && modelErrors.length > 0) {
    if (d.mode === 'az') errors.spread = modelErrors.map(sentence).join(' ');
    else errors.nodeGroup ??= modelErrors.map(sentence).join(' ');
  }

  const key = d.labelKey.trim();
  const value = d.labelValue.trim();
  if (key === '') errors.labelKey = 'Enter a label key, e.g. app.';
  else if (key.length > 63) errors.labelKey = `The label key is ${key.length} characters long; at most 63 here.`;
  else if (labelSelectorErrors({ [key]: 'x' }).length)
    errors.labelKey = labelSelectorErrors({ [key]: 'x' })
      .map(sentence)
      .join(' ');
  const valueErrors = labelSelectorErrors({ app: value });
  if (valueErrors.length) errors.labelValue = sentence(valueErrors.join(' ').replace(' (for app)', ''));
  const labels = errors.labelKey || errors.labelValue ? null : { [key]: value };

  if (Object.keys(errors).length > 0) return { errors, view: null, input: null, labels };
  const view: CrossAzView = {
    pods,
    unit: d.unit,
    bytesPerPod,
    ...(steps !== undefined ? { stepsPerHour: steps } : {}),
    ...(group ? { nodeGroup: d.nodeGroup } : {}),
    ...(d.mode === 'az' ? { spread } : {}),
    pricePerGbOut: priceOut,
    pricePerGbIn: priceIn,
    labelKey: key,
    labelValue: value,
  };
  if (!CrossAzViewSchema.safeParse(view).success)
    return { errors: { pods: 'This input cannot be stored in a link.' }, view: null, input: null, labels };
  return { errors, view, input, labels };
}
