/**
 * The exhaustion chart's best case (node pools at their best candidates): a dotted line per drawn subnet in
 * its colour, at the same point of the scale-out as the worst case's solid line (chart-data.ts
 * bestCaseLines), and a hollow marker where the first subnet runs out; with the note that says so.
 */
import { memo } from 'react';
import type { FullEvaluation } from '../../model/evaluate';
import { subnetColor, type chartTheme, type Scheme } from '../common/colors';
import { fmt } from '../common/format';
import type { ChartModel } from './chart-data';
import type { Scales } from './chart-svg';

interface Props {
  model: ChartModel;
  scales: Scales;
  scheme: Scheme;
  ink: ReturnType<typeof chartTheme>;
  clip: string;
}

export const ChartBestLines = memo(function ChartBestLines({ model, scales, scheme, ink, clip }: Props) {
  if (model.best.length === 0) return null;
  const { x, y } = scales;
  return (
    <g className="chart-best">
      <g clipPath={`url(#${clip})`}>
        {model.best.map((b) => (
          <path
            key={b.key}
            className="chart-best-line"
            d={b.points.map(([n, v], i) => (i === 0 ? `M${x(n)},${y(v)}` : `H${x(n)}V${y(v)}`)).join('')}
            fill="none"
            stroke={subnetColor(b.slot, scheme)}
            strokeWidth={2}
            strokeDasharray="1 4"
            strokeLinecap="round"
          />
        ))}
      </g>
      {model.best.map(
        (b) =>
          b.exhaustedAt !== null &&
          b.exhaustedAt >= model.xMin &&
          b.exhaustedAt <= model.xMax && (
            <circle
              key={b.key}
              cx={x(b.exhaustedAt)}
              cy={y(model.percent ? 100 : Math.min(b.usable, model.yMax))}
              r={4.5}
              fill={ink.surface}
              stroke={ink.muted}
              strokeWidth={2}
            >
              <title>{`${b.name} runs out first with the best candidates`}</title>
            </circle>
          ),
      )}
    </g>
  );
});

/** Below the chart: what the dotted lines are, and where the best case runs out. */
export function BestCaseNote({ ev }: { ev: FullEvaluation }) {
  const b = ev.bestCase;
  if (!b) return null;
  const first = b.firstExhaustion;
  return (
    <p className="hint chart-best-note">
      Solid lines: node pools at their worst candidates, as the verdict judges them. Dotted lines
      <span className="best-key" aria-hidden="true" />
      the same subnets with every pool at its best candidates, drawn at the same point of the scale-out (the same pods,
      on fewer nodes)
      {first ? `; there ${first.subnet} runs out first at ${fmt(first.atNodes)} nodes` : '; there no subnet runs out'}.
    </p>
  );
}
