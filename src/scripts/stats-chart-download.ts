/**
 * The download buttons under a drawn web chart (StatsChart.astro): PNG (the canvas on a white
 * ground, as it looks on the page), SVG (the same chart drawn as vector by statsChartSvg) and
 * CSV (the chart's own data). Revealed only once the chart is drawn, so they never offer a blank.
 */
import type { Chart } from 'chart.js';
import { chartCsv, type ChartFormat } from '../lib/site/chart-download.ts';
import type { BarChartConfig } from '../lib/site/chart.ts';
import { saveFile } from './save-file.ts';
import { statsChartSvg } from './stats-chart-render.ts';

/** The chart's canvas on white (a PNG keeps the canvas's transparency, dark in many viewers). */
function pngOf(chart: Chart<'bar'>): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = chart.canvas.width;
  canvas.height = chart.canvas.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(null);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(chart.canvas, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

async function fileOf(format: ChartFormat, figure: HTMLElement, chart: Chart<'bar'>, labelHeader: string): Promise<Blob | null> {
  switch (format) {
    case 'png':
      return pngOf(chart);
    case 'svg': {
      const svg = await statsChartSvg(figure, chart.width, chart.height);
      return svg === undefined ? null : new Blob([svg], { type: 'image/svg+xml' });
    }
    case 'csv':
      return new Blob([chartCsv(JSON.parse(figure.dataset['statsChart'] ?? '{}') as BarChartConfig, labelHeader)], {
        type: 'text/csv;charset=utf-8',
      });
  }
}

/** Wires and reveals the figure's download buttons for its drawn chart. */
export function offerDownloads(figure: HTMLElement, chart: Chart<'bar'>): void {
  const box = figure.querySelector<HTMLElement>('[data-chart-downloads]');
  if (!box) return;
  const labelHeader = box.dataset['labelHeader'] ?? '';
  box.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-chart-download]') : null;
    const format = button?.dataset['chartDownload'];
    if (!button || (format !== 'png' && format !== 'svg' && format !== 'csv')) return;
    button.disabled = true;
    fileOf(format, figure, chart, labelHeader)
      .then((blob) => {
        if (blob) saveFile(blob, button.dataset['filename'] ?? `grafico.${format}`);
      })
      .catch((error: unknown) => console.warn('Download del grafico:', error))
      .finally(() => {
        button.disabled = false;
      });
  });
  box.hidden = false;
}
