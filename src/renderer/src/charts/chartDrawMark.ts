/**
 * How the on-screen TSA chart reports a finished draw, for the renderer benchmarks (bench/renderer.ts) and for
 * tests that wait for a redraw: after each draw of new data TsaChart.vue adds a User Timing mark of this name (only
 * the newest is kept in the timeline; PerformanceObservers still see every one) and writes the running count of
 * its draws to the plot element's `data-draws` attribute. Always on: one mark and one attribute write per draw.
 */
export const CHART_DRAWN_MARK = 'opentsa:chart-drawn'

/** `detail` of a CHART_DRAWN_MARK entry. */
export interface ChartDrawnDetail {
  /** draws of this chart component since it was mounted, this one included */
  draws: number
  /** looks in the result just drawn */
  looks: number
}
