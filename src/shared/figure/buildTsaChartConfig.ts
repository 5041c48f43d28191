/**
 * The TSA chart as a Chart.js configuration: a PURE function of the engine's result and the display options
 * (style.md example 11). No Chart instance, no DOM, no reactive state: the same config feeds the on-screen chart,
 * the in-browser exports (renderer/charts/exportFigure.ts) and the headless figure (scene.ts → SVG, PDF, PNG), and
 * it is unit-tested as plain data. It lives in src/shared so that the CLI can use it: chart.js is imported as types
 * only.
 *
 * What is drawn (interfaces.md, TsaResult):
 *   - the cumulative Z-curve, one point per look at x = cumulative information (z is oriented: positive favours
 *     the intervention); |Z| beyond the y-axis limit is drawn at the limit as a triangle pointing off the chart,
 *     labelled with its value;
 *   - the conventional (naive) boundaries ±z_{1−α/sides} (result.conventionalBoundary) across the whole x range;
 *   - the upper/lower trial sequential monitoring boundaries, dashed, at the looks where the engine gives them
 *     (null past the RIS): a null is a GAP (y: null, spanGaps false), never 0;
 *   - the futility (inner) wedge, futilityUpper/futilityLower, likewise with gaps;
 *   - the required information size (RIS) as a vertical line with its value and unit (chartjs-plugin-annotation);
 *   - "Favours intervention" above and "Favours control" below the zero line.
 * Every number that reaches the config is finite: non-finite input becomes a gap (y: null) or is left out.
 */
import type {
  ChartConfiguration,
  ChartDataset,
  ChartType,
  ScriptableScaleContext,
  TooltipItem
} from 'chart.js'
import type { AnnotationOptions } from 'chartjs-plugin-annotation'
import type { TsaLook, TsaResult } from '@engine'
import { formatEstimate, formatFixed, formatInformation, formatPercent } from './format'
import { designLegend } from './designLegend'
import {
  paletteFor,
  type TsaChartPalette,
  type TsaChartTheme,
  type TsaColourScheme,
  type TsaLineStyle
} from './palette'

/**
 * Half-range of the y axis (|Z|). rpact uses 8 as its default cap for boundaries (C_UPPER_BOUNDS_DEFAULT); the CTU
 * TSA program's charts also show about ±8. Z-values beyond it are drawn at the edge with an off-scale marker.
 */
export const Y_AXIS_LIMIT = 8

/**
 * Boundary values are drawn as given (Chart.js clips them to the chart area, so a boundary that starts at 20 enters
 * the plot at the right slope); only absurd magnitudes are capped, so the canvas never sees huge coordinates.
 * The engine's own "cannot be crossed" value is 20 (Z_UNREACHABLE), well inside this cap.
 */
export const BOUNDARY_DRAW_LIMIT = 1000

/** Which part of the TSA chart a dataset draws (kept on the dataset so tooltips, legend and tests can find it). */
export type TsaDatasetRole =
  | 'zCurve'
  | 'conventionalUpper'
  | 'conventionalLower'
  | 'upperBoundary'
  | 'lowerBoundary'
  | 'futilityUpper'
  | 'futilityLower'

/** Options of the renderer's tsaBackground plugin (a white page behind exported figures). */
export interface TsaBackgroundOptions {
  /** CSS colour; 'transparent' (default) draws nothing */
  color?: string
}

declare module 'chart.js' {
  interface LineControllerDatasetOptions {
    /** OpenTSA: what this dataset draws (buildTsaChartConfig) */
    tsaRole?: TsaDatasetRole
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match Chart.js's own type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    tsaBackground?: TsaBackgroundOptions
  }
}

/** One plotted point; y null is a gap. */
export interface TsaPoint {
  x: number
  y: number | null
}

export type TsaChartConfig = ChartConfiguration<'line', TsaPoint[]>

const TOOLTIP_NAME: Record<Exclude<TsaDatasetRole, 'zCurve'>, string> = {
  conventionalUpper: 'Conventional boundary',
  conventionalLower: 'Conventional boundary',
  upperBoundary: 'Monitoring boundary',
  lowerBoundary: 'Monitoring boundary',
  futilityUpper: 'Futility boundary',
  futilityLower: 'Futility boundary'
}

/** Legend texts; by default the boundaries name their design (designLegend.ts). */
export interface TsaChartLegend {
  zCurve: string
  conventional: string
  monitoring: string
  futility: string
}

export interface TsaChartOptions {
  theme: TsaChartTheme
  /** x-axis title; default from result.ris.unit ("Cumulative number of participants", …) */
  informationLabel?: string
  /** y-axis title; default DEFAULT_Z_AXIS_LABEL */
  zLabel?: string
  /** the unit after the RIS value ("participants"); default from result.ris.unit */
  informationUnit?: string
  title?: string
  subtitle?: string
  /** group names for the "Favours …" labels; default intervention / control */
  groupLabels?: { intervention: string; control: string }
  /** naive ±z_{1−α/sides} lines; default true */
  showConventional?: boolean
  /** monitoring boundaries; default true */
  showBoundaries?: boolean
  /** futility wedge; default true */
  showFutility?: boolean
  /** Okabe–Ito colours (default) or greys; the dash patterns are the same in both */
  colourScheme?: TsaColourScheme
  palette?: Partial<TsaChartPalette>
  legend?: Partial<TsaChartLegend>
  /** each look's trial name beside its point of the Z-curve; default false */
  trialLabels?: boolean
  /**
   * α, β, ρ, γ in the legend instead of their names; default false, because the browser's PDF export has only the
   * WinAnsi standard fonts. The headless figure embeds DejaVu Sans and turns this on.
   */
  greekLetters?: boolean
  /** 1 or 2; default: 2 when any look has a lower boundary or none has an upper one */
  sides?: 1 | 2
  /** half-range of the y axis; default Y_AXIS_LIMIT */
  yLimit?: number
  /** BCP 47 locale for numbers; default 'en' */
  locale?: string
  /**
   * Multiplies every text size (axes, legend, title, labels on the plot); default 1 with Chart.js's own sizes.
   * Teaching mode's Present view uses it for a chart read from the back of a room.
   */
  fontScale?: number
}

/** The y-axis title unless the options give one. */
export const DEFAULT_Z_AXIS_LABEL = 'Cumulative Z-score'

/** Font size (CSS px) of the trial names beside the Z-curve: smaller than the other labels, there are many. */
const TRIAL_LABEL_SIZE = 9

const UNIT_NOUN: Record<TsaResult['ris']['unit'], string> = {
  participants: 'participants',
  events: 'events',
  information: 'information units'
}

const AXIS_LABEL: Record<TsaResult['ris']['unit'], string> = {
  participants: 'Cumulative number of participants',
  events: 'Cumulative number of events',
  information: 'Cumulative statistical information'
}

const finite = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v)

const clampAbs = (v: number, limit: number): number => Math.max(-limit, Math.min(limit, v))

/** x of each look: its cumulative information, or the previous finite x (a point without y is never drawn). */
function lookXs(looks: readonly TsaLook[]): number[] {
  let last = 0
  return looks.map((l) => {
    if (finite(l.cumulativeInformation)) last = l.cumulativeInformation
    return last
  })
}

/** How far the data reach on the x axis: max(RIS, last information), at least something positive. */
export function xAxisMax(result: TsaResult): number {
  const infos = result.looks.map((l) => l.cumulativeInformation).filter(finite)
  const candidates = [...infos, finite(result.ris.required) ? result.ris.required : 0]
  const max = Math.max(0, ...candidates)
  return max > 0 ? max : 1
}

/**
 * A round tick step for an axis from 0 to `extent`: 1, 2, 2.5 or 5 × 10^k, the smallest that needs at most
 * `maxIntervals` intervals. `wholeNumbers` (participants, events) keeps it at 1 or more.
 */
export function niceAxisStep(extent: number, maxIntervals = 8, wholeNumbers = false): number {
  if (!(extent > 0) || !Number.isFinite(extent)) return 1
  const raw = extent / maxIntervals
  const power = 10 ** Math.floor(Math.log10(raw))
  const mantissa = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw * (1 - 1e-12)) ?? 10
  const step = Number((mantissa * power).toPrecision(12)) // 0.1 × 2.5 is not exactly 0.25
  return wholeNumbers ? Math.max(1, step) : step
}

/**
 * The x axis: from 0 to the data's extent (xAxisMax) rounded UP to a whole number of round steps, so that every tick,
 * the last one included, is a round number in the axis unit. The RIS itself is marked by its own labelled line.
 */
export function xAxisTicks(result: TsaResult): { max: number; stepSize: number } {
  const extent = xAxisMax(result)
  const stepSize = niceAxisStep(extent, 8, result.ris.unit !== 'information')
  const max = Number((Math.ceil(extent / stepSize - 1e-9) * stepSize).toPrecision(12))
  return { max, stepSize }
}

/** Two-sided unless the result shows a one-sided design (upper boundaries but never a lower one). */
export function inferSides(result: TsaResult): 1 | 2 {
  const anyLower = result.looks.some((l) => finite(l.lower))
  const anyUpper = result.looks.some((l) => finite(l.upper))
  return anyUpper && !anyLower ? 1 : 2
}

function lineDataset(
  role: TsaDatasetRole,
  label: string,
  data: TsaPoint[],
  style: TsaLineStyle,
  extra: Partial<ChartDataset<'line', TsaPoint[]>> = {}
): ChartDataset<'line', TsaPoint[]> {
  return {
    tsaRole: role,
    label,
    data,
    borderColor: style.color,
    backgroundColor: style.color,
    borderDash: [...style.dash],
    borderWidth: style.width,
    pointRadius: isolatedMarkers(data, style.width),
    pointHoverRadius: 0,
    pointHitRadius: 0,
    spanGaps: false,
    fill: false,
    tension: 0,
    ...extra
  }
}

/** The boundary fields shared by a look and a point of the design's boundary curve. */
type BoundaryValues = Pick<TsaLook, 'upper' | 'lower' | 'futilityUpper' | 'futilityLower'>

function boundaryPoints(
  looks: readonly TsaLook[],
  xs: readonly number[],
  pick: (l: BoundaryValues) => number | null
): TsaPoint[] {
  return looks.map((l, i) => {
    const v = pick(l)
    return { x: xs[i] ?? 0, y: finite(v) ? clampAbs(v, BOUNDARY_DRAW_LIMIT) : null }
  })
}

/**
 * A per-point option as one value when every point has the same, else as the array. Chart.js resolves an option
 * given per point once for EVERY point on each update, and a plain value once per dataset: with 200 looks that is
 * most of the chart's update time.
 */
function perPoint<T>(values: readonly T[], fallback: T): T | T[] {
  const first = values[0]
  if (first === undefined) return fallback
  return values.every((v) => v === first) ? first : [...values]
}

/**
 * Point radii of a boundary line: 0 where the line shows the value, a small marker where a value stands alone
 * between gaps (a one-point segment draws nothing, so without the marker that boundary value would be invisible).
 */
function isolatedMarkers(points: readonly TsaPoint[], width: number): number | number[] {
  return perPoint(
    points.map((p, i) =>
      p.y !== null && (points[i - 1]?.y ?? null) === null && (points[i + 1]?.y ?? null) === null
        ? Math.max(2.5, width * 1.5)
        : 0
    ),
    0
  )
}

function hasAny(points: readonly TsaPoint[]): boolean {
  return points.some((p) => p.y !== null)
}

/** The TSA chart's Chart.js configuration (pure; see the file header). */
export function buildTsaChartConfig(result: TsaResult, options: TsaChartOptions): TsaChartConfig {
  const palette = paletteFor(options.theme, options.palette, options.colourScheme)
  const locale = options.locale ?? 'en'
  const yLimit = finite(options.yLimit) && options.yLimit > 0 ? options.yLimit : Y_AXIS_LIMIT
  const fontScale = finite(options.fontScale) && options.fontScale > 0 ? options.fontScale : 1
  /** A label size on the plot, scaled. */
  const px = (size: number): number => size * fontScale
  // Chart.js's own texts (12 px) get an explicit size only when scaled, so the default config stays as it was
  const textFont = fontScale === 1 ? {} : { font: { size: px(12) } }
  const sides = options.sides ?? inferSides(result)
  const looks = result.looks
  const xs = lookXs(looks)
  const xAxis = xAxisTicks(result)
  const xMax = xAxis.max // the plotted range, a little beyond the data and the RIS
  const unitNoun = options.informationUnit ?? UNIT_NOUN[result.ris.unit]
  const conventional = finite(result.conventionalBoundary) ? result.conventionalBoundary : null
  const legend: TsaChartLegend = {
    zCurve: 'Cumulative Z-curve',
    conventional:
      conventional === null
        ? 'Conventional boundary'
        : `Conventional boundary (Z = ${sides === 2 ? '±' : ''}${formatFixed(conventional, 2, locale)})`,
    ...designLegend(result.design, { locale, greekLetters: options.greekLetters ?? false }),
    ...options.legend
  }
  const groups = options.groupLabels ?? { intervention: 'intervention', control: 'control' }

  // ---- Z-curve, clipped to ±yLimit with off-scale markers ----
  const zPoints: TsaPoint[] = looks.map((l, i) => ({
    x: xs[i] ?? 0,
    y: finite(l.z) ? clampAbs(l.z, yLimit) : null
  }))
  const offScale = looks.map((l) => finite(l.z) && Math.abs(l.z) > yLimit)
  const datasets: ChartDataset<'line', TsaPoint[]>[] = [
    lineDataset('zCurve', legend.zCurve, zPoints, palette.zCurve, {
      pointRadius: perPoint(
        offScale.map((o) => (o ? 6 : 3)),
        3
      ),
      pointHoverRadius: perPoint(
        offScale.map((o) => (o ? 8 : 5)),
        5
      ),
      pointHitRadius: 6,
      pointStyle: perPoint(
        offScale.map((o) => (o ? 'triangle' : 'circle')),
        'circle'
      ),
      // triangle points up by default: turn it down for Z below the axis
      pointRotation: perPoint(
        looks.map((l, i) => (offScale[i] && finite(l.z) && l.z < 0 ? 180 : 0)),
        0
      ),
      pointBackgroundColor: perPoint(
        offScale.map((o) => (o ? palette.offScale : palette.zCurve.color)),
        palette.zCurve.color
      ),
      clip: 8, // px: let the off-scale triangles overflow the chart area
      order: 0
    })
  ]

  // ---- conventional ±z lines ----
  if ((options.showConventional ?? true) && conventional !== null && conventional > 0) {
    const flat = (y: number): TsaPoint[] => [
      { x: 0, y },
      { x: xMax, y }
    ]
    datasets.push(
      lineDataset(
        'conventionalUpper',
        legend.conventional,
        flat(conventional),
        palette.conventional,
        {
          order: 3
        }
      )
    )
    if (sides === 2) {
      datasets.push(
        lineDataset(
          'conventionalLower',
          legend.conventional,
          flat(-conventional),
          palette.conventional,
          { order: 3 }
        )
      )
    }
  }

  // ---- monitoring boundaries (gaps where null) ----
  // The design's own points reach the RIS (t = 1); a result without them falls back to the looks.
  const curve = result.boundaryCurve ?? []
  const boundaryAt = (pick: (p: BoundaryValues) => number | null): TsaPoint[] =>
    curve.length > 0
      ? curve.map((p) => ({
          x: p.cumulativeInformation,
          y: finite(pick(p)) ? clampAbs(pick(p) as number, BOUNDARY_DRAW_LIMIT) : null
        }))
      : boundaryPoints(looks, xs, pick)
  if (options.showBoundaries ?? true) {
    const upper = boundaryAt((l) => l.upper)
    const lower = boundaryAt((l) => l.lower)
    if (hasAny(upper)) {
      datasets.push(
        lineDataset('upperBoundary', legend.monitoring, upper, palette.monitoring, { order: 1 })
      )
    }
    if (hasAny(lower)) {
      datasets.push(
        lineDataset('lowerBoundary', legend.monitoring, lower, palette.monitoring, { order: 1 })
      )
    }
  }

  // ---- futility wedge ----
  if (options.showFutility ?? true) {
    const fu = boundaryAt((l) => l.futilityUpper)
    const fl = boundaryAt((l) => l.futilityLower)
    if (hasAny(fu)) {
      datasets.push(
        lineDataset('futilityUpper', legend.futility, fu, palette.futility, { order: 2 })
      )
    }
    if (hasAny(fl)) {
      datasets.push(
        lineDataset('futilityLower', legend.futility, fl, palette.futility, { order: 2 })
      )
    }
  }

  // ---- annotations: RIS, favours labels, off-scale values ----
  const annotations: Record<string, AnnotationOptions> = {}
  const ris = result.ris.required
  const risText = finite(ris) ? `RIS = ${formatInformation(ris, locale)} ${unitNoun}`.trim() : ''
  if (finite(ris) && ris > 0) {
    annotations.ris = {
      type: 'line',
      scaleID: 'x',
      value: ris,
      borderColor: palette.ris.color,
      borderDash: [...palette.ris.dash],
      borderWidth: palette.ris.width
    }
    // The label sits beside the line, on the side with more room, touching it: a label centred on the line is
    // pushed off it near the right edge of the plot and no longer says which line it names.
    const leftOfLine = ris > xMax / 2
    annotations.risLabel = {
      type: 'label',
      xValue: ris,
      yValue: yLimit,
      position: { x: leftOfLine ? 'end' : 'start', y: 'start' },
      xAdjust: leftOfLine ? -4 : 4,
      yAdjust: 4,
      content: risText,
      color: palette.text,
      backgroundColor: withAlpha(palette.background, 0.85),
      font: { size: px(11), weight: 'bold' },
      padding: 3
    }
  }
  const favours = (text: string, top: boolean): AnnotationOptions => ({
    type: 'label',
    xValue: 0,
    yValue: top ? yLimit : -yLimit,
    position: { x: 'start', y: top ? 'start' : 'end' },
    xAdjust: 6,
    yAdjust: top ? 4 : -4,
    content: text,
    color: palette.text,
    font: { size: px(11), style: 'italic' },
    padding: 2
  })
  annotations.favoursIntervention = favours(`Favours ${groups.intervention}`, true)
  annotations.favoursControl = favours(`Favours ${groups.control}`, false)
  if (options.trialLabels ?? false) {
    Object.assign(annotations, trialLabelAnnotations(zPoints, looks, offScale, xMax, palette.text))
  }
  looks.forEach((l, i) => {
    if (!offScale[i] || !finite(l.z)) return
    const up = l.z > 0
    const x = xs[i] ?? 0
    // keep the value label inside the plot near its left and right edges (annotations are clipped to it)
    const align = x > 0.85 * xMax ? 'end' : x < 0.15 * xMax ? 'start' : 'center'
    annotations[`offScale${i}`] = {
      type: 'label',
      xValue: x,
      yValue: up ? yLimit : -yLimit,
      position: { x: align, y: up ? 'start' : 'end' },
      xAdjust: align === 'end' ? -8 : align === 'start' ? 8 : 0,
      yAdjust: up ? 10 : -10,
      content: `Z = ${formatFixed(l.z, 2, locale)}`,
      color: palette.offScale,
      font: { size: px(10), weight: 'bold' },
      padding: 2
    }
  })

  // ---- tooltips: trial, Z, information, estimate and CIs ----
  const tooltipLines = (item: TooltipItem<'line'>): string => {
    const l = looks[item.dataIndex]
    if (!l) return ''
    const role = item.dataset.tsaRole
    const value: Record<TsaDatasetRole, number | null> = {
      zCurve: l.z,
      conventionalUpper: conventional,
      conventionalLower: conventional === null ? null : -conventional,
      upperBoundary: l.upper,
      lowerBoundary: l.lower,
      futilityUpper: l.futilityUpper,
      futilityLower: l.futilityLower
    }
    if (role === undefined) return ''
    if (role === 'zCurve') {
      return `Z = ${formatFixed(l.z, 2, locale)}${offScale[item.dataIndex] ? ' (off scale)' : ''}`
    }
    // the short name: the legend already says which design the boundary comes from
    return `${TOOLTIP_NAME[role]}: ${formatFixed(value[role], 2, locale)}`
  }

  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale, // tick labels are formatted like the rest of the chart's numbers
      parsing: false, // data are already {x, y}
      color: palette.text,
      // all elements nearest in x: the look's Z and its boundaries share an x (and a dataIndex = the look);
      // the two-point conventional lines are filtered out of the tooltip below
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      layout: { padding: 8 },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: xMax,
          title: {
            display: true,
            text: options.informationLabel ?? AXIS_LABEL[result.ris.unit],
            color: palette.text,
            ...textFont
          },
          // a fixed round step with min/max on whole steps: Chart.js then adds no odd end tick (the bare max)
          ticks: { color: palette.text, stepSize: xAxis.stepSize, ...textFont },
          grid: { color: palette.grid },
          border: { color: palette.text }
        },
        y: {
          type: 'linear',
          min: -yLimit,
          max: yLimit,
          title: {
            display: true,
            text: options.zLabel ?? DEFAULT_Z_AXIS_LABEL,
            color: palette.text,
            ...textFont
          },
          ticks: { color: palette.text, stepSize: 2, ...textFont },
          grid: {
            // the zero line (no effect) a little stronger than the rest
            color: (ctx: ScriptableScaleContext) =>
              ctx.tick?.value === 0 ? palette.text : palette.grid
          },
          border: { color: palette.text }
        }
      },
      plugins: {
        tsaBackground: { color: palette.background },
        title: {
          display: options.title !== undefined && options.title !== '',
          text: options.title ?? '',
          color: palette.text,
          ...(fontScale === 1 ? {} : { font: { size: px(12), weight: 'bold' as const } })
        },
        subtitle: {
          display: options.subtitle !== undefined && options.subtitle !== '',
          text: options.subtitle ?? '',
          color: palette.text
        },
        legend: {
          position: 'bottom',
          labels: {
            color: palette.text,
            ...textFont,
            // a short line in the dataset's dash pattern, so the legend reads without colour
            usePointStyle: true,
            pointStyle: 'line',
            pointStyleWidth: 36,
            // Chart.js takes a point-style legend item's style from the POINT options, which have no dash:
            // build the items from the datasets' line options instead
            generateLabels: (chart) =>
              chart.data.datasets.map((d, i) => ({
                text: d.label ?? '',
                datasetIndex: i,
                hidden: !chart.isDatasetVisible(i),
                pointStyle: 'line' as const,
                strokeStyle: typeof d.borderColor === 'string' ? d.borderColor : palette.text,
                fillStyle: typeof d.borderColor === 'string' ? d.borderColor : palette.text,
                lineWidth: typeof d.borderWidth === 'number' ? d.borderWidth : 1,
                lineDash: dashOf(d),
                fontColor: palette.text
              })),
            // one entry per label: the upper and lower halves of a boundary share it
            filter: (item, data) =>
              data.datasets.findIndex((d) => d.label === item.text) === item.datasetIndex
          },
          onClick: (_e, item, legendEl) => {
            const chart = legendEl.chart
            const show = item.hidden === true
            chart.data.datasets.forEach((d, i) => {
              if (d.label === item.text) chart.setDatasetVisibility(i, show)
            })
            chart.update()
          }
        },
        tooltip: {
          filter: (item) =>
            item.dataset.tsaRole !== 'conventionalUpper' &&
            item.dataset.tsaRole !== 'conventionalLower' &&
            item.parsed.y !== null,
          callbacks: {
            title: (items) => {
              const first = items[0]
              return first ? (looks[first.dataIndex]?.trial ?? '') : ''
            },
            label: tooltipLines,
            footer: (items) => {
              const first = items[0]
              const l = first ? looks[first.dataIndex] : undefined
              if (!l) return []
              const lines = [
                `Information: ${formatInformation(l.cumulativeInformation, locale)} ${unitNoun}` +
                  (finite(l.informationFraction)
                    ? ` (${formatPercent(l.informationFraction, locale)} of RIS)`
                    : '')
              ]
              if (l.estimate !== null) {
                lines.push(
                  `${result.measure} ${formatEstimate(l.estimate, l.ciLower, l.ciUpper, locale)}`
                )
              }
              if (l.tsaCiLower !== null || l.tsaCiUpper !== null) {
                lines.push(
                  `TSA-adjusted CI ${formatFixed(l.tsaCiLower, 2, locale)} to ${formatFixed(l.tsaCiUpper, 2, locale)}`
                )
              }
              if (risText !== '') lines.push(risText)
              return lines
            }
          }
        },
        annotation: { annotations }
      }
    }
  }
}

/**
 * The trial names beside the Z-curve's points, alternately above and below the curve so that neighbours overlap
 * less; none at a gap or at an off-scale point (that one carries its Z value instead). Near the ends of the x axis
 * a name starts or ends at its point, so that the plot's edge does not cut it.
 */
function trialLabelAnnotations(
  points: readonly TsaPoint[],
  looks: readonly TsaLook[],
  offScale: readonly boolean[],
  xMax: number,
  color: string
): Record<string, AnnotationOptions> {
  const labels: Record<string, AnnotationOptions> = {}
  points.forEach((p, i) => {
    const trial = looks[i]?.trial ?? ''
    if (p.y === null || offScale[i] || trial === '') return
    const above = i % 2 === 0
    const align = p.x > 0.85 * xMax ? 'end' : p.x < 0.15 * xMax ? 'start' : 'center'
    labels[`trialLabel${i}`] = {
      type: 'label',
      xValue: p.x,
      yValue: p.y,
      position: { x: align, y: above ? 'end' : 'start' },
      yAdjust: above ? -4 : 4, // clear of the point marker (radius 3)
      content: trial,
      color,
      font: { size: TRIAL_LABEL_SIZE },
      padding: 1
    }
  })
  return labels
}

/** A dataset's borderDash (typed per chart type, so read loosely), copied. */
function dashOf(d: object): number[] {
  const dash = (d as { borderDash?: unknown }).borderDash
  return Array.isArray(dash) ? dash.filter((v): v is number => typeof v === 'number') : []
}

/** '#rrggbb' with an alpha; other colours (named, rgba(), 'transparent') unchanged. */
function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)
  if (!m) return color
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16))
  return `rgba(${r}, ${g}, ${b}, ${alpha})`
}
