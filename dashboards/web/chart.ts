import uPlot from 'uplot';

/** One line of a chart. */
export interface ChartSeries {
  readonly label: string;
  readonly values: readonly number[];
}

/** A qualitative palette readable by people with the common colour-vision deficiencies (Okabe–Ito). */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'];

/**
 * A time-series line chart (uPlot, canvas: no markup from data). `times` are
 * the periods' starts in epoch seconds.
 */
export function lineChart(
  container: HTMLElement,
  times: readonly number[],
  series: readonly ChartSeries[],
): uPlot {
  const width = Math.max(320, Math.min(container.clientWidth || 800, 1100));
  const options: uPlot.Options = {
    width,
    height: 280,
    scales: { x: { time: true } },
    axes: [{}, { label: '', size: 50 }],
    series: [
      {},
      ...series.map((line, index) => ({
        label: line.label,
        stroke: COLOURS[index % COLOURS.length] ?? '#000',
        width: 2,
        points: { show: times.length < 40 },
      })),
    ],
  };
  const data: uPlot.AlignedData = [[...times], ...series.map((line) => [...line.values])];
  return new uPlot(options, data, container);
}
