/**
 * Registers, once, the Chart.js pieces the TSA chart uses (tree-shaken Chart.js needs explicit registration).
 * chartjs-plugin-annotation must be REGISTERED, not passed inline: its option defaults are installed by
 * Chart.register. Called by the chart component and by the figure export; the config builder stays free of it.
 * Also the one place that makes and refreshes on-screen charts (createChart, refreshChart) for every component.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type DefaultDataPoint
} from 'chart.js'
import annotationPlugin from 'chartjs-plugin-annotation'
import { tsaBackgroundPlugin } from './tsaBackgroundPlugin'

let registered = false

export function registerTsaChart(): typeof Chart {
  if (!registered) {
    Chart.register(
      LineController,
      LineElement,
      PointElement,
      LinearScale,
      Legend,
      Title,
      SubTitle,
      Tooltip,
      annotationPlugin,
      tsaBackgroundPlugin
    )
    registered = true
  }
  return Chart
}

let barsRegistered = false

/** The TSA chart's pieces plus bars on a category axis (the simulator's first-crossing chart). */
export function registerBarCharts(): typeof Chart {
  registerTsaChart()
  if (!barsRegistered) {
    Chart.register(BarController, BarElement, CategoryScale)
    barsRegistered = true
  }
  return Chart
}

/**
 * A chart on `canvas`, or null without a 2D context (a test DOM): Chart.js then logs and returns a half-made chart,
 * which is destroyed rather than kept. `register` says which pieces the config needs.
 */
export function createChart<T extends ChartType, D = DefaultDataPoint<T>>(
  canvas: HTMLCanvasElement,
  config: ChartConfiguration<T, D>,
  register: () => typeof Chart = registerTsaChart
): Chart<T, D> | null {
  const ChartCtor = register()
  const chart = new ChartCtor(canvas, config)
  if (chart.ctx) return chart
  chart.destroy()
  return null
}

/** A live chart takes a fresh config's data and options and redraws at once (no animation between states). */
export function refreshChart<T extends ChartType, D>(
  chart: Chart<T, D>,
  config: ChartConfiguration<T, D>
): void {
  chart.data = config.data
  if (config.options) chart.options = config.options
  chart.update('none')
}
