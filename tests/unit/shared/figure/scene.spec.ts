// The headless figure's scene and SVG: built from the same chart config as the app (every dataset's points in plot
// coordinates that agree with the axis ticks), a standalone SVG with real paths and texts, and no NaN or Infinity
// for any result.
import fc from 'fast-check'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { runTsa, type TsaResult } from '../../../../src/engine'
import type { TsaPoint } from '../../../../src/shared/figure/buildTsaChartConfig'
import { figureChartOptions } from '../../../../src/shared/figure/figureOptions'
import {
  approximateTextWidth,
  axisTicks,
  buildScene,
  clipSegment,
  parseCssColor,
  stepDecimals,
  type Scene,
  type SceneItem
} from '../../../../src/shared/figure/scene'
import { renderSvg } from '../../../../src/shared/figure/svg'
import { headlessChartConfig, tsaFigureScene } from '../../../../src/shared/figure/tsaFigure'
import {
  analysisInput,
  parseProjectFile,
  type ProjectFile
} from '../../../../src/shared/projectFile'
import perioOxyJson from '../../../../resources/examples/perioOxy.opentsa.json'
import { arbitraryTsaResult } from '../../../helpers/figureArbitraries'

function perioOxy(): { project: ProjectFile; result: TsaResult } {
  const parsed = parseProjectFile(perioOxyJson)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const run = runTsa(analysisInput(parsed.value))
  if (!run.ok) throw new Error(run.error.message)
  return { project: parsed.value, result: run.value }
}

const DOUBLE_COLUMN = { width: 642.5, height: 415.7 }

const itemsOf = (scene: Scene): SceneItem[] => scene.layers.flatMap((l) => l.items)
const byRole = <K extends SceneItem['kind']>(scene: Scene, kind: K, role: string) =>
  itemsOf(scene).filter(
    (i): i is Extract<SceneItem, { kind: K }> => i.kind === kind && i.role === role
  )

/** The x (or y) pixel of a value, read off the tick labels the scene printed: linear between two of them. */
function pixelFromTicks(ticks: { value: number; px: number }[], value: number): number {
  const [a, b] = [ticks[0], ticks.at(-1)]
  if (a === undefined || b === undefined) throw new Error('no ticks')
  return a.px + ((value - a.value) / (b.value - a.value)) * (b.px - a.px)
}

const parseTick = (text: string): number => Number(text.replace(/,/g, ''))

describe('the scene comes from the chart config (perioOxy)', () => {
  const { project, result } = perioOxy()
  const config = headlessChartConfig(result, figureChartOptions(project))
  const scene = buildScene(config, DOUBLE_COLUMN)
  const xTicks = byRole(scene, 'text', 'xTick').map((t) => ({ value: parseTick(t.text), px: t.x }))
  const yTicks = byRole(scene, 'text', 'yTick').map((t) => ({
    value: parseTick(t.text),
    // a tick label is centred on its tick: its baseline sits half a cap height below it
    px: t.y - (t.font.size * 0.729) / 2
  }))

  test('the axes show the builder’s ticks: 0 to its max by its step, −8 to 8 by 2', () => {
    const x = config.options?.scales?.x as { max: number; ticks: { stepSize: number } }
    expect(xTicks.map((t) => t.value)).toEqual(axisTicks(0, x.max, x.ticks.stepSize))
    expect(yTicks.map((t) => t.value)).toEqual([-8, -6, -4, -2, 0, 2, 4, 6, 8])
  })

  test('every dataset’s points are in the scene, where the axis ticks put them', () => {
    for (const dataset of config.data.datasets) {
      const drawn = byRole(scene, 'polyline', dataset.tsaRole ?? '').flatMap((p) => p.points)
      const plotted = dataset.data.filter((p): p is TsaPoint & { y: number } => p.y !== null)
      expect(plotted.length, dataset.tsaRole).toBeGreaterThan(1)
      expect(drawn, dataset.tsaRole).toHaveLength(plotted.length)
      plotted.forEach((p, i) => {
        expect(drawn[i]?.x, `${dataset.tsaRole} x of point ${i}`).toBeCloseTo(
          pixelFromTicks(xTicks, p.x),
          6
        )
        expect(drawn[i]?.y, `${dataset.tsaRole} y of point ${i}`).toBeCloseTo(
          pixelFromTicks(yTicks, p.y),
          6
        )
      })
      expect(drawn[0]?.x).toBeCloseTo(scene.xToPx(plotted[0]?.x ?? Number.NaN), 9)
    }
  })

  test('the Z-curve has a marker per look, in its colour; the boundaries keep their dash patterns', () => {
    const z = config.data.datasets.find((d) => d.tsaRole === 'zCurve')
    const markers = byRole(scene, 'marker', 'zCurvePoint')
    expect(markers).toHaveLength(result.looks.length)
    expect(markers.every((m) => m.fill === z?.borderColor)).toBe(true)
    for (const role of ['upperBoundary', 'lowerBoundary', 'conventionalUpper'] as const) {
      const d = config.data.datasets.find((e) => e.tsaRole === role)
      expect(byRole(scene, 'polyline', role)[0]?.dash).toEqual(d?.borderDash)
    }
  })

  test('the RIS line stands at the required information size, its label beside it', () => {
    const ris = result.ris.required ?? Number.NaN
    const [line] = byRole(scene, 'polyline', 'risLine')
    expect(line?.points.map((p) => p.x)).toEqual([scene.xToPx(ris), scene.xToPx(ris)])
    expect(line?.points[0]?.y).toBeCloseTo(scene.plotArea.y, 9)
    const [label] = byRole(scene, 'text', 'risLabel')
    expect(label?.text).toBe('RIS = 13,281 participants')
    expect(label?.font.weight).toBe('bold')
  })

  test('axis titles, favours labels and one legend entry per line kind, with α as a letter', () => {
    expect(byRole(scene, 'text', 'xTitle')[0]?.text).toBe('Cumulative number of participants')
    expect(byRole(scene, 'text', 'yTitle')[0]).toMatchObject({
      text: 'Cumulative Z-score',
      rotation: -90
    })
    expect(byRole(scene, 'text', 'favoursIntervention')[0]?.text).toBe('Favours 80% oxygen')
    const legend = byRole(scene, 'text', 'legend').map((t) => t.text)
    expect(legend).toEqual([
      'Cumulative Z-curve',
      'Conventional boundary (Z = ±1.96)',
      "Monitoring boundary (O'Brien-Fleming, α 5%, two-sided, power 80%)"
    ])
    expect(byRole(scene, 'polyline', 'legendSample')).toHaveLength(3)
  })

  test('a narrow figure wraps long legend entries instead of running off the page', () => {
    const narrow = buildScene(config, { width: 320, height: 300 })
    const legend = byRole(narrow, 'text', 'legend')
    expect(legend.length).toBeGreaterThan(3)
    for (const t of legend) expect(t.x).toBeGreaterThanOrEqual(0)
  })

  test('the figure is laid out at least 400 px wide and printed at the size asked for', () => {
    const single = tsaFigureScene({
      result,
      options: figureChartOptions(project),
      size: { widthMm: 85, heightMm: 80 }
    })
    expect(single.width).toBe(400)
    expect(single.widthMm).toBe(85)
    expect(single.height / single.width).toBeCloseTo(80 / 85, 9)
  })
})

describe('trial labels', () => {
  const { project, result } = perioOxy()
  const scene = (widthPx: number): Scene =>
    buildScene(headlessChartConfig(result, figureChartOptions(project, { trialLabels: true })), {
      width: widthPx,
      height: widthPx * 0.65
    })

  test('names stand beside their points and never cover one another', () => {
    for (const width of [400, 642, 1200]) {
      const labels = byRole(scene(width), 'text', 'trialLabel')
      expect(labels.length).toBeGreaterThan(2)
      const names = new Set(result.looks.map((l) => l.trial))
      for (const l of labels) expect(names.has(l.text)).toBe(true)
      // the label boxes (text + 1 px padding, centred on x; all of one height) do not intersect
      const boxWidth = (t: (typeof labels)[number]): number =>
        approximateTextWidth(t.text, t.font) + 2
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => {
          const apart =
            Math.abs(a.y - b.y) >= a.font.size * 1.2 + 2 ||
            Math.abs(a.x - b.x) >= (boxWidth(a) + boxWidth(b)) / 2
          expect(apart, `${a.text} / ${b.text} at ${width} px`).toBe(true)
        })
      )
    }
  })

  test('a wider figure has room for more names', () => {
    const count = (w: number): number => byRole(scene(w), 'text', 'trialLabel').length
    expect(count(1200)).toBeGreaterThanOrEqual(count(400))
  })
})

describe('the SVG', () => {
  const { project, result } = perioOxy()
  const scene = tsaFigureScene({
    result,
    options: figureChartOptions(project),
    size: { widthMm: 170, heightMm: 110 }
  })
  const svg = renderSvg(scene)
  type Node = { tag: string; attrs: Record<string, string>; text: string }
  /** Every element of the parsed document, depth first, with its attributes and direct text. */
  function elements(xml: string): Node[] {
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      preserveOrder: true,
      trimValues: false
    }).parse(xml) as unknown[]
    const out: Node[] = []
    const walk = (nodes: unknown[]): void => {
      for (const node of nodes as Record<string, unknown>[]) {
        const tag = Object.keys(node).find((k) => k !== ':@' && k !== '#text')
        if (tag === undefined) continue
        const children = node[tag] as Record<string, unknown>[]
        out.push({
          tag,
          attrs: (node[':@'] ?? {}) as Record<string, string>,
          text: children
            .filter((c) => '#text' in c)
            .map((c) => String(c['#text']))
            .join('')
        })
        walk(children)
      }
    }
    walk(parsed)
    return out
  }
  const nodes = elements(svg)
  const withRole = (tag: string, role: string) =>
    nodes.filter((n) => n.tag === tag && n.attrs['data-role'] === role)

  test('is a standalone SVG document of the figure’s size in mm', () => {
    const root = nodes.find((n) => n.tag === 'svg')
    expect(root?.attrs).toMatchObject({
      xmlns: 'http://www.w3.org/2000/svg',
      width: '170mm',
      height: '110mm',
      viewBox: '0 0 642.52 415.75',
      role: 'img'
    })
    expect(nodes.find((n) => n.tag === 'title')?.text).toMatch(/^TSA chart/)
    expect(nodes.find((n) => n.tag === 'desc')?.text).toContain('Gardella 2008')
  })

  test('draws the Z-curve and the boundaries as paths, the RIS as a dashed line', () => {
    const curve = withRole('path', 'zCurve')
    expect(curve).toHaveLength(1)
    expect(curve[0]?.attrs.d.match(/L/g)).toHaveLength(result.looks.length - 1)
    expect(curve[0]?.attrs).toMatchObject({
      fill: 'none',
      stroke: '#0072B2',
      'stroke-width': '2.5'
    })
    for (const role of ['upperBoundary', 'lowerBoundary']) {
      expect(withRole('path', role)[0]?.attrs['stroke-dasharray']).toBe('8 4')
    }
    expect(withRole('path', 'risLine')[0]?.attrs['stroke-dasharray']).toBe('5 4')
    expect(withRole('circle', 'zCurvePoint')).toHaveLength(result.looks.length)
  })

  test('has the axis titles, the legend and the RIS label as text, α as a character', () => {
    expect(withRole('text', 'xTitle')[0]?.text).toBe('Cumulative number of participants')
    expect(withRole('text', 'yTitle')[0]?.attrs.transform).toMatch(/^rotate\(-90 /)
    expect(withRole('text', 'risLabel')[0]?.text).toBe('RIS = 13,281 participants')
    const legend = withRole('text', 'legend').map((n) => n.text)
    expect(legend).toContain('Cumulative Z-curve')
    expect(legend.find((t) => t.includes('α 5%'))).toBeDefined()
    expect(svg).toContain('α 5%') // UTF-8 text, not an entity or a drawn glyph
  })

  test('clips the datasets to the plot area', () => {
    const clips = nodes.filter((n) => n.tag === 'clipPath')
    expect(clips.length).toBeGreaterThan(3)
    expect(nodes.filter((n) => n.tag === 'g' && n.attrs['clip-path'] !== undefined)).toHaveLength(
      clips.length
    )
  })

  test('escapes markup in labels (a trial named "<b>&")', () => {
    const hostile = { ...result, looks: result.looks.map((l) => ({ ...l, trial: '<b>&"' })) }
    const text = renderSvg(
      tsaFigureScene({
        result: hostile,
        options: { title: 'A & B <c>', trialLabels: true },
        size: { widthMm: 170, heightMm: 110 }
      })
    )
    const parsed = elements(text)
    expect(parsed.find((n) => n.attrs['data-role'] === 'title')?.text).toBe('A & B <c>')
    expect(parsed.some((n) => n.attrs['data-role'] === 'trialLabel' && n.text === '<b>&"')).toBe(
      true
    )
  })
})

describe('no NaN or Infinity in any figure', () => {
  test('for arbitrary results, the scene’s numbers are finite and the SVG parses without NaN', () => {
    fc.assert(
      fc.property(
        arbitraryTsaResult,
        fc.boolean(),
        fc.constantFrom(85, 170),
        (result, trialLabels, widthMm) => {
          const scene = tsaFigureScene({
            result,
            options: { trialLabels },
            size: { widthMm, heightMm: 100 }
          })
          // JSON writes NaN and ±Infinity as null, and no item has a null of its own
          const items = scene.layers.flatMap((l) =>
            l.clip === null ? l.items : [l.clip, ...l.items]
          )
          expect(items.length).toBeGreaterThan(10)
          expect(JSON.stringify(items)).not.toContain('null')
          // and nothing far outside the page (boundaries run to Z = ±1000, data beyond the axis are cut)
          const coordinates =
            JSON.stringify(items).match(/"(?:x|y|width|height)":-?[\d.e+-]+/g) ?? []
          const extent = 2 * (scene.width + scene.height)
          for (const c of coordinates) {
            expect(Math.abs(Number(c.split(':')[1])), c).toBeLessThan(extent)
          }
          const svg = renderSvg(scene)
          expect(svg).not.toMatch(/NaN|Infinity/)
          expect(() => new XMLParser().parse(svg)).not.toThrow()
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('clipping to the plot area', () => {
  const { result } = perioOxy()
  // the design's first boundary point far off the scale (the engine's "cannot be crossed" is 20; 500 for effect)
  const [first, ...rest] = result.boundaryCurve
  const config = headlessChartConfig(
    { ...result, boundaryCurve: first === undefined ? [] : [{ ...first, upper: 500 }, ...rest] },
    {}
  )

  test('a boundary that starts far above the plot enters it at its edge', () => {
    const scene = buildScene(config, DOUBLE_COLUMN)
    const [upper] = byRole(scene, 'polyline', 'upperBoundary')
    const top = scene.plotArea.y - (upper?.width ?? 0)
    expect(upper?.points[0]?.y).toBeCloseTo(top, 6)
    for (const p of upper?.points ?? []) expect(p.y).toBeGreaterThanOrEqual(top - 1e-9)
  })

  test('a dashed line cut at the edge keeps its place in the dash pattern', () => {
    const scene = buildScene(config, DOUBLE_COLUMN)
    const [upper] = byRole(scene, 'polyline', 'upperBoundary')
    const original = config.data.datasets.find((d) => d.tsaRole === 'upperBoundary')?.data ?? []
    const [a, b] = [original[0], original[1]].map((p) => ({
      x: scene.xToPx(p?.x ?? 0),
      y: scene.yToPx(p?.y ?? 0)
    })) as [{ x: number; y: number }, { x: number; y: number }]
    const cut = upper?.points[0] ?? { x: 0, y: 0 }
    // the length from the first (hidden) point to the cut, modulo the 8 + 4 px pattern
    expect(upper?.dashOffset).toBeCloseTo(Math.hypot(cut.x - a.x, cut.y - a.y) % 12, 6)
    expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeGreaterThan(0)
  })

  test('Liang–Barsky: inside, crossing, outside and parallel segments', () => {
    const box = { x: 0, y: 0, width: 10, height: 10 }
    expect(clipSegment({ x: 1, y: 1 }, { x: 9, y: 9 }, box)).toEqual({ t0: 0, t1: 1 })
    expect(clipSegment({ x: -10, y: 5 }, { x: 10, y: 5 }, box)).toEqual({ t0: 0.5, t1: 1 })
    expect(clipSegment({ x: -10, y: -10 }, { x: -1, y: 20 }, box)).toBeNull()
    expect(clipSegment({ x: -5, y: 20 }, { x: 15, y: 20 }, box)).toBeNull()
  })
})

describe('helpers', () => {
  test('tick decimals show every multiple of the step exactly', () => {
    expect([1000, 500, 2.5, 0.25, 0.05, 2].map(stepDecimals)).toEqual([0, 0, 1, 2, 2, 0])
    expect(axisTicks(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1])
  })

  test('CSS colours for back ends without rgba()', () => {
    expect(parseCssColor('rgba(255, 255, 255, 0.85)')).toEqual({ hex: '#ffffff', opacity: 0.85 })
    expect(parseCssColor('#0072B2')).toEqual({ hex: '#0072b2', opacity: 1 })
    expect(parseCssColor('#abc')).toEqual({ hex: '#aabbcc', opacity: 1 })
    expect(parseCssColor('transparent')).toBeNull()
  })
})
