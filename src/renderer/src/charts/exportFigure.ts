/**
 * Figure export of the TSA chart: PNG at a given dpi, SVG, and vector PDF (ecosystem.md §3.3, checked in Chromium).
 *
 *   - Every export uses the PRINT palette on white, whatever the UI theme (ecosystem.md §4).
 *   - PNG: a second, off-screen Chart on a detached canvas of the CSS size wanted, with responsive: false,
 *     animation: false and devicePixelRatio = dpi / 96 (CSS px are 1/96 in), so 800×500 CSS px at 300 dpi gives
 *     2500×1562 device px; then @shared/figure/pngDpi writes the pHYs chunk so that the file says 300 dpi.
 *   - SVG: Chart.js drawing into svgcanvas's Context, with the two required workarounds: `platform: BasicPlatform`
 *     (the DOM platform throws "parameter 1 is not of type 'Element'") and
 *     `options.datasets.line.segment = { borderColor: () => undefined }` (without a segment option Chart.js strokes
 *     lines from a native Path2D that svgcanvas cannot replay, and every line vanishes; zenozeng/svgcanvas#25).
 *   - PDF: the SVG above, through svg2pdf.js into jsPDF: vectors, page = figure size. jsPDF's standard fonts
 *     (Helvetica, WinAnsi) are not embedded; chart texts are kept to WinAnsi characters (see format.ts).
 *
 * The drawing functions need a real browser (canvas 2D); `exportChartConfig` and `pngDevicePixelRatio` are
 * pure and unit-tested; sizes in mm are converted by @shared/figure/figureSize.
 */
import { BasicPlatform } from 'chart.js'
import type { TsaResult } from '@engine'
import {
  buildTsaChartConfig,
  type TsaChartConfig,
  type TsaChartOptions
} from '@shared/figure/buildTsaChartConfig'
import { CSS_PX_PER_INCH, PT_PER_INCH, type FigureSize } from '@shared/figure/figureSize'
import { paletteFor } from '@shared/figure/palette'
import { withPngDpi } from '@shared/figure/pngDpi'
import { registerTsaChart } from './registerChartJs'
import { tsaTextAlternative } from '@shared/figure/tsaTextAlternative'

/** Chart options of an export: everything but the theme, which is always 'print'. */
export type TsaExportChartOptions = Omit<TsaChartOptions, 'theme'>

export interface PngExportOptions extends FigureSize {
  /** dots per inch written into the file and used for the pixel size; 150, 300 or 600 are typical */
  dpi: number
}

/** devicePixelRatio that renders a CSS-px figure at `dpi`. */
export function pngDevicePixelRatio(dpi: number): number {
  if (!Number.isFinite(dpi) || dpi <= 0) throw new RangeError(`dpi must be positive, got ${dpi}`)
  return dpi / CSS_PX_PER_INCH
}

/**
 * The chart config of an export (pure): print palette on white, fixed size (responsive off), no animation,
 * no events or tooltips, BasicPlatform (works on a detached canvas and on svgcanvas), the given devicePixelRatio,
 * and for SVG the line `segment` workaround.
 */
export function exportChartConfig(
  result: TsaResult,
  options: TsaExportChartOptions,
  target: { devicePixelRatio: number; svg: boolean }
): TsaChartConfig {
  const base = buildTsaChartConfig(result, { ...options, theme: 'print' })
  const baseOptions = base.options ?? {}
  return {
    ...base,
    platform: BasicPlatform,
    options: {
      ...baseOptions,
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: target.devicePixelRatio,
      events: [],
      ...(target.svg
        ? // forces direct path drawing instead of a cached Path2D, which svgcanvas cannot replay
          { datasets: { line: { segment: { borderColor: () => undefined } } } }
        : {}),
      plugins: {
        ...baseOptions.plugins,
        tsaBackground: { color: paletteFor('print').background },
        tooltip: { ...baseOptions.plugins?.tooltip, enabled: false }
      }
    }
  }
}

/**
 * Draws the config once onto a canvas(-like) target, reads the output, then destroys the chart.
 * The output must be read BEFORE destroy(): Chart.destroy() clears the canvas (and empties an svgcanvas Context).
 */
function drawOnce<T>(target: unknown, config: TsaChartConfig, read: () => T): T {
  const Chart = registerTsaChart()
  const chart = new Chart(target as HTMLCanvasElement, config)
  try {
    // BasicPlatform counts as attached and animation is off, so the constructor has drawn synchronously
    if (!chart.ctx) throw new Error('export: no 2D context for the chart')
    return read()
  } finally {
    chart.destroy()
  }
}

function checkSize(size: FigureSize): void {
  for (const v of [size.width, size.height]) {
    if (!Number.isFinite(v) || v < 16 || v > 20000) {
      throw new RangeError(`figure size must be 16–20000 CSS px, got ${size.width}×${size.height}`)
    }
  }
}

/** The bytes of a base64 data URL. */
function dataUrlBytes(dataUrl: string): Uint8Array<ArrayBuffer> {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

/** PNG of the chart at `dpi` (pixel size = CSS size × dpi/96), with the dpi written in its pHYs chunk. */
export async function exportPng(
  result: TsaResult,
  options: TsaExportChartOptions,
  png: PngExportOptions
): Promise<Blob> {
  checkSize(png)
  const devicePixelRatio = pngDevicePixelRatio(png.dpi)
  const canvas = document.createElement('canvas')
  // BasicPlatform reads the CSS size from the canvas's own width/height; retinaScale then multiplies them by the DPR
  canvas.width = Math.round(png.width)
  canvas.height = Math.round(png.height)
  const raw = drawOnce(
    canvas,
    exportChartConfig(result, options, { devicePixelRatio, svg: false }),
    () => canvas.toDataURL('image/png')
  )
  return new Blob([withPngDpi(dataUrlBytes(raw), png.dpi)], {
    type: 'image/png'
  })
}

/** The chart drawn by Chart.js into svgcanvas; the SVG root gets <title>/<desc> from the text alternative. */
/**
 * svgcanvas logs "Attempted to apply path command to node text" when a path command follows fillText without a
 * beginPath (the annotation plugin's labels do this); it then starts a new path itself, and the SVG is complete
 * (checked by eye and by the e2e test). Only that exact message is held back while the chart is drawn.
 */
const SVGCANVAS_NOISE = 'Attempted to apply path command to node' // svgcanvas logs it with the node name: 'text'

function withoutSvgcanvasTextNoise<T>(draw: () => T): T {
  const original = console.error
  console.error = (...args: unknown[]): void => {
    if (args.length === 2 && args[0] === SVGCANVAS_NOISE && args[1] === 'text') return
    original(...args)
  }
  try {
    return draw()
  } finally {
    console.error = original
  }
}

async function renderSvg(
  result: TsaResult,
  options: TsaExportChartOptions,
  size: FigureSize
): Promise<SVGSVGElement> {
  checkSize(size)
  const { Context } = await import('svgcanvas')
  const width = Math.round(size.width)
  const height = Math.round(size.height)
  const ctx = new Context({ width, height })
  const fakeCanvas = { getContext: () => ctx } // BasicPlatform calls getContext('2d'); chart.canvas = ctx.canvas
  const svg = withoutSvgcanvasTextNoise(() =>
    drawOnce(
      fakeCanvas,
      exportChartConfig(result, options, { devicePixelRatio: 1, svg: true }),
      () => ctx.getSvg().cloneNode(true) as SVGSVGElement
    )
  )
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`)
  const alt = tsaTextAlternative(result, withUnit(options))
  const ns = 'http://www.w3.org/2000/svg'
  const title = svg.ownerDocument.createElementNS(ns, 'title')
  title.textContent = alt.label
  const desc = svg.ownerDocument.createElementNS(ns, 'desc')
  desc.textContent = [alt.summary, ...alt.looks].join('\n')
  svg.insertBefore(desc, svg.firstChild)
  svg.insertBefore(title, desc)
  return svg
}

function withUnit(options: TsaExportChartOptions): { informationUnit?: string; locale?: string } {
  return {
    ...(options.informationUnit !== undefined ? { informationUnit: options.informationUnit } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {})
  }
}

/** Standalone SVG document text (UTF-8) of the chart. */
export async function exportSvg(
  result: TsaResult,
  options: TsaExportChartOptions,
  size: FigureSize
): Promise<string> {
  const svg = await renderSvg(result, options, size)
  // XMLSerializer writes only XML's predefined entities, so the text is a valid standalone SVG
  const text = new XMLSerializer().serializeToString(svg)
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${text}`
}

/** Vector PDF of the chart, one page of the figure's size (CSS px × 72/96 pt). */
export async function exportPdf(
  result: TsaResult,
  options: TsaExportChartOptions,
  size: FigureSize
): Promise<ArrayBuffer> {
  const svg = await renderSvg(result, options, size)
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')])
  const w = (size.width * PT_PER_INCH) / CSS_PX_PER_INCH
  const h = (size.height * PT_PER_INCH) / CSS_PX_PER_INCH
  const doc = new jsPDF({
    unit: 'pt',
    format: [w, h],
    orientation: w >= h ? 'landscape' : 'portrait',
    compress: true
  })
  const alt = tsaTextAlternative(result, withUnit(options))
  doc.setProperties({
    title: options.title ?? alt.label,
    subject: alt.summary,
    creator: 'OpenTSA'
  })
  await svg2pdf(svg, doc, { x: 0, y: 0, width: w, height: h })
  return doc.output('arraybuffer')
}
