/**
 * Registers, once, the Chart.js pieces the TSA chart uses (tree-shaken Chart.js needs explicit registration).
 * chartjs-plugin-annotation must be REGISTERED, not passed inline: its option defaults are installed by
 * Chart.register. Called by the chart component and by the figure export; the config builder stays free of it.
 */
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
  Tooltip
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
