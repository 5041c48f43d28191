import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLValidator } from 'fast-xml-parser'
import { beforeEach, describe, expect, test } from 'vitest'
import { parseProjectFile, type ProjectFile } from '@shared/projectFile'
import { runCli as run } from '../../helpers/cli'
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

describe('opentsa report', () => {
  test('--out report.html: one standalone, well-formed HTML file with every section', async () => {
    const out = join(dir, 'report.html')
    const r = await run('report', PERIO_OXY, '--out', out)
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/^wrote .*report\.html \(HTML report, 8 sections\)$/)
    const html = readFileSync(out, 'utf8')
    expect(XMLValidator.validate(html.replace(/^<!DOCTYPE html>\n/, ''))).toBe(true)
    expect(html).toContain('<h1>Perioperative oxygen and surgical site infection</h1>')
    expect(html).toContain('data-setting="monitoring.ris.controlRisk"')
    expect(html).toContain('<h2 id="h-methods">Methods</h2>')
    // the chart as opentsa plot draws it, inline, at the project's figure size
    expect(html).toMatch(
      /<figure>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="170mm" height="110mm"/
    )
    expect(html).toContain('<title id="report-figure-title">TSA chart')
    expect(html).not.toContain('The chart could not be drawn')
    expect(html).not.toMatch(/<script|NaN|undefined|Infinity/)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  test('--out report.pdf writes a PDF; --json prints the report content only', async () => {
    const out = join(dir, 'report.pdf')
    const r = await run('report', PERIO_OXY, '--out', out, '--json')
    expect(r.code, r.err).toBe(0)
    const printed = JSON.parse(r.out)
    expect(printed).toMatchObject({ out, format: 'pdf' })
    expect(printed.bytes).toBe(readFileSync(out).byteLength)
    expect(printed.report.settings.length).toBeGreaterThan(40)
    expect(printed.report.software.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    if (HAS_PDFTOTEXT) {
      const text = pdfPages(out).join(' ')
      expect(text).toContain('Thibon 2012')
      // the chart's own texts, drawn in the PDF as vectors and text
      expect(text).toContain('Cumulative Z-score')
      expect(text).toMatch(/RIS = 13,281 participants/)
      expect(text).not.toContain('The chart could not be drawn')
    }
  })

  test.each([
    [
      ['--out', 'report.docx'],
      /^opentsa report: --out: unknown file type "\.docx" \(use \.html or \.pdf\)$/
    ],
    [[], /^opentsa report: --out REPORT\.html\|REPORT\.pdf is required$/],
    [['--out', 'r.html', '--dpi', '300'], /^opentsa report: .*'--dpi'/]
  ])('bad flags %j: exit 2 and one line naming the flag', async (flags, message) => {
    const r = await run(
      'report',
      PERIO_OXY,
      ...flags.map((f) => (f.includes('.') ? join(dir, f) : f))
    )
    expect(r.code).toBe(2)
    expect(r.err.split('\n')).toHaveLength(1)
    expect(r.err).toMatch(message)
    expect(r.out).toBe('')
  })

  test('an unwritable --out and an invalid project: one line each, nothing written', async () => {
    const missingFolder = join(dir, 'no-such-folder', 'report.pdf')
    const unwritable = await run('report', PERIO_OXY, '--out', missingFolder)
    expect(unwritable.code).toBe(2)
    expect(unwritable.err).toMatch(/^opentsa report: --out: cannot write .*report\.pdf: ENOENT$/)
    expect(existsSync(missingFolder)).toBe(false)

    const keep = join(dir, 'keep.html')
    writeFileSync(keep, 'precious')
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ ...perioOxy(), monitoring: { alpha: 2 } }))
    const invalid = await run('report', bad, '--out', keep)
    expect(invalid.code).toBe(2)
    expect(invalid.err).toMatch(/monitoring\.alpha/)
    expect(readFileSync(keep, 'utf8')).toBe('precious')
  })
})
