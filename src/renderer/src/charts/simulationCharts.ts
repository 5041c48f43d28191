// The teaching simulator's two live charts (SimulatePanel.vue), as pure Chart.js configs built from a (partial)
// SimulationSummary: the cumulative share that has crossed by each look, naive ±z against the monitoring
// boundaries, and a bar chart of the look of the first crossing. Pure, so it is tested without a canvas.
import type { ChartConfiguration } from 'chart.js'
import type { SimulationSummary } from '@engine'

/** The two series, in both charts: naive testing in the warning colour, the monitoring boundaries in blue. */
export const SIMULATION_COLOURS = { naive: '#c0392b', monitoring: '#1f5fa8' } as const

/** Running sums divided by the runs so far: the share that has crossed by look k (0 before any run). */
export function cumulativeShares(firstCrossings: readonly number[], runs: number): number[] {
  let sum = 0
  return firstCrossings.map((count) => {
    sum += count
    return runs > 0 ? sum / runs : 0
  })
}

const lookLabels = (n: number): string[] => Array.from({ length: n }, (_, k) => String(k + 1))

/** The line chart: share that has crossed by each look. `alpha` draws the nominal level for comparison. */
export function buildCrossingShareConfig(
  summary: SimulationSummary,
  alpha: number
): ChartConfiguration<'line', number[], string> {
  const looks = Math.max(summary.crossingLook.length, summary.naiveCrossingLook.length)
  return {
    type: 'line',
    data: {
      labels: lookLabels(looks),
      datasets: [
        {
          label: 'Naive ±z (conventional tests)',
          data: cumulativeShares(summary.naiveCrossingLook, summary.runs),
          borderColor: SIMULATION_COLOURS.naive,
          backgroundColor: SIMULATION_COLOURS.naive
        },
        {
          label: 'Monitoring boundaries',
          data: cumulativeShares(summary.crossingLook, summary.runs),
          borderColor: SIMULATION_COLOURS.monitoring,
          backgroundColor: SIMULATION_COLOURS.monitoring
        },
        {
          label: `α = ${alpha}`,
          data: Array.from({ length: looks }, () => alpha),
          borderColor: '#666666',
          borderDash: [4, 4],
          pointRadius: 0
        }
      ]
    },
    options: {
      animation: false, // live updates several times a second: animating would only lag behind
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'Look' } },
        y: { min: 0, title: { display: true, text: 'Share of runs that crossed' } }
      }
    }
  }
}

/** The bar chart: for each look, the runs whose first crossing was there. */
export function buildFirstCrossingConfig(
  summary: SimulationSummary
): ChartConfiguration<'bar', number[], string> {
  const looks = Math.max(summary.crossingLook.length, summary.naiveCrossingLook.length)
  return {
    type: 'bar',
    data: {
      labels: lookLabels(looks),
      datasets: [
        {
          label: 'First naive crossing',
          data: [...summary.naiveCrossingLook],
          backgroundColor: SIMULATION_COLOURS.naive
        },
        {
          label: 'First boundary crossing',
          data: [...summary.crossingLook],
          backgroundColor: SIMULATION_COLOURS.monitoring
        }
      ]
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'Look of the first crossing' } },
        y: { min: 0, title: { display: true, text: 'Runs' } }
      }
    }
  }
}
