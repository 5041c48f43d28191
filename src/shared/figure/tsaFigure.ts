/**
 * The headless TSA figure: the app's chart config (buildTsaChartConfig, print palette) laid out as a scene of the
 * requested size, with the text alternative as its accessible name and description. The CLI and the report writer
 * start here; svg.ts turns the scene into SVG, src/cli/figure into PDF and PNG.
 */
import type { TsaResult } from '@engine'
import { buildTsaChartConfig, type TsaChartConfig } from './buildTsaChartConfig'
import type { FigureChartOptions } from './figureOptions'
import { mmToCssPx, type FigureSizeMm } from './figureSize'
import { buildScene, type Scene, type TextMeasure } from './scene'
import { tsaTextAlternative } from './tsaTextAlternative'

export interface TsaFigureRequest {
  result: TsaResult
  options: FigureChartOptions
  size: FigureSizeMm
  /** text widths in the font the output uses (the CLI's embedded DejaVu Sans); default an approximation */
  measureText?: TextMeasure
}

/**
 * The chart config of a headless figure: the print palette on white, and Greek letters in the legend, because
 * every headless output carries a font that has them (the browser's PDF export does not).
 */
export function headlessChartConfig(
  result: TsaResult,
  options: FigureChartOptions
): TsaChartConfig {
  return buildTsaChartConfig(result, { greekLetters: true, ...options, theme: 'print' })
}

/**
 * The narrowest layout, in CSS px. A single journal column (85 mm = 321 px) is laid out this wide and printed at
 * 321/400 of it: the chart's 12-px text then prints at 7.2 pt, within journals' usual 6–8 pt minimum, and the plot
 * keeps room beside the axis labels and legend.
 */
export const MIN_LAYOUT_WIDTH_PX = 400

/** The figure as a scene of the requested printed size in mm. */
export function tsaFigureScene(request: TsaFigureRequest): Scene {
  const { result, options, size } = request
  const alternative = tsaTextAlternative(result, {
    ...(options.informationUnit === undefined ? {} : { informationUnit: options.informationUnit }),
    ...(options.locale === undefined ? {} : { locale: options.locale })
  })
  const printedWidth = mmToCssPx(size.widthMm)
  const layoutScale = Math.max(1, MIN_LAYOUT_WIDTH_PX / printedWidth)
  return buildScene(
    headlessChartConfig(result, options),
    { width: printedWidth * layoutScale, height: mmToCssPx(size.heightMm) * layoutScale },
    {
      ...(request.measureText === undefined ? {} : { measureText: request.measureText }),
      printedMm: size,
      label: options.title ?? alternative.label,
      description: [alternative.summary, ...alternative.looks].join('\n')
    }
  )
}
