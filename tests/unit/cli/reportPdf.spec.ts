import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, test } from 'vitest'
import { runTsa } from '@engine'
import { parseProjectFile, type ProjectFile } from '@shared/projectFile'
import { buildReport } from '@shared/report/buildReport'
import { renderReportPdf, type FigureBox } from '../../../src/cli/report/pdf'
import { HAS_PDFTOTEXT, pdfPages } from '../../helpers/pdfText'

const PERIO_OXY = fileURLToPath(
  new URL('../../../resources/examples/perioOxy.opentsa.json', import.meta.url)
)

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-report-'))
})

function perioOxy(): ProjectFile {
  const parsed = parseProjectFile(JSON.parse(readFileSync(PERIO_OXY, 'utf8')))
  if (!parsed.ok) throw new Error(parsed.error.message)
  return parsed.value
}

/** perioOxy with `copies` copies of its trials (renamed), so that the per-look table runs over several pages. */
function manyTrials(copies: number): ProjectFile {
  const base = perioOxy()
  const trials = Array.from({ length: copies }, (_, c) =>
    base.trials.map((t) => ({ ...t, name: `${t.name} #${c + 1}` }))
  ).flat()
  return { ...base, trials } as ProjectFile
}

function modelOf(project: ProjectFile): ReturnType<typeof buildReport> {
  const result = runTsa(project)
  if (!result.ok) throw new Error(result.error.message)
  return buildReport(project, result.value, {
    version: '1.2.3',
    generatedAt: new Date('2025-03-07T10:00:00Z')
  })
}

describe('renderReportPdf', () => {
  test('an A4 PDF with DejaVu Sans embedded, the figure drawn in the box it is given', async () => {
    const boxes: FigureBox[] = []
    const bytes = await renderReportPdf(modelOf(perioOxy()), (doc, box) => {
      boxes.push(box)
      doc.rect(box.x, box.y, box.width, box.height).stroke()
      doc.text('FIGURE-MARK', box.x + 10, box.y + 10)
    })
    const text = Buffer.from(bytes).toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/)
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/)
    expect(text).not.toMatch(/\/BaseFont \/Helvetica/)
    expect(boxes).toHaveLength(1)
    const [box] = boxes as [FigureBox]
    expect(box.width).toBeCloseTo((170 / 25.4) * 72, 1)
    expect(box.height).toBeCloseTo((box.width * 110) / 170, 5)
    expect(box.y + box.height).toBeLessThan(841.89)
    if (HAS_PDFTOTEXT) {
      const path = join(dir, 'figure.pdf')
      writeFileSync(path, bytes)
      expect(pdfPages(path).join(' ')).toContain('FIGURE-MARK')
    }
  })

  test('the chart keeps the printed size of the figure settings (a single column stays 85 mm wide)', async () => {
    const boxes: FigureBox[] = []
    await renderReportPdf(modelOf(perioOxy()), (_doc, box) => boxes.push(box), {
      figureMm: { widthMm: 85, heightMm: 80 }
    })
    const mm = 72 / 25.4
    expect(boxes[0]?.width).toBeCloseTo(85 * mm, 6)
    expect(boxes[0]?.height).toBeCloseTo(80 * mm, 6)
    // centred on the page
    expect((boxes[0]?.x ?? 0) + (boxes[0]?.width ?? 0) / 2).toBeCloseTo(595.28 / 2, 1)
  })

  test.skipIf(!HAS_PDFTOTEXT)(
    'pdftotext finds the headings, α, τ², the conclusion, the last trial and the version',
    async () => {
      const project = perioOxy()
      const model = modelOf(project)
      const path = join(dir, 'report.pdf')
      writeFileSync(path, await renderReportPdf(model, null))
      const text = pdfPages(path).join(' ')
      for (const heading of [
        'Conclusion',
        'TSA chart',
        'Results',
        'Per-look table',
        'Settings',
        'Trials',
        'Methods',
        'References',
        'How to cite'
      ]) {
        expect(text).toContain(heading)
      }
      expect(text).toContain('Type I error (α) 5%')
      expect(text).toContain('τ²')
      expect(text).toContain('D²')
      expect(text).toContain('≥')
      const conclusion = model.sections.find((s) => s.id === 'conclusion')?.blocks[0]
      expect(conclusion?.kind).toBe('paragraph')
      expect(text).toContain(conclusion?.kind === 'paragraph' ? conclusion.text : '—')
      expect(text).toContain(project.trials.at(-1)?.name)
      expect(text).toContain('OpenTSA version 1.2.3')
      expect(text).toContain('The chart could not be drawn for this report.')
      expect(text).not.toMatch(/NaN|undefined|Infinity/)
    }
  )

  test.skipIf(!HAS_PDFTOTEXT)(
    'a long per-look table goes on over pages under its repeated header row; every page has a footer',
    async () => {
      const project = manyTrials(8) // 120 looks
      const path = join(dir, 'long.pdf')
      writeFileSync(path, await renderReportPdf(modelOf(project), null))
      const pages = pdfPages(path)
      const withLooks = pages.filter((p) => /#\d+ [\d,]+ [\d.]+%/.test(p))
      expect(withLooks.length).toBeGreaterThanOrEqual(3)
      for (const page of withLooks) expect(page).toContain('TSA-adjusted CI')
      expect(pages.filter((p) => p.includes('Per-look table (continued)')).length).toBe(
        withLooks.length - 1
      )
      pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} of ${pages.length}`))
      expect(pages.join(' ')).toContain(project.trials.at(-1)?.name)
    }
  )
})
