// opentsa plot: the figure files, the project's figure settings under the flags, one-line errors naming the flag,
// atomic writes.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, test } from 'vitest'
import { pngDpi, pngSize } from '../../../src/shared/figure/pngDpi'
import { runCli as run } from '../../helpers/cli'

const PERIO_OXY = fileURLToPath(
  new URL('../../../resources/examples/perioOxy.opentsa.json', import.meta.url)
)

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'opentsa-plot-'))
})

/** perioOxy with a `figure` object in it. */
function projectWithFigure(figure: Record<string, unknown>): string {
  const path = join(dir, 'figure-project.json')
  const project = JSON.parse(readFileSync(PERIO_OXY, 'utf8')) as Record<string, unknown>
  writeFileSync(path, JSON.stringify({ ...project, figure }))
  return path
}

describe('opentsa plot writes the figure', () => {
  test('PNG at the requested dpi and size; --json says where, what and how big', async () => {
    const out = join(dir, 'chart.png')
    const r = await run('plot', PERIO_OXY, '--out', out, '--dpi', '150', '--json')
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toEqual({
      out,
      format: 'png',
      widthMm: 170,
      heightMm: 110,
      widthPx: 1004,
      heightPx: 650,
      dpi: 150
    })
    const png = readFileSync(out)
    expect(pngSize(png)).toEqual({ width: 1004, height: 650 })
    expect(pngDpi(png)).toBeCloseTo(150, 1)
  })

  test('SVG and PDF, vectors; --json without pixels', async () => {
    const svg = join(dir, 'chart.svg')
    const r = await run('plot', PERIO_OXY, '--out', svg, '--json')
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toEqual({ out: svg, format: 'svg', widthMm: 170, heightMm: 110 })
    expect(readFileSync(svg, 'utf8')).toMatch(/<path data-role="zCurve"/)

    const pdf = join(dir, 'chart.pdf')
    const p = await run('plot', PERIO_OXY, '--out', pdf)
    expect(p.code, p.err).toBe(0)
    expect(p.out).toBe(`wrote ${pdf}`)
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  test('--preset single is 85 mm wide; --width-mm and --height-mm win over it', async () => {
    const out = join(dir, 'single.png')
    const single = await run('plot', PERIO_OXY, '--out', out, '--preset', 'single', '--json')
    expect(JSON.parse(single.out)).toMatchObject({ widthMm: 85, heightMm: 80, widthPx: 1004 })
    const custom = await run(
      'plot',
      PERIO_OXY,
      ...['--out', out, '--preset', 'single', '--width-mm', '120', '--height-mm', '90', '--json']
    )
    expect(JSON.parse(custom.out)).toMatchObject({ widthMm: 120, heightMm: 90, widthPx: 1417 })
  })

  test('the project’s figure settings apply, and the flags override them one by one', async () => {
    const project = projectWithFigure({
      title: 'From the project',
      palette: 'grey',
      xLabel: 'Participants randomised',
      preset: 'single'
    })
    const out = join(dir, 'settings.svg')
    expect((await run('plot', project, '--out', out)).code).toBe(0)
    const fromProject = readFileSync(out, 'utf8')
    expect(fromProject).toContain('>From the project</text>')
    expect(fromProject).toContain('>Participants randomised</text>')
    expect(fromProject).toMatch(/data-role="zCurve"[^>]*stroke="#000000"/) // grey scheme: black curve
    expect(fromProject).toMatch(/width="85mm"/)

    const r = await run(
      'plot',
      project,
      ...['--out', out, '--title', 'From a flag', '--palette', 'colourBlind', '--y-label', 'Z']
    )
    expect(r.code, r.err).toBe(0)
    const flagged = readFileSync(out, 'utf8')
    expect(flagged).toContain('>From a flag</text>')
    expect(flagged).toContain('>Participants randomised</text>') // not overridden: kept
    expect(flagged).toContain('>Z</text>')
    expect(flagged).toMatch(/data-role="zCurve"[^>]*stroke="#0072B2"/)
  })

  test('--trial-labels and the favours labels', async () => {
    const out = join(dir, 'labels.svg')
    const r = await run(
      'plot',
      PERIO_OXY,
      ...[
        '--out',
        out,
        '--trial-labels',
        '--intervention-label',
        'high FiO₂',
        '--control-label',
        'low FiO₂'
      ]
    )
    expect(r.code, r.err).toBe(0)
    const svg = readFileSync(out, 'utf8')
    expect(svg).toContain('data-role="trialLabel"')
    expect(svg).toContain('>Favours high FiO₂</text>')
    expect(svg).toContain('>Favours low FiO₂</text>')
  })

  test('--help describes the flags', async () => {
    const r = await run('plot', '--help')
    expect(r.code).toBe(0)
    for (const flag of ['--out', '--dpi', '--preset', '--width-mm', '--height-mm', '--title']) {
      expect(r.out).toContain(flag)
    }
  })
})

describe('opentsa plot refuses bad input with one line naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['--dpi', 'abc'], /^opentsa plot: --dpi: "abc" is not a number$/],
    [['--dpi', '10'], /^opentsa plot: --dpi must be between 72 and 1200, got 10$/],
    [['--width-mm', '5'], /^opentsa plot: --width-mm must be between 20 and 500, got 5$/],
    [['--height-mm', '1e9'], /^opentsa plot: --height-mm must be between 20 and 500/],
    [
      ['--palette', 'rainbow'],
      /^opentsa plot: --palette must be colourBlind or grey, got "rainbow"$/
    ],
    [['--preset', 'triple'], /^opentsa plot: --preset must be single or double, got "triple"$/],
    [['--colour', 'red'], /^opentsa plot: .*'--colour'/],
    [
      ['--width-mm', '500', '--height-mm', '500', '--dpi', '1200'],
      /^opentsa plot: --dpi: 1200 dpi makes 558 megapixels/
    ]
  ]
  test.each(cases)('%j', async (flags, message) => {
    const out = join(dir, 'never.png')
    const r = await run('plot', PERIO_OXY, '--out', out, ...flags)
    expect(r.code).toBe(2)
    expect(r.err.split('\n')).toHaveLength(1)
    expect(r.err).toMatch(message)
    expect(readdirSync(dir)).toEqual([])
  })

  test('--out is required and must be .png, .svg or .pdf', async () => {
    expect((await run('plot', PERIO_OXY)).err).toBe(
      'opentsa plot: --out FIGURE.png|.svg|.pdf is required'
    )
    const gif = await run('plot', PERIO_OXY, '--out', join(dir, 'x.gif'))
    expect(gif.code).toBe(2)
    expect(gif.err).toBe('opentsa plot: --out: unknown file type ".gif" (use .png, .svg or .pdf)')
  })

  test('exactly one project file', async () => {
    const r = await run('plot', PERIO_OXY, PERIO_OXY, '--out', join(dir, 'x.svg'))
    expect(r.err).toBe('opentsa plot: give exactly one project file (got 2)')
  })

  test('a bad figure setting in the project names the field', async () => {
    const project = projectWithFigure({ palette: 'rainbow' })
    const r = await run('plot', project, '--out', join(dir, 'x.svg'))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/figure\.palette.*colourBlind or grey/)
  })
})

describe('opentsa plot writes atomically', () => {
  test('a failed run leaves an existing file as it was, and no temporary file', async () => {
    const out = join(dir, 'keep.png')
    writeFileSync(out, 'precious')
    const bad = projectWithFigure({ widthMm: 1 })
    const r = await run('plot', bad, '--out', out)
    expect(r.code).toBe(2)
    expect(readFileSync(out, 'utf8')).toBe('precious')
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  test('a successful run replaces the file whole', async () => {
    const out = join(dir, 'replace.pdf')
    writeFileSync(out, 'old')
    expect((await run('plot', PERIO_OXY, '--out', out)).code).toBe(0)
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(readdirSync(dir).sort()).toEqual(['replace.pdf'])
  })

  test('an unwritable place is named in one line', async () => {
    const out = join(dir, 'no-such-folder', 'chart.svg')
    const r = await run('plot', PERIO_OXY, '--out', out)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`opentsa plot: cannot write ${out}: ENOENT`)
  })
})
