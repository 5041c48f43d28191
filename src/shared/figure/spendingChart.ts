/**
 * Teaching mode's spending explorer (ecosystem.md §5.2): α*(t), the cumulative type I error each spending function
 * has spent by information fraction t, as a Chart.js line chart. PURE like buildTsaChartConfig: the curves come in
 * as data (the engine's alphaSpent, through engineClient.computeBoundaries), so this module computes no spending
 * itself and the renderer keeps importing only types from the engine.
 */
import type { ChartConfiguration } from 'chart.js'
import type { SpendingSpec } from '@engine'
import { formatFixed } from './format'
import { DASH, OKABE_ITO, paletteFor, type TsaChartTheme } from './palette'

/** One spending function's α*(t) at increasing information fractions t (alphaSpent is the total of both sides). */
export interface SpendingCurve {
  spec: SpendingSpec
  points: readonly { t: number; alphaSpent: number }[]
}

export type SpendingChartConfig = ChartConfiguration<'line', { x: number; y: number }[]>

/** The spending function's name for legends and tables, e.g. "Power (ρ = 2)". */
export function spendingLabel(spec: SpendingSpec, locale = 'en'): string {
  switch (spec.kind) {
    case 'obf':
      return "O'Brien–Fleming"
    case 'pocock':
      return 'Pocock'
    case 'power':
      return `Power (ρ = ${formatFixed(spec.rho, 1, locale)})`
    case 'hsd':
      return `Hwang–Shih–DeCani (γ = ${formatFixed(spec.gamma, 1, locale)})`
  }
}

/** n equally spaced information fractions 1/n, 2/n, …, 1 (n is clamped to 1…50). */
export function equallySpacedFractions(n: number): number[] {
  const count = Math.min(50, Math.max(1, Math.round(Number.isFinite(n) ? n : 1)))
  return Array.from({ length: count }, (_, i) => (i + 1) / count)
}

/**
 * Looks typed by the user: a number of equally spaced looks ("4") or a list of fractions ("0.25, 0.5, 0.75, 1").
 * A list must increase within (0, 1]; null when the text is neither.
 */
export function parseLookFractions(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) return null
  const values = parts.map(Number)
  if (values.some((v) => !Number.isFinite(v))) return null
  if (values.length === 1 && Number.isInteger(values[0]) && (values[0] as number) >= 1) {
    return equallySpacedFractions(values[0] as number)
  }
  const increasing = values.every(
    (v, i) => v > 0 && v <= 1 && (i === 0 || v > (values[i - 1] as number))
  )
  return increasing ? values : null
}

/** One line style per family, so the chart reads without colour (dash patterns as in the TSA chart). */
const STYLE: Record<SpendingSpec['kind'], { color: string; dash: number[] }> = {
  obf: { color: OKABE_ITO.vermillion, dash: [...DASH.dashed] },
  pocock: { color: OKABE_ITO.blue, dash: [...DASH.solid] },
  power: { color: OKABE_ITO.bluishGreen, dash: [...DASH.dashDot] },
  hsd: { color: OKABE_ITO.reddishPurple, dash: [...DASH.dotted] }
}

/**
 * α*(t) of each curve from (0, 0) to (1, α): x the information fraction, y the cumulative α spent. The y axis runs
 * to the design's total α, so every curve ends at the top right corner.
 */
export function buildSpendingChartConfig(
  curves: readonly SpendingCurve[],
  options: { alpha: number; theme: TsaChartTheme; locale?: string }
): SpendingChartConfig {
  const palette = paletteFor(options.theme)
  const locale = options.locale ?? 'en'
  return {
    type: 'line',
    data: {
      datasets: curves.map((c) => ({
        label: spendingLabel(c.spec, locale),
        data: [
          { x: 0, y: 0 },
          ...c.points
            .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.alphaSpent))
            .map((p) => ({ x: p.t, y: p.alphaSpent }))
        ],
        borderColor: STYLE[c.spec.kind].color,
        backgroundColor: STYLE[c.spec.kind].color,
        borderDash: STYLE[c.spec.kind].dash,
        borderWidth: 2.5,
        pointRadius: 0,
        tension: 0
      }))
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      locale,
      color: palette.text,
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 1,
          title: { display: true, text: 'Information fraction t', color: palette.text },
          ticks: { color: palette.text, stepSize: 0.1 },
          grid: { color: palette.grid }
        },
        y: {
          type: 'linear',
          min: 0,
          max: options.alpha,
          title: { display: true, text: 'Cumulative alpha spent, α*(t)', color: palette.text },
          ticks: { color: palette.text },
          grid: { color: palette.grid }
        }
      },
      plugins: {
        legend: { position: 'bottom', labels: { color: palette.text } },
        tooltip: {
          callbacks: {
            label: (item) =>
              `${item.dataset.label ?? ''}: α*(${formatFixed(item.parsed.x, 2, locale)}) = ${formatFixed(item.parsed.y, 4, locale)}`
          }
        }
      }
    }
  }
}
