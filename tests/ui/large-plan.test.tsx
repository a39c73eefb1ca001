// @vitest-environment jsdom
/**
 * The 40-group, 48-subnet benchmark plan in the page: the verdict names the subnet the model says runs
 * out first, the cards start folded, and the chart picks the most loaded subnets. Also the safety nets:
 * the error boundary and the message for a link that could not be opened.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../src/data/dataset';
import { evaluate } from '../../src/model/evaluate';
import { SMALL_ROUTABLE_VPC } from '../../src/model/presets';
import { validatePlan } from '../../src/model/validate-plan';
import { ErrorBoundary } from '../../src/ui/app/error-boundary';
import { fmt } from '../../src/ui/common/format';
import { largePlan } from '../fixtures/large-plan';
import { loadNoticeText } from '../../src/ui/app/load-notice';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('the 48-subnet, 40-group plan', () => {
  it('shows the subnet that runs out first and at how many nodes, as the model computes them', () => {
    const v = validatePlan(largePlan(), dataset);
    if (!v.ok) throw new Error('large plan is invalid');
    const first = evaluate(v.plan, dataset, v.warnings).firstExhaustion!;
    renderApp(largePlan());
    const line = screen.getByTestId('first-exhaustion').textContent!;
    expect(line).toContain(first.subnet);
    expect(line).toContain(`${fmt(first.atNodes)} nodes of 10,000 at max`);
  });

  it('starts with only the first node group unfolded; a folded card opens on request', async () => {
    const { user } = renderApp(largePlan());
    expect(screen.getAllByLabelText('Node group name')).toHaveLength(1);
    // (getByRole over 3,000 elements is slow in jsdom; the card's own disclosure button is enough.)
    const toggle = document.querySelectorAll<HTMLButtonElement>('.group-card .disclosure')[1]!;
    expect(toggle.textContent).toMatch(/^▸group-02m5\.xlarge · 10\/80\/250 nodes · 15 pods$/);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getAllByLabelText('Node group name').map((i) => (i as HTMLInputElement).value)).toEqual([
      'group-01',
      'group-02',
    ]);
  });

  it('draws the 8 most loaded subnets by default, and one AZ on request', async () => {
    const { user } = renderApp(largePlan());
    const chart = screen.getByRole('figure', { name: /exhaustion/ });
    expect(within(chart).getByText('8 of 48 subnets')).toBeTruthy();
    await user.selectOptions(within(chart).getByLabelText('Subnets shown'), 'az:us-east-1b');
    expect(within(chart).getByText('16 of 48 subnets')).toBeTruthy();
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toMatch(
      /^Subnet exhaustion chart: addresses used in 16 of 48 subnets/,
    );
  });
});

describe('safety nets', () => {
  it('a crash shows what happened and a way back, not a blank page', async () => {
    const onReset = vi.fn();
    const Boom = () => {
      throw new Error('boom');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary onReset={onReset}>
        <Boom />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong in the planner' })).toBeTruthy();
    expect(screen.getByText('boom')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start again from a preset' }));
    expect(onReset).toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('a link that could not be opened is said in plain text and can be dismissed', async () => {
    const fact = { kind: 'link-opened-unkept', was: '<b>bad</b>', problem: { kind: 'library-full', max: 50 } } as const;
    const { user } = renderApp(SMALL_ROUTABLE_VPC, { notice: { fact, error: true } });
    expect(screen.getByRole('alert').textContent).toBe(`${loadNoticeText(fact)}×`);
    expect(screen.getByRole('alert').textContent).toContain('<b>bad</b>');
    expect(screen.getByRole('alert').querySelector('b')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
