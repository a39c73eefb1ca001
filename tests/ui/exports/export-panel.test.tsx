// @vitest-environment jsdom
/**
 * The export panel on the "Expanded VPC" preset: each tab shows exactly what `exportPlan` (and the CLI's
 * `export --format`) produces, Copy puts that text on the clipboard and says so, Download saves it under
 * EXPORT_INFO's file name, and the tab list follows the ARIA tabs pattern with the keyboard.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataset } from '../../../src/data/dataset';
import { evaluate } from '../../../src/model/evaluate';
import { EXPORT_FORMATS, EXPORT_INFO, exportPlan, type ExportFormat } from '../../../src/model/export';
import { EXPANDED_VPC } from '../../../src/model/presets';
import { workspaceOf } from '../../../src/model/workspace';
import ExportPanel, { FORMAT_TABS } from '../../../src/ui/exports/export-panel';
import { captureDownloads, polyfillBlobText, type Downloads } from './support';

const plan = EXPANDED_VPC;
const evaluation = evaluate(plan, dataset);
const tabName = (f: ExportFormat) => FORMAT_TABS.find((t) => t.key === f)!.label;
const shownText = () => screen.getByRole('tabpanel').querySelector('pre')!.textContent;

let downloads: Downloads;
beforeEach(() => {
  polyfillBlobText();
  downloads = captureDownloads();
});
afterEach(() => {
  cleanup();
  downloads.restore();
});

function setup(props: Partial<Parameters<typeof ExportPanel>[0]> = {}) {
  const user = userEvent.setup();
  // After setup: user-event installs its own clipboard stub on navigator.
  const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  render(<ExportPanel plan={plan} dataset={dataset} evaluation={evaluation} {...props} />);
  return { user, writeText };
}

describe('the export panel', () => {
  it('shows, for each format, exactly the text exportPlan gives', async () => {
    const { user } = setup();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(EXPORT_FORMATS.map(tabName));
    for (const f of EXPORT_FORMATS) {
      await user.click(screen.getByRole('tab', { name: tabName(f) }));
      expect(screen.getByRole('tab', { name: tabName(f) }).getAttribute('aria-selected')).toBe('true');
      expect(shownText()).toBe(exportPlan(plan, dataset, f));
      expect(screen.getByRole('tabpanel').textContent).toContain(EXPORT_INFO[f].fileName);
    }
  });

  it('builds the CSV itself when the app has no evaluation', async () => {
    const { user } = setup({ evaluation: null });
    await user.click(screen.getByRole('tab', { name: 'CSV' }));
    expect(shownText()).toBe(exportPlan(plan, dataset, 'csv'));
  });

  it('Copy puts the shown text on the clipboard and says what was copied', async () => {
    const { user, writeText } = setup();
    for (const f of ['terraform', 'aws-node'] as const) {
      await user.click(screen.getByRole('tab', { name: tabName(f) }));
      await user.click(screen.getByRole('button', { name: 'Copy' }));
      expect(writeText).toHaveBeenLastCalledWith(exportPlan(plan, dataset, f));
      const status = screen.getByRole('status');
      expect(status.getAttribute('aria-live')).toBe('polite');
      expect(status.textContent).toMatch(
        new RegExp(
          `^Copied the ${EXPORT_INFO[f].label.replace(/[()]/g, '\\$&')} export \\(\\d+ lines\\) to the clipboard\\.$`,
        ),
      );
    }
    expect(writeText).toHaveBeenCalledTimes(2);
  });

  it('says so when the clipboard refuses', async () => {
    const { user, writeText } = setup();
    writeText.mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status').textContent).toMatch(/Could not reach the clipboard/);
  });

  it('the Terraform AMI family switches between AL2023 NodeConfig and AL2 bootstrap flags', async () => {
    const { user } = setup();
    const al2023 = exportPlan(plan, dataset, 'terraform', { amiFamily: 'al2023' });
    const al2 = exportPlan(plan, dataset, 'terraform', { amiFamily: 'al2' });
    expect(al2).not.toBe(al2023);
    expect(shownText()).toBe(al2023);
    await user.selectOptions(screen.getByLabelText('AMI family'), 'al2');
    expect(shownText()).toBe(al2);
    await user.click(screen.getByRole('tab', { name: 'eksctl' }));
    expect(screen.queryByLabelText('AMI family')).toBeNull();
  });

  it('Download saves the text under the format’s file name and revokes the object URL', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('tab', { name: 'Karpenter' }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    const [d] = downloads.saved;
    expect(d!.fileName).toBe('karpenter.yaml');
    expect(d!.blob.type).toBe('application/yaml;charset=utf-8');
    expect(await d!.blob.text()).toBe(exportPlan(plan, dataset, 'karpenter'));
    await waitFor(() => expect(downloads.revoked).toEqual([d!.url]));
    expect(screen.getByRole('status').textContent).toContain('karpenter.yaml');
  });

  it('Download plan (JSON) saves the plan document', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Download plan (JSON)' }));
    const [d] = downloads.saved;
    expect(d!.fileName).toMatch(/^Expanded-VPC[\w.-]*\.json$/);
    expect(JSON.parse(await d!.blob.text())).toEqual(plan);
    cleanup();
    const two = { ...workspaceOf(plan), scenarios: [plan, { ...plan, name: 'B' }] };
    const again = setup({ workspace: two });
    await again.user.click(screen.getByRole('button', { name: 'Download plan (JSON)' }));
    expect(JSON.parse(await downloads.saved[1]!.blob.text())).toEqual(two);
  });

  it('follows the ARIA tabs pattern: one tab stop, arrows, Home and End', async () => {
    const { user } = setup();
    const tabs = screen.getAllByRole('tab');
    const panel = screen.getByRole('tabpanel');
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('Export format');
    expect(tabs.filter((t) => t.tabIndex === 0)).toEqual([tabs[0]]);
    expect(tabs[0]!.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs[0]!.id);

    act(() => screen.getByRole('button', { name: 'Download plan (JSON)' }).focus());
    await user.tab();
    expect(document.activeElement).toBe(tabs[0]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'eksctl' }));
    expect(screen.getByRole('tab', { name: 'eksctl' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(
      screen.getByRole('tab', { name: 'eksctl' }).id,
    );
    expect(shownText()).toBe(exportPlan(plan, dataset, 'eksctl'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'CSV' }));
    expect(shownText()).toBe(exportPlan(plan, dataset, 'csv'));
    await user.keyboard('{ArrowRight}'); // wraps to the first
    expect(document.activeElement).toBe(tabs[0]);
    await user.keyboard('{ArrowLeft}'); // wraps to the last
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'CSV' }));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(tabs[0]);
    expect(tabs.filter((t) => t.tabIndex === 0)).toEqual([tabs[0]]);
    // Tab leaves the tab list for the panel's controls, not the next tab.
    await user.tab();
    expect(document.activeElement!.getAttribute('role')).not.toBe('tab');
    expect(screen.getByRole('tabpanel').contains(document.activeElement)).toBe(true);
  });

  it('renders the export as text, never markup', async () => {
    const evil = { ...plan, name: '<img src=x onerror=alert(1)>' };
    setup({ plan: evil, evaluation: evaluate(evil, dataset) });
    expect(document.querySelector('img')).toBeNull();
    expect(shownText()).toBe(exportPlan(evil, dataset, 'terraform'));
  });
});
