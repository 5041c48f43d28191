/**
 * The TSA chart without a browser: the Chart.js configuration of buildTsaChartConfig laid out as a scene of drawing
 * primitives (polylines, markers, rectangles, text), which svg.ts writes as SVG and the CLI draws into a PDF.
 *
 * Every number of the chart comes from the config: the datasets' points, colours, dash patterns and widths, the axis
 * range and tick step, the annotations (RIS line and label, favours labels, off-scale values, trial labels), the
 * legend items (its own generateLabels and filter). Only the page layout is computed here, in the spirit of Chart.js's
 * own (padding, title on top, legend at the bottom, axis titles and tick labels outside the plot area) and with its
 * default sizes (12 px text, 10 px paddings, 8 px tick marks).
 *
 * Units are CSS px (1/96 in), the unit of the config's font sizes and line widths; (0, 0) is the top left corner.
 * Text is positioned on its alphabetic baseline with a horizontal anchor, so that every back end places it alike.
 * Every coordinate in a scene is finite: a point the config leaves as null is a gap, never drawn at 0.
 */
import type { ChartDataset } from 'chart.js'
import type { AnnotationOptions } from 'chartjs-plugin-annotation'
import type { TsaChartConfig, TsaPoint } from './buildTsaChartConfig'
import { CSS_PX_PER_INCH, MM_PER_INCH } from './figureSize'

export interface ScenePoint {
  x: number
  y: number
}

export interface SceneRect {
  x: number
  y: number
  width: number
  height: number
}

export interface SceneFont {
  /** CSS px */
  size: number
  weight: 'normal' | 'bold'
  style: 'normal' | 'italic'
}

/** The advance width of a text in CSS px; the CLI measures with the embedded font, see approximateTextWidth. */
export type TextMeasure = (text: string, font: SceneFont) => number

/** What an item draws, for the back ends' grouping and for tests ('zCurve', 'upperBoundary', 'risLabel', …). */
export type SceneRole = string

export type SceneItem =
  | {
      kind: 'polyline'
      role: SceneRole
      points: ScenePoint[]
      stroke: string
      width: number
      /** dash pattern in px; [] = solid */
      dash: number[]
      /** where in the dash pattern the line starts (px; 0 unless the line was cut at a clip edge) */
      dashOffset?: number
    }
  | { kind: 'rect'; role: SceneRole; rect: SceneRect; fill: string }
  | {
      kind: 'marker'
      role: SceneRole
      shape: 'circle' | 'triangle'
      x: number
      y: number
      radius: number
      /** degrees clockwise; a triangle at 0 points up */
      rotation: number
      fill: string
      stroke: string
      strokeWidth: number
    }
  | {
      kind: 'text'
      role: SceneRole
      text: string
      /** the anchor point on the alphabetic baseline */
      x: number
      y: number
      anchor: 'start' | 'middle' | 'end'
      font: SceneFont
      color: string
      /** degrees clockwise about (x, y); the y-axis title is at −90 */
      rotation: number
    }

/** Items drawn together, clipped to `clip` when it is given (the plot area, as Chart.js clips datasets). */
export interface SceneLayer {
  clip: SceneRect | null
  items: SceneItem[]
}

export interface Scene {
  /** the coordinate system of the layers, in CSS px (the SVG viewBox) */
  width: number
  height: number
  /**
   * The printed size. Usually the coordinate size at 96 px per inch; smaller when a narrow figure (a single journal
   * column) is laid out wider and scaled down so that its text still fits (see tsaFigure.ts).
   */
  widthMm: number
  heightMm: number
  background: string
  /** where the axes' ranges are drawn */
  plotArea: SceneRect
  layers: SceneLayer[]
  /** the figure's accessible name and description (SVG <title>/<desc>, PDF Title/Subject) */
  label: string
  description: string
  /** value → px of each axis, as the scene used them (tests check the points against the ticks) */
  xToPx: (value: number) => number
  yToPx: (value: number) => number
}

export interface SceneOptions {
  /** text widths; default approximateTextWidth */
  measureText?: TextMeasure
  /** the printed size; default the coordinate size at 96 px per inch */
  printedMm?: { widthMm: number; heightMm: number }
  label?: string
  description?: string
}

// ---- Chart.js's defaults that the builder leaves as they are (chart.js 4, defaults.js and the plugins) ----

const FONT_SIZE = 12
const LINE_HEIGHT = 1.2
const TITLE_PADDING = 10
const SCALE_TITLE_PADDING = 4
const TICK_PADDING = 3
const TICK_LENGTH = 8
const LEGEND_PADDING = 10
/** between rows of legend items (Chart.js puts its padding there; less keeps a wrapped legend compact) */
const LEGEND_ROW_GAP = 6
/** the builder's legend sample line (labels.pointStyleWidth) */
const LEGEND_SAMPLE_WIDTH = 36
const GRID_WIDTH = 1
const POINT_BORDER_WIDTH = 1
const LABEL_PADDING = 6

/**
 * DejaVu Sans's vertical metrics in em (hhea ascender 1901/2048, descender 483/2048; cap height 1493/2048), used to
 * put text by its baseline where Chart.js centres it ('middle') or hangs it from its top.
 */
export const FONT_METRICS = { ascent: 0.928, descent: 0.236, capHeight: 0.729 } as const

const PLAIN: SceneFont = { size: FONT_SIZE, weight: 'normal', style: 'normal' }

/**
 * Text width without a font file: DejaVu Sans's advance widths by character class (digits 0.636 em, most lower case
 * about 0.6 em). Close enough to lay out a figure whose text a viewer draws with its own font; the CLI measures
 * with the embedded font itself.
 */
export const approximateTextWidth: TextMeasure = (text, font) => {
  let em = 0
  for (const ch of text) {
    if (/[0-9]/.test(ch)) em += 0.636
    else if (/[ iljtfr.,:;'|!()[\]]/.test(ch)) em += 0.33
    else if (/[mwMW]/.test(ch)) em += 0.95
    else if (/[A-Z]/.test(ch)) em += 0.7
    else em += 0.6
  }
  return em * font.size * (font.weight === 'bold' ? 1.1 : 1)
}

// ---- reading the config (Chart.js option types are wide unions: read them defensively) ----

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const numberOr = (v: unknown, fallback: number): number => (isFiniteNumber(v) ? v : fallback)
const stringOr = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback)
/** A dash pattern option: its finite numbers, [] (solid) when it is not an array. */
const dashOf = (v: unknown): number[] =>
  Array.isArray(v) ? (v as unknown[]).filter(isFiniteNumber) : []
/** A per-point option: the value at `i` of an array, or the one value for all points. */
function perPoint<T>(v: unknown, i: number, read: (x: unknown) => T): T {
  return read(Array.isArray(v) ? v[i] : v)
}

function fontOf(spec: unknown, fallback: SceneFont = PLAIN): SceneFont {
  const f = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>
  const weight = f['weight']
  return {
    size: numberOr(f['size'], fallback.size),
    weight:
      weight === 'bold' || (typeof weight === 'number' && weight >= 600)
        ? 'bold'
        : weight === undefined
          ? fallback.weight
          : 'normal',
    style: f['style'] === 'italic' || f['style'] === 'oblique' ? 'italic' : fallback.style
  }
}

const lineHeight = (font: SceneFont): number => font.size * LINE_HEIGHT

/** Baseline of a line of text whose line box (height size × 1.2) starts at `top`. */
const baselineInBox = (top: number, font: SceneFont): number =>
  top + (lineHeight(font) + font.size * FONT_METRICS.capHeight) / 2

/** Baseline of text centred vertically on `y` (canvas textBaseline 'middle', as Chart.js draws tick labels). */
const baselineCentredOn = (y: number, font: SceneFont): number =>
  y + (font.size * FONT_METRICS.capHeight) / 2

/** Decimals that show every multiple of `step` exactly (0.25 → 2, 2.5 → 1, 500 → 0). */
export function stepDecimals(step: number): number {
  for (let d = 0; d < 10; d++) {
    const scaled = step * 10 ** d
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d
  }
  return 10
}

/** The ticks of a linear axis from min to max by stepSize, as Chart.js makes them from the builder's options. */
export function axisTicks(min: number, max: number, step: number): number[] {
  if (!(max > min) || !(step > 0)) return [min]
  const count = Math.min(1000, Math.round((max - min) / step))
  return Array.from({ length: count + 1 }, (_, k) => Number((min + k * step).toPrecision(12)))
}

/** Text split into lines no wider than `width`, at spaces (a word longer than the width keeps its own line). */
function wrapText(text: string, font: SceneFont, width: number, measure: TextMeasure): string[] {
  if (measure(text, font) <= width) return [text]
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (line !== '' && measure(candidate, font) > width) {
      lines.push(line)
      line = word
    } else {
      line = candidate
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

// ---- the parts of the figure ----

interface LegendEntry {
  lines: string[]
  stroke: string
  width: number
  dash: number[]
  /** total width: sample line, gap, widest text line */
  extent: number
}

interface LegendLayout {
  rows: LegendEntry[][]
  height: number
  font: SceneFont
}

/** The legend items exactly as the builder's generateLabels and filter give them to Chart.js. */
function legendItems(
  config: TsaChartConfig
): { text: string; stroke: string; width: number; dash: number[] }[] {
  const legend = config.options?.plugins?.legend
  if (legend?.display === false) return []
  const labels = legend?.labels
  const datasets = config.data.datasets
  // generateLabels reads only the datasets and their visibility: a stand-in chart with every dataset shown
  const chart = { data: config.data, isDatasetVisible: () => true }
  const generated =
    labels?.generateLabels?.(chart as never) ??
    datasets.map((d, i) => ({
      text: d.label ?? '',
      datasetIndex: i,
      strokeStyle: d.borderColor,
      lineWidth: d.borderWidth,
      lineDash: d.borderDash
    }))
  const kept = generated.filter((item) =>
    labels?.filter === undefined ? true : labels.filter(item as never, config.data as never)
  )
  return kept.map((item) => ({
    text: item.text,
    stroke: stringOr(item.strokeStyle, '#000000'),
    width: numberOr(item.lineWidth, 1),
    dash: dashOf(item.lineDash)
  }))
}

function layoutLegend(
  config: TsaChartConfig,
  maxWidth: number,
  measure: TextMeasure
): LegendLayout {
  const font = fontOf(config.options?.plugins?.legend?.labels?.font)
  const gap = font.size / 2 // Chart.js: half the font size between sample and text
  const textWidth = Math.max(20, maxWidth - LEGEND_SAMPLE_WIDTH - gap)
  const entries: LegendEntry[] = legendItems(config).map((item) => {
    const lines = wrapText(item.text, font, textWidth, measure)
    const widest = Math.max(...lines.map((l) => measure(l, font)))
    return { ...item, lines, extent: LEGEND_SAMPLE_WIDTH + gap + widest }
  })
  const rows: LegendEntry[][] = []
  let row: LegendEntry[] = []
  let used = 0
  for (const e of entries) {
    const needed = (row.length > 0 ? LEGEND_PADDING : 0) + e.extent
    if (row.length > 0 && used + needed > maxWidth) {
      rows.push(row)
      row = []
      used = 0
    }
    used += (row.length > 0 ? LEGEND_PADDING : 0) + e.extent
    row.push(e)
  }
  if (row.length > 0) rows.push(row)
  const rowHeight = (r: LegendEntry[]): number =>
    Math.max(...r.map((e) => e.lines.length)) * lineHeight(font)
  const height =
    rows.length === 0
      ? 0
      : LEGEND_PADDING +
        rows.reduce((sum, r) => sum + rowHeight(r), 0) +
        (rows.length - 1) * LEGEND_ROW_GAP
  return { rows, height, font }
}

function drawLegend(
  layout: LegendLayout,
  top: number,
  left: number,
  width: number,
  color: string
): SceneItem[] {
  const items: SceneItem[] = []
  const { font } = layout
  const gap = font.size / 2
  let y = top + LEGEND_PADDING
  for (const row of layout.rows) {
    const rowWidth = row.reduce((sum, e) => sum + e.extent, 0) + (row.length - 1) * LEGEND_PADDING
    let x = left + (width - rowWidth) / 2 // rows centred, as Chart.js's legend align 'center'
    const lines = Math.max(...row.map((e) => e.lines.length))
    for (const e of row) {
      const sampleY = y + lineHeight(font) / 2
      items.push({
        kind: 'polyline',
        role: 'legendSample',
        points: [
          { x, y: sampleY },
          { x: x + LEGEND_SAMPLE_WIDTH, y: sampleY }
        ],
        stroke: e.stroke,
        width: e.width,
        dash: e.dash
      })
      e.lines.forEach((text, k) => {
        items.push({
          kind: 'text',
          role: 'legend',
          text,
          x: x + LEGEND_SAMPLE_WIDTH + gap,
          y: baselineInBox(y + k * lineHeight(font), font),
          anchor: 'start',
          font,
          color,
          rotation: 0
        })
      })
      x += e.extent + LEGEND_PADDING
    }
    y += lines * lineHeight(font) + LEGEND_ROW_GAP
  }
  return items
}

interface AxisSpec {
  min: number
  max: number
  ticks: number[]
  labels: string[]
  title: string | null
  titleColor: string
  tickColor: string
  gridColor: (value: number) => string
  borderColor: string
}

function readAxis(config: TsaChartConfig, id: 'x' | 'y', locale: string): AxisSpec {
  const scale = (config.options?.scales?.[id] ?? {}) as Record<string, unknown>
  const min = numberOr(scale['min'], 0)
  const max = numberOr(scale['max'], min + 1)
  const tickOptions = (scale['ticks'] ?? {}) as Record<string, unknown>
  const step = numberOr(tickOptions['stepSize'], (max - min) / 8)
  const ticks = axisTicks(min, max, step)
  const decimals = stepDecimals(step)
  const format = new Intl.NumberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  })
  const title = (scale['title'] ?? {}) as Record<string, unknown>
  const grid = (scale['grid'] ?? {}) as Record<string, unknown>
  const border = (scale['border'] ?? {}) as Record<string, unknown>
  const gridOption = grid['color']
  const fallbackText = stringOr(config.options?.color, '#111111')
  return {
    min,
    max,
    ticks,
    // Object.is: a tick at −0 reads "0", not "-0"
    labels: ticks.map((t) => format.format(Object.is(t, -0) ? 0 : t)),
    title:
      title['display'] === true && typeof title['text'] === 'string' && title['text'] !== ''
        ? title['text']
        : null,
    titleColor: stringOr(title['color'], fallbackText),
    tickColor: stringOr(tickOptions['color'], fallbackText),
    // a scriptable grid colour (the y axis's stronger zero line) is asked per tick, as Chart.js does
    gridColor: (value) =>
      typeof gridOption === 'function'
        ? stringOr((gridOption as (ctx: unknown) => unknown)({ tick: { value } }), '#e5e5e5')
        : stringOr(gridOption, '#e5e5e5'),
    borderColor: stringOr(border['color'], fallbackText)
  }
}

/** Indices of the x tick labels to show: every k-th, the smallest k at which neighbours do not overlap. */
function thinnedLabels(positions: number[], widths: number[]): Set<number> {
  for (let k = 1; k <= positions.length; k++) {
    let fits = true
    for (let i = k; i < positions.length && fits; i += k) {
      const gap =
        (positions[i] ?? 0) -
        (positions[i - k] ?? 0) -
        ((widths[i] ?? 0) + (widths[i - k] ?? 0)) / 2
      if (gap < 6) fits = false
    }
    if (fits) return new Set(positions.map((_, i) => i).filter((i) => i % k === 0))
  }
  return new Set([0])
}

/** A dataset's drawing: polyline segments between gaps, then its point markers. */
function datasetItems(
  d: ChartDataset<'line', TsaPoint[]>,
  toPx: (p: TsaPoint & { y: number }) => ScenePoint
): SceneItem[] {
  const role = d.tsaRole ?? 'dataset'
  const stroke = stringOr(d.borderColor, '#000000')
  const width = numberOr(d.borderWidth, 1)
  const dash = dashOf(d.borderDash)
  const items: SceneItem[] = []
  let segment: ScenePoint[] = []
  const flush = (): void => {
    // a one-point segment draws nothing (Chart.js likewise); isolated values carry a marker instead
    if (segment.length > 1) {
      items.push({ kind: 'polyline', role, points: segment, stroke, width, dash })
    }
    segment = []
  }
  for (const p of d.data) {
    if (isFiniteNumber(p.x) && isFiniteNumber(p.y)) segment.push(toPx({ x: p.x, y: p.y }))
    else flush() // spanGaps false: a null is a gap
  }
  flush()
  d.data.forEach((p, i) => {
    const radius = perPoint(d.pointRadius, i, (v) => numberOr(v, 3))
    if (!(radius > 0) || !isFiniteNumber(p.x) || !isFiniteNumber(p.y)) return
    const at = toPx({ x: p.x, y: p.y })
    items.push({
      kind: 'marker',
      role: `${role}Point`,
      shape: perPoint(d.pointStyle, i, (v) => (v === 'triangle' ? 'triangle' : 'circle')),
      x: at.x,
      y: at.y,
      radius,
      rotation: perPoint(d.pointRotation, i, (v) => numberOr(v, 0)),
      fill: perPoint(d.pointBackgroundColor, i, (v) =>
        stringOr(v, stringOr(d.backgroundColor, stroke))
      ),
      stroke: perPoint(d.pointBorderColor, i, (v) => stringOr(v, stroke)),
      strokeWidth: perPoint(d.pointBorderWidth, i, (v) => numberOr(v, POINT_BORDER_WIDTH))
    })
  })
  return items
}

type LabelPosition = 'start' | 'center' | 'end'
const positionOf = (v: unknown): LabelPosition => (v === 'start' || v === 'end' ? v : 'center')

/**
 * A label annotation as chartjs-plugin-annotation places it: a box of text width + padding around the point
 * (xValue, yValue), its start, centre or end at the point by `position`, moved by xAdjust/yAdjust, the text
 * centred in the box.
 */
function labelItems(
  key: string,
  a: AnnotationOptions & { type: 'label' },
  toPx: (x: number, y: number) => ScenePoint,
  measure: TextMeasure
): { items: SceneItem[]; box: SceneRect & { role: string } } | null {
  const content = a.content
  const text =
    typeof content === 'string' ? content : Array.isArray(content) ? content.join(' ') : ''
  if (text === '' || !isFiniteNumber(a.xValue) || !isFiniteNumber(a.yValue)) return null
  const font = fontOf(a.font)
  const padding = numberOr(a.padding, LABEL_PADDING)
  const width = measure(text, font) + 2 * padding
  const height = lineHeight(font) + 2 * padding
  const position = (typeof a.position === 'object' && a.position !== null ? a.position : {}) as {
    x?: unknown
    y?: unknown
  }
  const offset = (size: number, p: LabelPosition): number =>
    p === 'start' ? 0 : p === 'end' ? size : size / 2
  const at = toPx(a.xValue, a.yValue)
  const left = at.x - offset(width, positionOf(position.x)) + numberOr(a.xAdjust, 0)
  const top = at.y - offset(height, positionOf(position.y)) + numberOr(a.yAdjust, 0)
  const role = key.replace(/\d+$/, '')
  const items: SceneItem[] = []
  const background = stringOr(a.backgroundColor, 'transparent')
  if (background !== 'transparent') {
    items.push({
      kind: 'rect',
      role: `${role}Box`,
      rect: { x: left, y: top, width, height },
      fill: background
    })
  }
  items.push({
    kind: 'text',
    role,
    text,
    x: left + width / 2,
    y: baselineInBox(top + padding, font),
    anchor: 'middle',
    font,
    color: stringOr(a.color, '#000000'),
    rotation: 0
  })
  return { items, box: { role, x: left, y: top, width, height } }
}

const overlaps = (a: SceneRect, b: SceneRect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The chart config laid out on a page of `size` CSS px (see the file header). */
export function buildScene(
  config: TsaChartConfig,
  size: { width: number; height: number },
  options: SceneOptions = {}
): Scene {
  const measure = options.measureText ?? approximateTextWidth
  const chartOptions = config.options ?? {}
  const plugins = chartOptions.plugins ?? {}
  const locale = typeof chartOptions.locale === 'string' ? chartOptions.locale : 'en'
  const textColor = stringOr(chartOptions.color, '#111111')
  const { width, height } = size
  const padding = numberOr(chartOptions.layout?.padding, 8)
  const x = readAxis(config, 'x', locale)
  const y = readAxis(config, 'y', locale)

  // ---- page layout: title, legend, axes, plot area ----
  let top = padding
  let bottom = height - padding
  const left0 = padding
  const right0 = width - padding
  const chrome: SceneItem[] = []

  const title = plugins.title
  if (title?.display === true && typeof title.text === 'string' && title.text !== '') {
    const font = fontOf(title.font, { ...PLAIN, weight: 'bold' })
    top += TITLE_PADDING
    chrome.push({
      kind: 'text',
      role: 'title',
      text: title.text,
      x: width / 2,
      y: baselineInBox(top, font),
      anchor: 'middle',
      font,
      color: stringOr(title.color, textColor),
      rotation: 0
    })
    top += lineHeight(font) + TITLE_PADDING
  }
  const subtitle = plugins.subtitle
  if (subtitle?.display === true && typeof subtitle.text === 'string' && subtitle.text !== '') {
    const font = fontOf(subtitle.font)
    chrome.push({
      kind: 'text',
      role: 'subtitle',
      text: subtitle.text,
      x: width / 2,
      y: baselineInBox(top, font),
      anchor: 'middle',
      font,
      color: stringOr(subtitle.color, textColor),
      rotation: 0
    })
    top += lineHeight(font) + TITLE_PADDING
  }

  const legend = layoutLegend(config, right0 - left0, measure)
  bottom -= legend.height
  const legendTop = bottom

  const tickFont = PLAIN
  const titleFont = PLAIN
  if (x.title !== null) bottom -= lineHeight(titleFont) + 2 * SCALE_TITLE_PADDING
  bottom -= lineHeight(tickFont) + TICK_PADDING + TICK_LENGTH
  let left = left0
  if (y.title !== null) left += lineHeight(titleFont) + 2 * SCALE_TITLE_PADDING
  const yLabelWidth = Math.max(0, ...y.labels.map((l) => measure(l, tickFont)))
  left += yLabelWidth + TICK_PADDING + TICK_LENGTH
  // room for half of the last x label beyond the plot, and for half a tick label above the top tick
  const xLabelWidths = x.labels.map((l) => measure(l, tickFont))
  const right = right0 - (xLabelWidths.at(-1) ?? 0) / 2
  top = Math.max(top, padding + lineHeight(tickFont) / 2)
  const plotArea: SceneRect = {
    x: left,
    y: top,
    width: Math.max(1, right - left),
    height: Math.max(1, bottom - top)
  }
  const xToPx = (v: number): number =>
    plotArea.x + ((v - x.min) / (x.max - x.min || 1)) * plotArea.width
  const yToPx = (v: number): number =>
    plotArea.y + ((y.max - v) / (y.max - y.min || 1)) * plotArea.height
  const plotBottom = plotArea.y + plotArea.height
  const plotRight = plotArea.x + plotArea.width

  // ---- grid, tick marks, axis lines ----
  const grid: SceneItem[] = []
  x.ticks.forEach((t) => {
    const px = xToPx(t)
    grid.push({
      kind: 'polyline',
      role: 'grid',
      points: [
        { x: px, y: plotArea.y },
        { x: px, y: plotBottom + TICK_LENGTH }
      ],
      stroke: x.gridColor(t),
      width: GRID_WIDTH,
      dash: []
    })
  })
  y.ticks.forEach((t) => {
    const py = yToPx(t)
    grid.push({
      kind: 'polyline',
      role: t === 0 ? 'zeroLine' : 'grid',
      points: [
        { x: plotArea.x - TICK_LENGTH, y: py },
        { x: plotRight, y: py }
      ],
      stroke: y.gridColor(t),
      width: GRID_WIDTH,
      dash: []
    })
  })
  grid.push(
    {
      kind: 'polyline',
      role: 'xAxis',
      points: [
        { x: plotArea.x, y: plotBottom },
        { x: plotRight, y: plotBottom }
      ],
      stroke: x.borderColor,
      width: GRID_WIDTH,
      dash: []
    },
    {
      kind: 'polyline',
      role: 'yAxis',
      points: [
        { x: plotArea.x, y: plotArea.y },
        { x: plotArea.x, y: plotBottom }
      ],
      stroke: y.borderColor,
      width: GRID_WIDTH,
      dash: []
    }
  )

  // ---- tick labels and axis titles ----
  const axisText: SceneItem[] = []
  const xPositions = x.ticks.map(xToPx)
  const shown = thinnedLabels(xPositions, xLabelWidths)
  x.labels.forEach((label, i) => {
    if (!shown.has(i)) return
    axisText.push({
      kind: 'text',
      role: 'xTick',
      text: label,
      x: xPositions[i] ?? 0,
      y: baselineInBox(plotBottom + TICK_LENGTH + TICK_PADDING, tickFont),
      anchor: 'middle',
      font: tickFont,
      color: x.tickColor,
      rotation: 0
    })
  })
  y.labels.forEach((label, i) => {
    axisText.push({
      kind: 'text',
      role: 'yTick',
      text: label,
      x: plotArea.x - TICK_LENGTH - TICK_PADDING,
      y: baselineCentredOn(yToPx(y.ticks[i] ?? 0), tickFont),
      anchor: 'end',
      font: tickFont,
      color: y.tickColor,
      rotation: 0
    })
  })
  if (x.title !== null) {
    axisText.push({
      kind: 'text',
      role: 'xTitle',
      text: x.title,
      x: plotArea.x + plotArea.width / 2,
      y: baselineInBox(
        plotBottom + TICK_LENGTH + TICK_PADDING + lineHeight(tickFont) + SCALE_TITLE_PADDING,
        titleFont
      ),
      anchor: 'middle',
      font: titleFont,
      color: x.titleColor,
      rotation: 0
    })
  }
  if (y.title !== null) {
    // rotated −90°: the baseline runs upwards, the text's top faces left
    axisText.push({
      kind: 'text',
      role: 'yTitle',
      text: y.title,
      x: baselineInBox(left0 + SCALE_TITLE_PADDING, titleFont),
      y: plotArea.y + plotArea.height / 2,
      anchor: 'middle',
      font: titleFont,
      color: y.titleColor,
      rotation: -90
    })
  }

  // ---- datasets: higher `order` first, so the Z-curve (order 0) is on top, as Chart.js draws them ----
  const datasetLayers: SceneLayer[] = config.data.datasets
    .map((d, index) => ({ d, index }))
    .sort((a, b) => numberOr(b.d.order, 0) - numberOr(a.d.order, 0) || b.index - a.index)
    .map(({ d }) => {
      // Chart.js clips a dataset to the plot area, widened by its `clip` (the Z-curve's off-scale triangles)
      const overflow = numberOr(d.clip, 0)
      return {
        clip: {
          x: plotArea.x - overflow,
          y: plotArea.y - overflow,
          width: plotArea.width + 2 * overflow,
          height: plotArea.height + 2 * overflow
        },
        items: datasetItems(d, (p) => ({ x: xToPx(p.x), y: yToPx(p.y) }))
      }
    })

  // ---- annotations (drawn after the datasets, clipped to the plot area) ----
  const annotationItems: SceneItem[] = []
  /** boxes of the labels placed so far (a trial label that would overlap one is left out) */
  const placedLabels: SceneRect[] = []
  const annotations = (plugins.annotation?.annotations ?? {}) as Record<string, AnnotationOptions>
  for (const [key, a] of Object.entries(annotations)) {
    if (a.type === 'line' && a.scaleID === 'x' && isFiniteNumber(a.value)) {
      const px = xToPx(a.value)
      annotationItems.push({
        kind: 'polyline',
        role: key === 'ris' ? 'risLine' : key,
        points: [
          { x: px, y: plotArea.y },
          { x: px, y: plotBottom }
        ],
        stroke: stringOr(a.borderColor, textColor),
        width: numberOr(a.borderWidth, 2),
        dash: dashOf(a.borderDash)
      })
    } else if (a.type === 'label') {
      const label = labelItems(key, a, (vx, vy) => ({ x: xToPx(vx), y: yToPx(vy) }), measure)
      if (label === null) continue
      // Trial names crowd where looks are close together: in print, where no tooltip can tell them apart, a name
      // that would cover another label is left out (in look order: the earlier trial keeps its name).
      if (label.box.role === 'trialLabel' && placedLabels.some((b) => overlaps(b, label.box))) {
        continue
      }
      placedLabels.push(label.box)
      annotationItems.push(...label.items)
    }
  }

  const background = stringOr(plugins.tsaBackground?.color, 'transparent')
  const layers: SceneLayer[] = [
    {
      clip: null,
      items:
        background === 'transparent'
          ? []
          : [
              {
                kind: 'rect',
                role: 'background',
                rect: { x: 0, y: 0, width, height },
                fill: background
              }
            ]
    },
    { clip: null, items: grid },
    ...datasetLayers,
    { clip: plotArea, items: annotationItems },
    {
      clip: null,
      items: [
        ...axisText,
        ...chrome,
        ...drawLegend(legend, legendTop, left0, right0 - left0, textColor)
      ]
    }
  ]
  const toMm = (px: number): number => (px / CSS_PX_PER_INCH) * MM_PER_INCH
  return {
    width,
    height,
    widthMm: options.printedMm?.widthMm ?? toMm(width),
    heightMm: options.printedMm?.heightMm ?? toMm(height),
    background,
    plotArea,
    layers: layers.map((l) => ({
      ...l,
      items: (l.clip === null ? l.items : clipItems(l.items, l.clip, width + height)).filter(
        isDrawable
      )
    })),
    label: options.label ?? 'TSA chart',
    description: options.description ?? '',
    xToPx,
    yToPx
  }
}

// ---- clipping ----

/**
 * The part of segment a→b inside the rectangle, as parameters 0 ≤ t0 ≤ t1 ≤ 1 along it, or null when it misses it
 * (Liang and Barsky, "A new concept and method for line clipping", ACM TOG 3(1), 1984).
 */
export function clipSegment(
  a: ScenePoint,
  b: ScenePoint,
  r: SceneRect
): { t0: number; t1: number } | null {
  const dx = b.x - a.x
  const dy = b.y - a.y
  let t0 = 0
  let t1 = 1
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y]
  ]
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null // parallel to this edge and outside it
    } else {
      const t = q / p
      if (p < 0) t0 = Math.max(t0, t)
      else t1 = Math.min(t1, t)
    }
  }
  return t0 <= t1 ? { t0, t1 } : null
}

/** A polyline cut to the rectangle: the pieces inside, each starting at its place in the dash pattern. */
function clipPolyline(
  line: Extract<SceneItem, { kind: 'polyline' }>,
  r: SceneRect
): Extract<SceneItem, { kind: 'polyline' }>[] {
  const period = line.dash.reduce((sum, d) => sum + d, 0) * (line.dash.length % 2 === 1 ? 2 : 1)
  const pieces: Extract<SceneItem, { kind: 'polyline' }>[] = []
  let piece: ScenePoint[] = []
  let pieceStart = 0
  let travelled = 0 // path length before the current segment
  const at = (a: ScenePoint, b: ScenePoint, t: number): ScenePoint => ({
    x: a.x + t * (b.x - a.x),
    y: a.y + t * (b.y - a.y)
  })
  const close = (): void => {
    if (piece.length > 1) {
      const offset = period > 0 ? pieceStart % period : 0
      pieces.push({ ...line, points: piece, ...(offset > 0 ? { dashOffset: offset } : {}) })
    }
    piece = []
  }
  line.points.forEach((b, i) => {
    const a = line.points[i - 1]
    if (a === undefined) return
    const length = Math.hypot(b.x - a.x, b.y - a.y)
    const inside = clipSegment(a, b, r)
    if (inside === null) {
      close()
    } else {
      if (inside.t0 > 0 || piece.length === 0) {
        close()
        piece = [at(a, b, inside.t0)]
        pieceStart = travelled + inside.t0 * length
      }
      piece.push(at(a, b, inside.t1))
      if (inside.t1 < 1) close()
    }
    travelled += length
  })
  close()
  return pieces
}

/**
 * Items of a clipped layer without their parts far outside the clip: lines cut at its edges (widened by the line
 * width, the renderers' clip paths make the exact cut), markers and labels whose place lies more than `margin` away
 * dropped. Chart.js lets the canvas clip boundaries that run to Z = ±1000 and beyond; SVG viewers and rasterisers
 * should not have to walk millions of pixels of dashes outside the picture (resvg aborts on them).
 */
function clipItems(items: SceneItem[], clip: SceneRect, margin: number): SceneItem[] {
  const grow = (r: SceneRect, by: number): SceneRect => ({
    x: r.x - by,
    y: r.y - by,
    width: r.width + 2 * by,
    height: r.height + 2 * by
  })
  const near = grow(clip, margin)
  const inside = (x: number, y: number, r: SceneRect): boolean =>
    x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height
  return items.flatMap((item): SceneItem[] => {
    switch (item.kind) {
      case 'polyline':
        return clipPolyline(item, grow(clip, item.width))
      case 'marker':
        return inside(item.x, item.y, grow(clip, item.radius + item.strokeWidth)) ? [item] : []
      case 'text':
        return inside(item.x, item.y, near) ? [item] : []
      case 'rect':
        return inside(item.rect.x, item.rect.y, near) ? [item] : []
    }
  })
}

/** Whether every number of an item is finite (a guard: the outputs must never see NaN or Infinity). */
function isDrawable(item: SceneItem): boolean {
  switch (item.kind) {
    case 'polyline':
      return (
        item.points.every((p) => isFiniteNumber(p.x) && isFiniteNumber(p.y)) &&
        isFiniteNumber(item.width) &&
        item.dash.every(isFiniteNumber) &&
        isFiniteNumber(item.dashOffset ?? 0)
      )
    case 'rect':
      return Object.values(item.rect).every(isFiniteNumber)
    case 'marker':
      return [item.x, item.y, item.radius, item.rotation, item.strokeWidth].every(isFiniteNumber)
    case 'text':
      return [item.x, item.y, item.font.size, item.rotation].every(isFiniteNumber)
  }
}

/** A CSS colour as '#rrggbb' and an opacity (for back ends without rgba()); null for 'transparent'. */
export function parseCssColor(color: string): { hex: string; opacity: number } | null {
  const c = color.trim().toLowerCase()
  if (c === 'transparent' || c === 'none') return null
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c)
  if (short) {
    return {
      hex: `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`,
      opacity: 1
    }
  }
  if (/^#[0-9a-f]{6}$/.test(c)) return { hex: c, opacity: 1 }
  const rgb = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(c)
  if (rgb) {
    const hex = [rgb[1], rgb[2], rgb[3]]
      .map((v) =>
        Math.max(0, Math.min(255, Math.round(Number(v))))
          .toString(16)
          .padStart(2, '0')
      )
      .join('')
    const opacity = rgb[4] === undefined ? 1 : Math.max(0, Math.min(1, Number(rgb[4])))
    return { hex: `#${hex}`, opacity }
  }
  const named: Record<string, string> = { black: '#000000', white: '#ffffff' }
  return { hex: named[c] ?? '#000000', opacity: 1 }
}
