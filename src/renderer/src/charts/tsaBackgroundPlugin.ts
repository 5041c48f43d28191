/**
 * Paints the whole canvas in one colour before anything else is drawn. Chart.js has no background option, and an
 * exported PNG/SVG/PDF must be white whatever the UI theme (ecosystem.md §3.3). Shaped like chartjs-plugin-annotation
 * (style.md example 11): options under `options.plugins.tsaBackground`, no state.
 */
import type { ChartType, Plugin } from 'chart.js'

export interface TsaBackgroundOptions {
  /** CSS colour; 'transparent' (default) draws nothing */
  color?: string
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match Chart.js's own type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    tsaBackground?: TsaBackgroundOptions
  }
}

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
