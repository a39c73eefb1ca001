/** Queries shared by the component tests: read a stat tile, a group's per-node figure, a field's message. */
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';

/** The value of a headline tile, e.g. stat('Addresses used at desired') → '324'. */
export function stat(label: string): string {
  // the verdict's tiles only: the advisor's fixes have terms of the same name
  const dt = screen.getByText(label, { selector: '.stat > dt' });
  return dt.parentElement!.querySelector('.stat-value')!.textContent!;
}

/** The per-node address figure in a node group's result summary, e.g. '100'. */
export function perNode(group: string): string {
  const results = screen.getByRole('region', { name: 'Node groups' }).closest('section')!;
  const summary = within(results as HTMLElement)
    .getByText(group, { selector: '.g-name' })
    .closest('summary')!;
  return /([\d,]+) addresses per node/.exec(summary.textContent!)![1]!;
}

/** The text of the element an input's aria-describedby points at first (its error message). */
export function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/**
 * Waits for a group's per-node figure: the detail panels follow an edit a frame after the verdict.
 */
export async function expectPerNode(group: string, value: string): Promise<void> {
  await waitFor(() => expect(perNode(group)).toBe(value));
}
