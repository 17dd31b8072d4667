/**
 * Draws the statistics charts of the page (StatsChart.astro) when they scroll into view: Chart.js
 * and its setup are fetched only then, as a separate chunk, so pages load with no chart code;
 * the download buttons under each chart come with it.
 */

const figures = [...document.querySelectorAll<HTMLElement>('figure[data-stats-chart]')];

async function draw(figure: HTMLElement): Promise<void> {
  const [{ renderStatsChart }, { offerDownloads }] = await Promise.all([
    import('./stats-chart-render.ts'),
    import('./stats-chart-download.ts'),
  ]);
  const chart = renderStatsChart(figure);
  if (chart) offerDownloads(figure, chart);
}

if (figures.length > 0) {
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting || !(entry.target instanceof HTMLElement)) continue;
          observer.unobserve(entry.target);
          void draw(entry.target);
        }
      },
      { rootMargin: '200px 0px' },
    );
    for (const figure of figures) observer.observe(figure);
  } else {
    for (const figure of figures) void draw(figure);
  }
}
