/**
 * The figure's embedded font: DejaVu Sans (regular, bold, oblique) from resources/fonts, copied from the
 * dejavu-fonts-ttf package with its licence (Bitstream Vera licence; DejaVu changes public domain). It has every
 * character the figure uses, α, β, τ², D², ≥ and − included. The PDF embeds a subset of it, the PNG is rasterised
 * with it, and text is measured with it so that the layout fits the glyphs that are drawn.
 */
import { readFileSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import type { SceneFont, TextMeasure } from '@shared/figure/scene'

export type FigureFontFace = 'regular' | 'bold' | 'oblique'

const FILES: Record<FigureFontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf'
}

/**
 * The folder of the font files: resolved from this module (the CLI runs the sources through tsx, from any working
 * directory); the desktop app's bundled main process sets its own (resources/ beside the app) with useFigureFontDir.
 */
let fontDir = new URL('../../../resources/fonts/', import.meta.url)

export const figureFontDir = (): URL => fontDir

/** Where the font files are, for a host whose code does not sit in src/cli (the Electron main bundle). */
export function useFigureFontDir(dir: URL): void {
  const next = new URL(dir.href.endsWith('/') ? dir.href : `${dir.href}/`)
  if (next.href === fontDir.href) return // the fonts already read stay
  fontDir = next
  cache = null
}

/** The face that draws a scene font (bold italic is drawn bold: the figure has none). */
export const faceOf = (font: SceneFont): FigureFontFace =>
  font.weight === 'bold' ? 'bold' : font.style === 'italic' ? 'oblique' : 'regular'

let cache: Record<FigureFontFace, Uint8Array> | null = null

/** The three TrueType files' bytes, read once (plain Uint8Arrays: their slice() copies, a Buffer's would not). */
export function figureFonts(): Record<FigureFontFace, Uint8Array> {
  const read = (face: FigureFontFace): Uint8Array =>
    new Uint8Array(readFileSync(new URL(FILES[face], fontDir)))
  cache ??= { regular: read('regular'), bold: read('bold'), oblique: read('oblique') }
  return cache
}

/** PDF font names of the faces, as registered by registerFigureFonts. */
export const PDF_FONT_NAME: Record<FigureFontFace, string> = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  oblique: 'DejaVuSans-Oblique'
}

/** Registers the faces in a pdfkit document under PDF_FONT_NAME (nothing is embedded until text uses them). */
export function registerFigureFonts(doc: PDFKit.PDFDocument): void {
  const fonts = figureFonts()
  for (const face of Object.keys(PDF_FONT_NAME) as FigureFontFace[]) {
    doc.registerFont(PDF_FONT_NAME[face], Buffer.from(fonts[face]))
  }
}

let measuringDoc: PDFKit.PDFDocument | null = null

/**
 * Text widths in CSS px with DejaVu Sans's own advances and kerning (pdfkit's layout through fontkit, as the PDF
 * draws them; resvg shapes the PNG's text with the same font).
 */
export const measureFigureText: TextMeasure = (text, font) => {
  if (measuringDoc === null) {
    measuringDoc = new PDFDocument({ autoFirstPage: false })
    registerFigureFonts(measuringDoc)
  }
  return measuringDoc.font(PDF_FONT_NAME[faceOf(font)]).fontSize(font.size).widthOfString(text)
}
