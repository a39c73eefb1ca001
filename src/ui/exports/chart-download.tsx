/** "Download chart (PNG)" and "(SVG)": the exhaustion chart as an image file, with a status message. */
import { useRef, useState } from 'react';
import { pngBlob, svgText, type LegendEntry } from './chart-image';
import { downloadBlob, fileSlug } from './file-io';
import './exports.css';

export interface ChartDownloadProps {
  /** The chart's <svg> at the moment of the click (null while it is not drawn). */
  getSvg(): SVGSVGElement | null;
  /** File name without extension, e.g. the plan name; made safe here. */
  fileBase: string;
  /** The subnets drawn, with their colours: the file carries its own key. */
  legend?: readonly LegendEntry[];
  /** Drawn above the chart in the file. */
  title?: string;
}

export default function ChartDownload({ getSvg, fileBase, legend, title }: ChartDownloadProps) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const timer = useRef<number>(undefined);
  const base = fileSlug(fileBase, 'subnet-exhaustion');
  const say = (message: string) => {
    setStatus(message);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setStatus(''), 8000);
  };
  const chart = (): SVGSVGElement | null => {
    const svg = getSvg();
    if (!svg) say('The chart is not on the page yet: fix the plan so it has results, then try again.');
    return svg;
  };
  const onSvg = () => {
    const svg = chart();
    if (!svg) return;
    try {
      downloadBlob(new Blob([svgText(svg, { legend, title })], { type: 'image/svg+xml;charset=utf-8' }), `${base}.svg`);
      say(`Downloading ${base}.svg.`);
    } catch (e) {
      say(`Could not make the SVG: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };
  const onPng = async () => {
    const svg = chart();
    if (!svg) return;
    setBusy(true);
    try {
      downloadBlob(await pngBlob(svg, 2, legend, title), `${base}.png`);
      say(`Downloading ${base}.png.`);
    } catch (e) {
      say(`Could not make the PNG: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="chart-download" role="group" aria-label="Download the chart">
      <button type="button" className="small" onClick={onPng} disabled={busy}>
        Download chart (PNG)
      </button>
      <button type="button" className="small" onClick={onSvg}>
        Download chart (SVG)
      </button>
      <p className="export-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
