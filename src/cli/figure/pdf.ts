/**
 * A scene (shared/figure/scene.ts) drawn with pdfkit: vector paths for every line and marker, text in DejaVu Sans,
 * embedded as a TrueType subset (FontFile2), so α, β, τ², ≥ print as they should on any machine.
 *
 * drawSceneInPdf draws into any pdfkit document at a given place and width (the report writer puts the figure on
 * its own pages this way); renderScenePdf makes a one-page PDF of the figure's own size.
 */
import PDFDocument from 'pdfkit'
import { MM_PER_INCH, PT_PER_INCH } from '@shared/figure/figureSize'
import { parseCssColor, type Scene, type SceneItem } from '@shared/figure/scene'
import { trianglePoints } from '@shared/figure/svg'
import { PDF_FONT_NAME, faceOf, registerFigureFonts } from './fonts'

/** Where a scene goes on a page, in PDF points from the top left; the height follows the scene's aspect ratio. */
export interface PdfPlacement {
  x: number
  y: number
  width: number
}

const mmToPt = (mm: number): number => (mm / MM_PER_INCH) * PT_PER_INCH

/** pdfkit 0.20 takes a whole dash array (`dash([8, 3, 2, 3])`); @types/pdfkit knows only `dash(length, {space})`. */
const setDash = (doc: PDFKit.PDFDocument, pattern: number[], phase: number): void => {
  ;(doc as unknown as { dash(pattern: number[], options: object): void }).dash(pattern, { phase })
}

function strokeStyle(
  doc: PDFKit.PDFDocument,
  color: string,
  width: number,
  dash: number[],
  dashOffset = 0
): boolean {
  const c = parseCssColor(color)
  if (c === null || !(width > 0)) return false
  doc.lineWidth(width).strokeColor(c.hex, c.opacity).lineCap('butt').lineJoin('miter')
  // pdfkit rejects zero-length dashes; a pattern with one is drawn solid
  if (dash.length > 0 && dash.every((d) => d > 0)) setDash(doc, dash, dashOffset)
  else doc.undash()
  return true
}

function drawItem(doc: PDFKit.PDFDocument, item: SceneItem): void {
  switch (item.kind) {
    case 'polyline': {
      const [first, ...rest] = item.points
      if (
        first === undefined ||
        !strokeStyle(doc, item.stroke, item.width, item.dash, item.dashOffset)
      ) {
        return
      }
      doc.moveTo(first.x, first.y)
      for (const p of rest) doc.lineTo(p.x, p.y)
      doc.stroke()
      return
    }
    case 'rect': {
      const fill = parseCssColor(item.fill)
      if (fill === null) return
      doc.rect(item.rect.x, item.rect.y, item.rect.width, item.rect.height)
      doc.fillColor(fill.hex, fill.opacity).fill()
      return
    }
    case 'marker': {
      if (item.shape === 'circle') doc.circle(item.x, item.y, item.radius)
      else {
        doc.polygon(
          ...trianglePoints(item.x, item.y, item.radius, item.rotation).map(
            (p) => [p.x, p.y] as [number, number]
          )
        )
      }
      const fill = parseCssColor(item.fill)
      const stroked = strokeStyle(doc, item.stroke, item.strokeWidth, [])
      if (fill !== null) doc.fillColor(fill.hex, fill.opacity)
      if (fill !== null && stroked) doc.fillAndStroke()
      else if (fill !== null) doc.fill()
      else if (stroked) doc.stroke()
      return
    }
    case 'text': {
      const color = parseCssColor(item.color)
      if (color === null || item.text === '') return
      doc.font(PDF_FONT_NAME[faceOf(item.font)]).fontSize(item.font.size)
      doc.fillColor(color.hex, color.opacity)
      const width = doc.widthOfString(item.text)
      const dx = item.anchor === 'middle' ? -width / 2 : item.anchor === 'end' ? -width : 0
      doc.save()
      if (item.rotation !== 0) doc.rotate(item.rotation, { origin: [item.x, item.y] })
      // one line at the given baseline: no wrapping, no page breaks
      doc.text(item.text, item.x + dx, item.y, { lineBreak: false, baseline: 'alphabetic' })
      doc.restore()
      return
    }
  }
}

/**
 * Draws the scene into a pdfkit document (which must have the figure fonts registered: registerFigureFonts) at
 * `placement`; by default at the top left corner, at its printed size.
 */
export function drawSceneInPdf(
  doc: PDFKit.PDFDocument,
  scene: Scene,
  placement: PdfPlacement = { x: 0, y: 0, width: mmToPt(scene.widthMm) }
): void {
  doc.save()
  doc.translate(placement.x, placement.y)
  doc.scale(placement.width / scene.width)
  for (const layer of scene.layers) {
    doc.save()
    if (layer.clip !== null) {
      doc.rect(layer.clip.x, layer.clip.y, layer.clip.width, layer.clip.height).clip()
    }
    for (const item of layer.items) drawItem(doc, item)
    doc.restore()
  }
  doc.restore()
}

/** The bytes of a pdfkit document once it is ended (call before drawing: pdfkit streams as it goes). */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  return new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
}

export interface ScenePdfOptions {
  /** PDF Title; default the scene's label */
  title?: string
  /** compress the content streams (default true; tests read them uncompressed too) */
  compress?: boolean
}

/** A one-page PDF of the scene: page = figure, at its printed size. */
export function renderScenePdf(scene: Scene, options: ScenePdfOptions = {}): Promise<Uint8Array> {
  const width = mmToPt(scene.widthMm)
  const height = mmToPt(scene.heightMm)
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    compress: options.compress ?? true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: options.title ?? scene.label,
      Subject: scene.description.split('\n')[0] ?? '', // the summary; the looks are in the figure
      Creator: 'OpenTSA'
    }
  })
  registerFigureFonts(doc)
  const done = pdfBytes(doc)
  drawSceneInPdf(doc, scene)
  doc.end()
  return done
}
