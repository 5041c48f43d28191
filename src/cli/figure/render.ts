/**
 * The TSA figure of a project, headless, in every format: what `opentsa plot` writes and what a report puts in its
 * pages. One scene per request, measured with the embedded DejaVu Sans, from the same chart config as the app.
 *
 * For a report:
 *   - HTML: `figureSvg({ project, result }, { idPrefix: 'report-figure' })` is an SVG document string; drop its first
 *     line (the XML declaration) to inline it in the page.
 *   - pdfkit: `figurePdfDrawer({ project, result })(doc, { x, y, width })` (points from the page's top left; the
 *     height follows the figure's aspect ratio, `scene.heightMm / scene.widthMm`), or by hand
 *     `registerFigureFonts(doc)` then `drawSceneInPdf(doc, figureScene(request), { x, y, width })`.
 */
import type { TsaResult } from '@engine'
import { figureChartOptions, figureSizeMm } from '@shared/figure/figureOptions'
import type { Scene } from '@shared/figure/scene'
import type { SvgOptions } from '@shared/figure/svg'
import { tsaFigureScene } from '@shared/figure/tsaFigure'
import type { FigureSettings, ProjectFile } from '@shared/projectFile'
import { measureFigureText, registerFigureFonts } from './fonts'
import { drawSceneInPdf, renderScenePdf, type PdfPlacement } from './pdf'
import { renderScenePng, type ScenePng } from './png'
import { svgWithEmbeddedFont } from './svgFonts'

export { drawSceneInPdf, registerFigureFonts, type PdfPlacement }

export interface FigureRequest {
  /** the project's outcome labels and figure settings */
  project: Pick<ProjectFile, 'outcome' | 'figure'>
  result: TsaResult
  /** settings over the project's (the command line's flags) */
  overrides?: FigureSettings
}

/** The figure as a scene of its printed size (the project's, the overrides', or a double journal column). */
export function figureScene({ project, result, overrides = {} }: FigureRequest): Scene {
  return tsaFigureScene({
    result,
    options: figureChartOptions(project, overrides),
    size: figureSizeMm(project, overrides),
    measureText: measureFigureText
  })
}

/** A standalone SVG document of the figure, with subsets of DejaVu Sans embedded (@font-face). */
export function figureSvg(request: FigureRequest, options: SvgOptions = {}): string {
  return svgWithEmbeddedFont(figureScene(request), options)
}

/** A one-page vector PDF of the figure, DejaVu Sans embedded. */
export function figurePdf(request: FigureRequest): Promise<Uint8Array> {
  return renderScenePdf(figureScene(request))
}

/** A PNG of the figure at `dpi`, which its pHYs chunk declares. */
export function figurePng(request: FigureRequest, dpi: number): Promise<ScenePng> {
  return renderScenePng(figureScene(request), dpi)
}

/**
 * A function that draws the figure into a pdfkit document at a place (a report's figure box): it registers the
 * figure's fonts in that document, then draws the figure `width` points wide.
 */
export function figurePdfDrawer(
  request: FigureRequest
): (doc: PDFKit.PDFDocument, place: PdfPlacement) => void {
  const scene = figureScene(request)
  return (doc, place) => {
    registerFigureFonts(doc)
    drawSceneInPdf(doc, scene, { x: place.x, y: place.y, width: place.width })
  }
}
