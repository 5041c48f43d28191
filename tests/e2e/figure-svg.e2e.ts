// The SVG of `opentsa plot` in a browser: its embedded font subsets pass Chromium's font sanitiser and draw the
// text (α included) in the figure's own font, inline in a page as a report puts it.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from './fixtures'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

// The page's font API, typed here (the e2e files compile without the DOM library; the callbacks run in the page).
interface PageFontFace {
  family: string
  weight: string
  style: string
  status: string
  load(): Promise<unknown>
}
interface PageFonts {
  document: { fonts: { ready: Promise<unknown> } & Iterable<PageFontFace> }
  FontFace: new (family: string, source: string) => PageFontFace
}

test('the plot SVG carries a font Chromium loads, and its text uses it', async ({
  page
}, testInfo) => {
  const out = testInfo.outputPath('perioOxy.svg')
  const plot = spawnSync(
    process.execPath,
    ['bin/opentsa.mjs', 'plot', 'resources/examples/perioOxy.opentsa.json', '--out', out],
    { cwd: ROOT, encoding: 'utf8' }
  )
  expect(plot.status, plot.stderr).toBe(0)
  const svg = readFileSync(out, 'utf8')
  await page.setContent(
    `<!doctype html><html lang="en"><body style="margin:0">${svg.slice(svg.indexOf('<svg'))}</body></html>`
  )
  // a face of a stylesheet loads when text needs it: 'loaded' means the SVG's text is drawn with it
  const faces = await page.evaluate(async () => {
    const { fonts } = (globalThis as unknown as PageFonts).document
    await fonts.ready
    return [...fonts].map((f) => ({
      family: f.family.replace(/"/g, ''),
      weight: f.weight,
      style: f.style,
      status: f.status
    }))
  })
  expect(faces).toEqual(
    expect.arrayContaining([
      { family: 'OpenTSA DejaVu Sans', weight: 'normal', style: 'normal', status: 'loaded' },
      { family: 'OpenTSA DejaVu Sans', weight: 'bold', style: 'normal', status: 'loaded' },
      { family: 'OpenTSA DejaVu Sans', weight: 'normal', style: 'italic', status: 'loaded' }
    ])
  )
  const legend = page.locator('text[data-role="legend"]', { hasText: 'α 5%' })
  await expect(legend).toHaveCount(1)
  // the check can fail: the same face with a damaged header is refused by the sanitiser
  const broken = await page.evaluate(
    async (css) => {
      const data = /base64,([A-Za-z0-9+/=]+)/.exec(css)?.[1] ?? ''
      const face = new (globalThis as unknown as PageFonts).FontFace(
        'Broken',
        `url(data:font/ttf;base64,AAAAAAAA${data.slice(8)})`
      )
      return face.load().then(
        () => 'loaded',
        () => face.status
      )
    },
    svg.slice(svg.indexOf('@font-face'), svg.indexOf('</style>'))
  )
  expect(broken).toBe('error')
  await page.screenshot({ path: testInfo.outputPath('figure-svg.png') })
})
