import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { FIGURE_MM, mmToDevicePx } from '@shared/figure/figureSize'
import type { FigureSettings } from '@shared/projectFile'
import { CliError, numberFlag } from '../cliError'
import { writeOutputAtomic } from '../files'
import { renderScenePdf } from '../figure/pdf'
import { renderScenePng } from '../figure/png'
import { figureScene } from '../figure/render'
import { svgWithEmbeddedFont } from '../figure/svgFonts'
import { analyseProject, loadProject, onePath } from './project'

const DPI = { min: 72, max: 1200, default: 300 } as const

export const PLOT_HELP = `opentsa plot PROJECT.json --out FIGURE.png|.svg|.pdf: the TSA chart as a figure file, drawn without a
browser (the same chart as the app's, from the same chart configuration)

  --out PATH                .png (raster, declares its dpi), .svg or .pdf (vectors; both embed subsets of
                            DejaVu Sans, so α, β, τ², ≥ look the same everywhere); written atomically
  --dpi N                   PNG resolution, ${DPI.min}–${DPI.max} (default ${DPI.default}): pixels = mm × dpi / 25.4
  --preset single|double    a journal column: 85 × 80 mm or 170 × 110 mm (default double)
  --width-mm W              width in mm, ${FIGURE_MM.min}–${FIGURE_MM.max} (over the preset)
  --height-mm H             height in mm, ${FIGURE_MM.min}–${FIGURE_MM.max}
  --title TEXT              a title above the chart
  --x-label TEXT            x-axis title (default from the information axis)
  --y-label TEXT            y-axis title (default "Cumulative Z-score")
  --intervention-label TEXT, --control-label TEXT
                            the groups in "Favours …" (default the outcome's labels)
  --trial-labels            each trial's name beside its point of the Z-curve
  --palette colourBlind|grey
                            Okabe–Ito colours (default) or greys; every line keeps its dash pattern
  --json                    { "out", "format", "widthMm", "heightMm", "widthPx", "heightPx", "dpi" }
                            (pixels and dpi for PNG only)

The project's "figure" settings apply; the flags override them one by one.
`

const FORMATS: Record<string, 'png' | 'svg' | 'pdf'> = {
  '.png': 'png',
  '.svg': 'svg',
  '.pdf': 'pdf'
}
/** resvg holds the whole image in memory (4 bytes a pixel): 100 megapixels is 400 MB. */
const MAX_MEGAPIXELS = 100

/** A number flag within [min, max]; the message names the flag. */
function rangeFlag(
  flag: string,
  raw: string | undefined,
  min: number,
  max: number
): number | undefined {
  if (raw === undefined) return undefined
  const value = numberFlag(flag, raw)
  if (value < min || value > max) {
    throw new CliError(`${flag} must be between ${min} and ${max}, got ${raw}`)
  }
  return value
}

function oneOf<T extends string>(
  flag: string,
  raw: string | undefined,
  allowed: readonly T[]
): T | undefined {
  if (raw === undefined) return undefined
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new CliError(`${flag} must be ${allowed.join(' or ')}, got "${raw}"`)
  }
  return raw as T
}

/** The figure settings the flags give (undefined where a flag is absent, so the project's setting stays). */
export function figureFlags(values: Record<string, string | boolean | undefined>): FigureSettings {
  const text = (key: string): string | undefined =>
    typeof values[key] === 'string' ? (values[key] as string) : undefined
  const settings: FigureSettings = {
    title: text('title'),
    xLabel: text('x-label'),
    yLabel: text('y-label'),
    interventionLabel: text('intervention-label'),
    controlLabel: text('control-label'),
    trialLabels: values['trial-labels'] === true ? true : undefined,
    palette: oneOf('--palette', text('palette'), ['colourBlind', 'grey'] as const),
    preset: oneOf('--preset', text('preset'), ['single', 'double'] as const),
    widthMm: rangeFlag('--width-mm', text('width-mm'), FIGURE_MM.min, FIGURE_MM.max),
    heightMm: rangeFlag('--height-mm', text('height-mm'), FIGURE_MM.min, FIGURE_MM.max)
  }
  return Object.fromEntries(
    Object.entries(settings).filter(([, v]) => v !== undefined)
  ) as FigureSettings
}

export async function runPlot(args: string[], out: (text: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      dpi: { type: 'string' },
      preset: { type: 'string' },
      'width-mm': { type: 'string' },
      'height-mm': { type: 'string' },
      title: { type: 'string' },
      'x-label': { type: 'string' },
      'y-label': { type: 'string' },
      'intervention-label': { type: 'string' },
      'control-label': { type: 'string' },
      'trial-labels': { type: 'boolean' },
      palette: { type: 'string' },
      json: { type: 'boolean' }
    },
    strict: true,
    allowPositionals: true
  })
  const path = onePath(positionals, 'project file')
  if (values.out === undefined) throw new CliError('--out FIGURE.png|.svg|.pdf is required')
  const format = FORMATS[extname(values.out).toLowerCase()]
  if (format === undefined) {
    throw new CliError(`--out: unknown file type "${extname(values.out)}" (use .png, .svg or .pdf)`)
  }
  // every flag is checked before the analysis runs, so that a typo fails fast
  const overrides = figureFlags(values)
  const dpi = rangeFlag('--dpi', values.dpi, DPI.min, DPI.max) ?? DPI.default
  const project = loadProject(path)
  const result = analyseProject(path, project)
  const scene = figureScene({ project, result, overrides })
  const report: Record<string, string | number> = {
    out: values.out,
    format,
    widthMm: scene.widthMm,
    heightMm: scene.heightMm
  }
  if (format === 'png') {
    const pixels = mmToDevicePx(scene.widthMm, dpi) * mmToDevicePx(scene.heightMm, dpi)
    if (pixels > MAX_MEGAPIXELS * 1e6) {
      throw new CliError(
        `--dpi: ${dpi} dpi makes ${(pixels / 1e6).toFixed(0)} megapixels at ${scene.widthMm} × ${scene.heightMm} mm, more than ${MAX_MEGAPIXELS}; lower --dpi or the size`
      )
    }
    const png = await renderScenePng(scene, dpi)
    writeOutputAtomic(values.out, png.png)
    Object.assign(report, { widthPx: png.widthPx, heightPx: png.heightPx, dpi })
  } else if (format === 'svg') {
    writeOutputAtomic(values.out, svgWithEmbeddedFont(scene))
  } else {
    writeOutputAtomic(values.out, await renderScenePdf(scene))
  }
  out(values.json === true ? JSON.stringify(report) : `wrote ${values.out}`)
}
