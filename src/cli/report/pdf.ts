// A report model laid out as an A4 PDF with pdfkit: DejaVu Sans embedded (α, β, τ², D², ≥ and – render as
// typed), headings kept with what follows, definition lists and tables whose rows never split, the per-look table
// continued over pages under a repeated header row, wrapped text, and a footer with the software, date and page
// number on every page. The TSA chart is drawn by the function it is handed, into the box the layout reserves.
import { fileURLToPath } from 'node:url'
import PDFDocument from 'pdfkit'
import type {
  ReportBlock,
  ReportDefinition,
  ReportModel,
  ReportTable
} from '@shared/report/buildReport'
import { PDF_FONT_NAME, figureFontDir, registerFigureFonts } from '../figure/fonts'
import { pdfBytes } from '../figure/pdf'

/** Where the chart goes, in PDF points from the page's top left. */
export interface FigureBox {
  x: number
  y: number
  width: number
  height: number
}

/** Draws the TSA chart into `box` of the current page (vectors and text, with the fonts it embeds itself). */
export type DrawFigure = (doc: PDFKit.PDFDocument, box: FigureBox) => void

export interface ReportPdfOptions {
  /** the chart's printed size in mm (default 170 × 110, a double journal column); drawn narrower if the page is */
  figureMm?: { widthMm: number; heightMm: number }
}

const MM_TO_PT = 72 / 25.4
const MARGIN = { top: 50, bottom: 56, left: 50, right: 50 }
const TEXT = '#111111'
const MUTED = '#6b6b6b'
const RULE = '#9a9a9a'
const FACES = { body: PDF_FONT_NAME.regular, bold: PDF_FONT_NAME.bold } as const
const SIZE = { title: 17, subtitle: 11, h2: 13, h3: 10.5, body: 9.5, small: 8, table: 7.5 }

/** The report as PDF bytes. `drawFigure` null: the figure's place says that the chart could not be drawn. */
export function renderReportPdf(
  model: ReportModel,
  drawFigure: DrawFigure | null,
  options: ReportPdfOptions = {}
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true, // the footer's "page n of N" is written once every page exists
    // never the standard Helvetica, which has no α, β or τ²
    font: fileURLToPath(new URL('DejaVuSans.ttf', figureFontDir())),
    info: {
      Title: model.title,
      Subject: model.subtitle,
      Creator: `${model.software.name} ${model.software.version}`,
      Producer: `${model.software.name} ${model.software.version}`,
      CreationDate: new Date(model.software.generatedAt)
    }
  })
  // the figure's faces (resources/fonts) under the figure's names: text and chart share one embedded subset each
  registerFigureFonts(doc)
  const done = pdfBytes(doc)
  new ReportLayout(doc, options.figureMm ?? { widthMm: 170, heightMm: 110 }).write(
    model,
    drawFigure
  )
  doc.end()
  return done
}

class ReportLayout {
  private readonly left = MARGIN.left
  private readonly width: number
  /** the heading of the section being written (a table continued on the next page says whose it is) */
  private section = ''

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly figureMm: { widthMm: number; heightMm: number }
  ) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom
  }

  /** The font in use: pdfkit's font() re-opens a registered font on every call (milliseconds each), so switch only on change. */
  private font: 'body' | 'bold' | null = null

  private style(font: 'body' | 'bold', size: number, color = TEXT): PDFKit.PDFDocument {
    if (font !== this.font) {
      this.doc.font(FACES[font])
      this.font = font
    }
    return this.doc.fontSize(size).fillColor(color)
  }

  /** A new page unless `height` more points fit on this one. */
  private ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage()
  }

  /** The height of `text` wrapped to `width` in the current font; one line without the (slow) line wrapper when it fits. */
  private textHeight(text: string, width: number): number {
    if (!text.includes('\n') && this.doc.widthOfString(text) <= width) {
      return this.doc.currentLineHeight(true)
    }
    return this.doc.heightOfString(text, { width })
  }

  /** Flowing text at the left margin (pdfkit continues it on the next page if needed). */
  private paragraph(
    text: string,
    font: 'body' | 'bold',
    size: number,
    color = TEXT,
    gap = 5
  ): void {
    this.style(font, size, color)
    this.ensure(Math.min(this.textHeight(text, this.width), 3 * size * 1.3))
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 })
    this.doc.y += gap
  }

  private rule(y: number, weight = 0.5, color = RULE): void {
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(weight)
      .strokeColor(color)
      .stroke()
  }

  write(model: ReportModel, drawFigure: DrawFigure | null): void {
    const doc = this.doc
    doc.y = MARGIN.top
    this.paragraph(model.title, 'bold', SIZE.title, TEXT, 2)
    this.paragraph(model.subtitle, 'body', SIZE.subtitle, '#333333', 2)
    this.paragraph(
      `${model.software.name} version ${model.software.version} · ${model.software.generatedOn}`,
      'body',
      SIZE.small,
      MUTED,
      4
    )
    this.rule(doc.y, 1.2, TEXT)
    doc.y += 10
    for (const section of model.sections) {
      // a heading is never left alone at the foot of a page
      this.ensure(70)
      this.section = section.heading
      doc.y += 6
      this.paragraph(section.heading, 'bold', SIZE.h2, TEXT, 1)
      this.rule(doc.y)
      doc.y += 5
      for (const block of section.blocks) this.block(block, drawFigure)
    }
    this.footers(model.footer)
  }

  private block(block: ReportBlock, drawFigure: DrawFigure | null): void {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(
          block.text,
          block.role === 'conclusion' ? 'bold' : 'body',
          block.role === 'conclusion' ? SIZE.body + 1 : SIZE.body
        )
      case 'subheading':
        this.ensure(50)
        this.doc.y += 3
        return this.paragraph(block.text, 'bold', SIZE.h3, TEXT, 3)
      case 'definitions':
        return this.definitions(block.rows)
      case 'table':
        return this.table(block.table)
      case 'list':
        return this.list(block.items, block.ordered)
      case 'figure':
        return this.figure(block.caption, drawFigure)
    }
  }

  private definitions(rows: readonly ReportDefinition[]): void {
    const labelWidth = this.width * 0.38
    const valueWidth = this.width - labelWidth - 8
    for (const row of rows) {
      this.style('body', SIZE.body)
      const height =
        Math.max(this.textHeight(row.label, labelWidth), this.textHeight(row.value, valueWidth)) + 4
      this.ensure(height)
      const y = this.doc.y
      const color = row.muted === true ? MUTED : TEXT
      this.style('body', SIZE.body, row.muted === true ? MUTED : '#333333').text(
        row.label,
        this.left,
        y + 2,
        {
          width: labelWidth
        }
      )
      this.style('body', SIZE.body, color).text(row.value, this.left + labelWidth + 8, y + 2, {
        width: valueWidth
      })
      this.doc.y = y + height
      this.rule(this.doc.y, 0.3, '#cccccc')
    }
    this.doc.y += 6
  }

  /**
   * Column widths: what the cells need unwrapped, filling the page; when the page is too narrow, headers and text
   * columns narrow towards their longest word, while numbers, intervals and row names stay on one line.
   */
  private columnWidths(table: ReportTable, pad: number): number[] {
    const widest = (cells: readonly string[], measure: (s: string) => number): number =>
      Math.max(0, ...cells.map(measure))
    const word = (s: string): number => widest(s.split(/\s+/), (w) => this.doc.widthOfString(w))
    const whole = (s: string): number => this.doc.widthOfString(s)
    const natural: number[] = []
    const minimum: number[] = []
    table.columns.forEach((column, i) => {
      const cells = table.rows.map((row) => row[i] ?? '')
      this.style('bold', SIZE.table)
      const header = { whole: whole(column.label), word: word(column.label) }
      this.style('body', SIZE.table)
      const body = { whole: widest(cells, whole), word: widest(cells, word) }
      natural.push(Math.max(header.whole, body.whole) + 2 * pad)
      // numbers, intervals and (up to a third of the page) the row names keep one line
      const oneLine = column.numeric
        ? body.whole
        : i === 0
          ? Math.min(body.whole, this.width / 3)
          : 0
      minimum.push(Math.max(header.word, body.word, oneLine) + 2 * pad)
    })
    const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
    if (sum(natural) <= this.width) return natural.map((w) => (w * this.width) / sum(natural))
    if (sum(minimum) >= this.width) return minimum.map((w) => (w * this.width) / sum(minimum))
    const k = (this.width - sum(minimum)) / (sum(natural) - sum(minimum))
    return natural.map((n, i) => (minimum[i] as number) + (n - (minimum[i] as number)) * k)
  }

  private table(table: ReportTable): void {
    const pad = 2.5
    const widths = this.columnWidths(table, pad)
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
    const rowHeight = (cells: readonly string[], font: 'body' | 'bold'): number => {
      this.style(font, SIZE.table)
      return (
        Math.max(...cells.map((c, i) => this.textHeight(c, (widths[i] as number) - 2 * pad))) +
        2 * pad
      )
    }
    const drawRow = (cells: readonly string[], font: 'body' | 'bold', height: number): void => {
      const y = this.doc.y
      cells.forEach((cell, i) => {
        this.style(font, SIZE.table).text(cell, (xs[i] as number) + pad, y + pad, {
          width: (widths[i] as number) - 2 * pad,
          align: table.columns[i]?.numeric === true ? 'right' : 'left'
        })
      })
      this.doc.y = y + height
    }
    const header = table.columns.map((c) => c.label)
    const headerHeight = rowHeight(header, 'bold')
    const drawHeader = (continued: boolean): void => {
      if (continued) {
        this.style('body', SIZE.small, MUTED).text(
          `${this.section} (continued)`,
          this.left,
          this.doc.y,
          {
            width: this.width
          }
        )
      }
      drawRow(header, 'bold', headerHeight)
      this.rule(this.doc.y, 0.8, TEXT)
    }

    this.style('body', SIZE.small, '#333333')
    const captionHeight = this.textHeight(table.caption, this.width)
    const firstRow = table.rows[0] === undefined ? 0 : rowHeight(table.rows[0], 'body')
    this.ensure(captionHeight + headerHeight + firstRow + 6)
    this.doc.text(table.caption, this.left, this.doc.y, { width: this.width })
    this.doc.y += 2
    drawHeader(false)
    for (const row of table.rows) {
      const height = rowHeight(row, 'body')
      if (this.doc.y + height > this.bottom) {
        // the table goes on on the next page, under its header row again
        this.doc.addPage()
        drawHeader(true)
      }
      drawRow(row, 'body', height)
      this.rule(this.doc.y, 0.3, '#cccccc')
    }
    this.doc.y += 4
    if (table.note !== undefined) this.paragraph(table.note, 'body', SIZE.small, MUTED, 4)
    this.doc.y += 4
  }

  private list(items: readonly string[], ordered: boolean): void {
    const indent = ordered ? 18 : 12
    const size = ordered ? SIZE.small + 0.5 : SIZE.body
    items.forEach((item, k) => {
      this.style('body', size)
      const height = this.textHeight(item, this.width - indent) + 2
      this.ensure(height)
      const y = this.doc.y
      this.doc.text(ordered ? `${k + 1}.` : '•', this.left, y, { width: indent - 3 })
      this.doc.text(item, this.left + indent, y, { width: this.width - indent })
      this.doc.y = y + height
    })
    this.doc.y += 4
  }

  private figure(caption: string, drawFigure: DrawFigure | null): void {
    // at its printed size (fonts as the figure settings made them), narrower only if the page is
    const width = Math.min(this.width, this.figureMm.widthMm * MM_TO_PT)
    const height = (width * this.figureMm.heightMm) / this.figureMm.widthMm
    this.style('body', SIZE.small)
    const captionHeight = this.textHeight(caption, this.width)
    if (drawFigure === null) {
      this.paragraph('The chart could not be drawn for this report.', 'body', SIZE.body, MUTED)
    } else {
      this.ensure(height + captionHeight + 8)
      const box = { x: this.left + (this.width - width) / 2, y: this.doc.y, width, height }
      this.doc.save()
      drawFigure(this.doc, box)
      this.doc.restore()
      this.font = null // the figure sets fonts of its own
      this.doc.y = box.y + height + 4
    }
    this.paragraph(caption, 'body', SIZE.small, '#333333', 6)
  }

  /** "OpenTSA version … · page n of N" at the foot of every page. */
  private footers(footer: string): void {
    const range = this.doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      const y = this.doc.page.height - MARGIN.bottom + 18
      const bottomMargin = this.doc.page.margins.bottom
      this.doc.page.margins.bottom = 0 // writing below the text area must not start a new page
      this.style('body', SIZE.small - 0.5, MUTED)
      this.doc.text(footer, this.left, y, { width: this.width - 70, lineBreak: true })
      this.doc.text(`page ${i + 1} of ${range.count}`, this.left + this.width - 70, y, {
        width: 70,
        align: 'right'
      })
      this.doc.page.margins.bottom = bottomMargin
    }
  }
}
