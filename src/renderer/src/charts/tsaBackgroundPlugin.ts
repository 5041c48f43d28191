/**
 * Paints the whole canvas in one colour before anything else is drawn. Chart.js has no background option, and an
 * exported PNG/SVG/PDF must be white whatever the UI theme (ecosystem.md §3.3). Shaped like chartjs-plugin-annotation
 * (style.md example 11): options under `options.plugins.tsaBackground`, no state.
 */
import type { Plugin } from 'chart.js'
// the option's type (and its chart.js declaration) lives beside the config builder that sets it
import type { TsaBackgroundOptions } from '@shared/figure/buildTsaChartConfig'

export const tsaBackgroundPlugin: Plugin<'line', TsaBackgroundOptions> = {
  id: 'tsaBackground',
  defaults: { color: 'transparent' },
  beforeDraw(chart, _args, opts) {
    const color = opts.color ?? 'transparent'
    if (color === 'transparent') return
    const { ctx, width, height } = chart
    ctx.save()
    ctx.fillStyle = color
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  }
}
