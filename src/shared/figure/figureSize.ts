/**
 * Figure sizes: millimetres (what journals ask for), CSS px (the unit of the chart's fonts and line widths, 1/96 in),
 * PDF points (1/72 in) and device pixels at a given dpi. Used by the browser's exports and the headless figure alike.
 */

export const MM_PER_INCH = 25.4
/** CSS reference pixels per inch (CSS Values 4: 1in = 96px). */
export const CSS_PX_PER_INCH = 96
/** PDF points per inch. */
export const PT_PER_INCH = 72

/** The sizes a figure may have, in mm (a stamp to a poster panel); the project file and the CLI check them. */
export const FIGURE_MM = { min: 20, max: 500 } as const

export type JournalPreset = 'single' | 'double'

/**
 * Journal columns: most journals print a single column about 85 mm wide and a double (full page width) column about
 * 170 mm (e.g. BMJ, Lancet, Elsevier's 90/190 mm). The heights leave the plot roughly as wide as tall in a single
 * column, where the legend takes more rows, and at about 3:2 in a double one.
 */
export const JOURNAL_PRESETS: Record<JournalPreset, FigureSizeMm> = {
  single: { widthMm: 85, heightMm: 80 },
  double: { widthMm: 170, heightMm: 110 }
}

export interface FigureSizeMm {
  widthMm: number
  heightMm: number
}

/** What a caller asked for; any part may be missing. */
export interface FigureSizeRequest {
  preset?: JournalPreset | undefined
  widthMm?: number | undefined
  heightMm?: number | undefined
}

/**
 * The size in mm from requests in order of precedence (e.g. command-line flags, then the project's figure settings):
 * each dimension comes from the first request that gives it explicitly or through its preset; the double column
 * is the default.
 */
export function resolveFigureSizeMm(
  ...requests: readonly (FigureSizeRequest | undefined)[]
): FigureSizeMm {
  const pick = (dimension: keyof FigureSizeMm): number => {
    for (const r of requests) {
      const explicit = r?.[dimension]
      if (explicit !== undefined) return explicit
      if (r?.preset !== undefined) return JOURNAL_PRESETS[r.preset][dimension]
    }
    return JOURNAL_PRESETS.double[dimension]
  }
  return { widthMm: pick('widthMm'), heightMm: pick('heightMm') }
}

/** A length in mm as CSS px (unrounded). */
export const mmToCssPx = (mm: number): number => (mm / MM_PER_INCH) * CSS_PX_PER_INCH

/** Figure size in CSS px (1/96 in). Fonts and line widths are in CSS px too, so this sets their relative size. */
export interface FigureSize {
  width: number
  height: number
}

/** A journal's figure size in millimetres as whole CSS px (e.g. 170 × 110 mm, a double column). */
export function figureSizeFromMm(widthMm: number, heightMm: number): FigureSize {
  return { width: Math.round(mmToCssPx(widthMm)), height: Math.round(mmToCssPx(heightMm)) }
}

/** Device pixels of a length in mm at `dpi` (whole pixels, at least 1). */
export const mmToDevicePx = (mm: number, dpi: number): number =>
  Math.max(1, Math.round((mm / MM_PER_INCH) * dpi))
