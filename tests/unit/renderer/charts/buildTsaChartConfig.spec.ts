import { describe, expect, test } from 'vitest'
import type { TsaResult } from '@engine'
import {
  buildTsaChartConfig,
  niceAxisStep,
  xAxisTicks,
  BOUNDARY_DRAW_LIMIT,
  DEFAULT_Z_AXIS_LABEL,
  Y_AXIS_LIMIT,
  type TsaChartConfig,
  type TsaDatasetRole,
  type TsaPoint
} from '@shared/figure/buildTsaChartConfig'
import { OKABE_ITO, paletteFor } from '@shared/figure/palette'
import { RIS, syntheticResult } from './syntheticResult'

const dataset = (cfg: TsaChartConfig, role: TsaDatasetRole) =>
  cfg.data.datasets.find((d) => d.tsaRole === role)

const ys = (points: TsaPoint[] | undefined) => points?.map((p) => p.y)

/** WCAG 2 contrast ratio of two '#rrggbb' colours. */
function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const channel = (i: number): number => {
      const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Every number reachable from the config (functions are skipped); path for the failure message. */
function walkNumbers(
  node: unknown,
  path: string,
  out: { path: string; value: number }[],
  seen = new Set<unknown>()
): void {
  if (typeof node === 'number') {
    out.push({ path, value: node })
    return
  }
  if (node === null || typeof node !== 'object' || seen.has(node)) return
  seen.add(node)
  for (const [k, v] of Object.entries(node)) walkNumbers(v, `${path}.${k}`, out, seen)
}

function expectAllFinite(cfg: TsaChartConfig): void {
  const numbers: { path: string; value: number }[] = []
  walkNumbers(cfg, 'config', numbers)
  expect(numbers.length).toBeGreaterThan(10)
  for (const n of numbers) expect(Number.isFinite(n.value), `${n.path} = ${n.value}`).toBe(true)
}

describe('buildTsaChartConfig', () => {
  const result = syntheticResult()
  const cfg = buildTsaChartConfig(result, { theme: 'screen' })

  test('has the Z-curve, conventional lines, monitoring boundaries and futility wedge', () => {
    const roles = cfg.data.datasets.map((d) => d.tsaRole)
    expect(roles).toEqual(
      expect.arrayContaining([
        'zCurve',
        'conventionalUpper',
        'conventionalLower',
        'upperBoundary',
        'lowerBoundary',
        'futilityUpper',
        'futilityLower'
      ])
    )
    expect(cfg.type).toBe('line')
  })

  test('Z-curve: one point per look at x = cumulative information; null z is a gap', () => {
    const z = dataset(cfg, 'zCurve')
    expect(z?.data.map((p) => p.x)).toEqual([200, 800, 1500, 2400, 3600])
    expect(ys(z?.data)).toEqual([1.2, 2.3, null, Y_AXIS_LIMIT, -Y_AXIS_LIMIT])
    expect(z?.spanGaps).toBe(false)
  })

  test('|Z| > 8 is clipped to the axis with triangle markers pointing off the chart and a value label', () => {
    const z = dataset(cfg, 'zCurve')
    expect(z?.pointStyle).toEqual(['circle', 'circle', 'circle', 'triangle', 'triangle'])
    expect(z?.pointRotation).toEqual([0, 0, 0, 0, 180])
    const ann = cfg.options?.plugins?.annotation?.annotations as Record<
      string,
      Record<string, unknown>
    >
    expect(ann.offScale3).toMatchObject({
      type: 'label',
      xValue: 2400,
      yValue: 8,
      content: 'Z = 9.40'
    })
    expect(ann.offScale4).toMatchObject({
      type: 'label',
      xValue: 3600,
      yValue: -8,
      content: 'Z = -8.50'
    })
    expect(ann.offScale0).toBeUndefined()
    expect(cfg.options?.scales?.y?.min).toBe(-Y_AXIS_LIMIT)
    expect(cfg.options?.scales?.y?.max).toBe(Y_AXIS_LIMIT)
  })

  test('boundaries: null at a look is a gap (y null), never 0 or NaN; lines dashed', () => {
    const up = dataset(cfg, 'upperBoundary')
    const lo = dataset(cfg, 'lowerBoundary')
    expect(ys(up?.data)).toEqual([null, 6.1, 3.9, 2.6, null])
    expect(ys(lo?.data)).toEqual([null, -6.1, -3.9, -2.6, null])
    expect(up?.spanGaps).toBe(false)
    expect(up?.borderDash?.length).toBeGreaterThan(0)
    expect(ys(dataset(cfg, 'futilityUpper')?.data)).toEqual([null, null, 0.4, 1.5, null])
    expect(ys(dataset(cfg, 'futilityLower')?.data)).toEqual([null, null, -0.4, -1.5, null])
  })

  test('a boundary value standing alone between gaps gets a marker (a one-point line draws nothing)', () => {
    const r = syntheticResult()
    r.looks[3] = { ...r.looks[3]!, upper: null }
    r.looks[1] = { ...r.looks[1]!, upper: null }
    const c = buildTsaChartConfig(r, { theme: 'screen' })
    expect(ys(dataset(c, 'upperBoundary')?.data)).toEqual([null, null, 3.9, null, null])
    const radii = dataset(c, 'upperBoundary')?.pointRadius as number[]
    expect(radii[2]).toBeGreaterThan(0)
    expect(radii.filter((x) => x > 0)).toHaveLength(1)
    // no value alone: one radius for the whole line (Chart.js then resolves point options once, not per point)
    expect(dataset(cfg, 'upperBoundary')?.pointRadius).toBe(0)
  })

  test('Z-curve point options are per point only when some point is off scale', () => {
    const inRange: TsaResult = { ...result, looks: result.looks.slice(0, 3) }
    const z = dataset(buildTsaChartConfig(inRange, { theme: 'screen' }), 'zCurve')
    expect(z).toMatchObject({
      pointRadius: 3,
      pointHoverRadius: 5,
      pointStyle: 'circle',
      pointRotation: 0,
      pointBackgroundColor: paletteFor('screen').zCurve.color
    })
    expect(Array.isArray(dataset(cfg, 'zCurve')?.pointStyle)).toBe(true) // looks 4 and 5 are off scale
  })

  test('conventional ±z lines span the x axis at ±conventionalBoundary', () => {
    const c = dataset(cfg, 'conventionalUpper')
    expect(c?.data).toEqual([
      { x: 0, y: result.conventionalBoundary },
      { x: 4000, y: result.conventionalBoundary } // the end of the axis (data reach 3600)
    ])
    expect(ys(dataset(cfg, 'conventionalLower')?.data)).toEqual([
      -result.conventionalBoundary,
      -result.conventionalBoundary
    ])
    expect(c?.label).toBe('Conventional boundary (Z = ±1.96)')
  })

  test('RIS is a vertical annotation line at x = ris.required, labelled with value and unit', () => {
    const ann = cfg.options?.plugins?.annotation?.annotations as Record<
      string,
      Record<string, unknown>
    >
    expect(ann.ris).toMatchObject({ type: 'line', scaleID: 'x', value: RIS })
    // the label is beside the line at the top, on the side with more room (here: left, RIS is at 3000 of 4000)
    expect(ann.risLabel).toMatchObject({
      type: 'label',
      xValue: RIS,
      yValue: Y_AXIS_LIMIT,
      content: 'RIS = 3,000 participants',
      position: { x: 'end', y: 'start' }
    })
    const early = buildTsaChartConfig(
      { ...result, ris: { ...result.ris, required: 1000 } },
      { theme: 'screen' }
    )
    const earlyAnn = early.options?.plugins?.annotation?.annotations as Record<
      string,
      Record<string, unknown>
    >
    expect(earlyAnn.risLabel).toMatchObject({ xValue: 1000, position: { x: 'start' } })
  })

  test('x runs from 0 to max(RIS, last information) rounded up to a round tick', () => {
    const x = cfg.options?.scales?.x as {
      min?: number
      max?: number
      ticks?: { stepSize?: number }
    }
    expect(x.min).toBe(0)
    expect(x.max).toBe(4000) // last information 3600, steps of 500
    expect(x.ticks?.stepSize).toBe(500)
    const short: TsaResult = { ...result, looks: result.looks.slice(0, 2) }
    expect(buildTsaChartConfig(short, { theme: 'print' }).options?.scales?.x?.max).toBe(RIS)
  })

  test('an odd RIS gives round ticks up to a round end, not a tick at the raw RIS (was "19,760.8")', () => {
    const odd: TsaResult = {
      ...result,
      looks: result.looks.slice(0, 3),
      ris: { ...result.ris, required: 19760.8 }
    }
    const c = buildTsaChartConfig(odd, { theme: 'screen' })
    const x = c.options?.scales?.x as { max?: number; ticks?: { stepSize?: number } }
    expect(x.max).toBe(20000)
    expect(x.ticks?.stepSize).toBe(2500)
    const ann = c.options?.plugins?.annotation?.annotations as Record<
      string,
      Record<string, unknown>
    >
    // the RIS keeps its own line at the exact value, labelled with the rounded amount and unit
    expect(ann.ris).toMatchObject({ type: 'line', scaleID: 'x', value: 19760.8 })
    expect(ann.risLabel?.content).toBe('RIS = 19,761 participants')
    // the conventional lines run to the end of the axis
    expect(dataset(c, 'conventionalUpper')?.data.at(-1)?.x).toBe(20000)
  })

  test('favours labels use the group labels; legend texts come from the options', () => {
    const c = buildTsaChartConfig(result, {
      theme: 'screen',
      groupLabels: { intervention: 'aspirin', control: 'placebo' },
      legend: { monitoring: "O'Brien-Fleming boundary (alpha 5%, power 80%)" },
      title: 'Mortality',
      informationLabel: 'Patients'
    })
    const ann = c.options?.plugins?.annotation?.annotations as Record<
      string,
      Record<string, unknown>
    >
    expect(ann.favoursIntervention?.content).toBe('Favours aspirin')
    expect(ann.favoursControl?.content).toBe('Favours placebo')
    expect(dataset(c, 'upperBoundary')?.label).toBe(
      "O'Brien-Fleming boundary (alpha 5%, power 80%)"
    )
    expect(c.options?.plugins?.title).toMatchObject({ display: true, text: 'Mortality' })
    expect(c.options?.scales?.x?.title).toMatchObject({ text: 'Patients' })
  })

  test('show switches leave out conventional lines, boundaries and futility', () => {
    const c = buildTsaChartConfig(result, {
      theme: 'screen',
      showConventional: false,
      showBoundaries: false,
      showFutility: false
    })
    expect(c.data.datasets.map((d) => d.tsaRole)).toEqual(['zCurve'])
  })

  test('one-sided design (no lower boundary): one conventional line', () => {
    const one: TsaResult = {
      ...result,
      looks: result.looks.map((l) => ({ ...l, lower: null, futilityLower: null }))
    }
    const c = buildTsaChartConfig(one, { theme: 'screen' })
    expect(dataset(c, 'conventionalLower')).toBeUndefined()
    expect(dataset(c, 'lowerBoundary')).toBeUndefined()
    expect(dataset(c, 'conventionalUpper')?.label).toBe('Conventional boundary (Z = 1.96)')
  })

  test('no NaN or Infinity anywhere in the config', () => {
    expectAllFinite(cfg)
  })

  test('no NaN or Infinity even from hostile input', () => {
    const bad: TsaResult = {
      ...result,
      conventionalBoundary: Number.NaN,
      ris: { ...result.ris, required: Number.POSITIVE_INFINITY },
      looks: [
        { ...result.looks[0]!, z: Number.NaN, upper: Number.POSITIVE_INFINITY, lower: -1e308 },
        {
          ...result.looks[1]!,
          cumulativeInformation: Number.NaN,
          z: Number.NEGATIVE_INFINITY,
          futilityUpper: Number.NaN,
          informationFraction: Number.NaN
        },
        { ...result.looks[2]!, z: 3, upper: 1e6 }
      ]
    }
    const c = buildTsaChartConfig(bad, { theme: 'dark', yLimit: Number.NaN })
    expectAllFinite(c)
    expect(ys(dataset(c, 'zCurve')?.data)).toEqual([null, null, 3])
    expect(ys(dataset(c, 'upperBoundary')?.data)).toEqual([null, 6.1, BOUNDARY_DRAW_LIMIT])
    expect(ys(dataset(c, 'lowerBoundary')?.data)).toEqual([-BOUNDARY_DRAW_LIMIT, -6.1, -3.9])
    expect(dataset(c, 'conventionalUpper')).toBeUndefined()
    expect(
      (c.options?.plugins?.annotation?.annotations as Record<string, unknown>).ris
    ).toBeUndefined()
    expect(c.options?.scales?.y?.max).toBe(Y_AXIS_LIMIT)
  })

  test('empty result: a valid, finite config with an x axis of positive length', () => {
    const empty: TsaResult = { ...result, looks: [], ris: { ...result.ris, required: null } }
    const c = buildTsaChartConfig(empty, { theme: 'screen' })
    expectAllFinite(c)
    expect(c.options?.scales?.x?.max).toBe(1)
    expect(dataset(c, 'zCurve')?.data).toEqual([])
  })

  test('is pure: the result is not mutated, and two calls give equal data', () => {
    const r = syntheticResult()
    const before = JSON.stringify(r)
    const a = buildTsaChartConfig(r, { theme: 'screen' })
    const b = buildTsaChartConfig(r, { theme: 'screen' })
    expect(JSON.stringify(r)).toBe(before)
    expect(a.data).toEqual(b.data)
  })
})

describe('themes', () => {
  const result = syntheticResult()
  const colours = (theme: 'screen' | 'print' | 'dark') => {
    const c = buildTsaChartConfig(result, { theme })
    return {
      background: c.options?.plugins?.tsaBackground?.color,
      text: c.options?.color,
      z: dataset(c, 'zCurve')?.borderColor,
      boundary: dataset(c, 'upperBoundary')?.borderColor
    }
  }

  test('print is on white with dark text; screen is transparent; dark has light text', () => {
    expect(colours('print').background).toBe('#ffffff')
    expect(colours('print').text).toBe('#111111')
    expect(colours('screen').background).toBe('transparent')
    expect(colours('dark').background).toBe('transparent')
    expect(colours('dark').text).toBe('#e5e7eb')
    expect(colours('dark').z).not.toBe(colours('print').z)
  })

  test('dark keeps the screen hues and dash patterns; only the Z-curve takes the lighter Okabe–Ito blue', () => {
    const screen = paletteFor('screen')
    const dark = paletteFor('dark')
    for (const kind of ['monitoring', 'futility', 'ris'] as const) {
      expect(dark[kind].color, kind).toBe(screen[kind].color)
    }
    expect(screen.zCurve.color).toBe(OKABE_ITO.blue)
    expect(dark.zCurve.color).toBe(OKABE_ITO.skyBlue)
    for (const kind of ['zCurve', 'conventional', 'monitoring', 'futility', 'ris'] as const) {
      expect(dark[kind].dash, kind).toEqual(screen[kind].dash)
    }
  })

  test('dark: text and every line reach 3:1 contrast on the dark page (WCAG 1.4.11 for graphics)', () => {
    const darkPage = '#111418' // --color-bg of the dark scheme (assets/main.css)
    const dark = paletteFor('dark')
    const colours = {
      text: dark.text,
      zCurve: dark.zCurve.color,
      conventional: dark.conventional.color,
      monitoring: dark.monitoring.color,
      futility: dark.futility.color,
      ris: dark.ris.color
    }
    for (const [kind, colour] of Object.entries(colours)) {
      expect(contrastRatio(colour, darkPage), kind).toBeGreaterThanOrEqual(3)
    }
    expect(contrastRatio(dark.text, darkPage)).toBeGreaterThanOrEqual(4.5)
  })

  test('every line kind has its own dash pattern (readable without colour)', () => {
    for (const theme of ['screen', 'print', 'dark'] as const) {
      const p = paletteFor(theme)
      const dashes = [p.zCurve, p.conventional, p.monitoring, p.futility, p.ris].map((l) =>
        JSON.stringify(l.dash)
      )
      expect(new Set(dashes).size, theme).toBe(5)
    }
  })

  test('palette overrides apply and do not leak into the theme tables', () => {
    const c = buildTsaChartConfig(result, {
      theme: 'print',
      palette: { monitoring: { color: '#123456', dash: [1, 1], width: 3 } }
    })
    expect(dataset(c, 'upperBoundary')?.borderColor).toBe('#123456')
    expect(paletteFor('print').monitoring.color).not.toBe('#123456')
    const p = paletteFor('print')
    p.zCurve.dash.push(99)
    expect(paletteFor('print').zCurve.dash).toEqual([])
  })
})

describe('boundary curve from the design', () => {
  test('when the result carries the design’s boundary curve, the boundaries are drawn from it up to the RIS', () => {
    const r: TsaResult = {
      ...syntheticResult(),
      boundaryCurve: [
        {
          informationFraction: 0.25,
          cumulativeInformation: RIS * 0.25,
          upper: 4.33,
          lower: -4.33,
          futilityUpper: null,
          futilityLower: null
        },
        {
          informationFraction: 0.5,
          cumulativeInformation: RIS * 0.5,
          upper: 2.96,
          lower: -2.96,
          futilityUpper: 0.5,
          futilityLower: -0.5
        },
        {
          informationFraction: 1,
          cumulativeInformation: RIS,
          upper: 2.01,
          lower: -2.01,
          futilityUpper: 2.01,
          futilityLower: -2.01
        }
      ]
    }
    const cfg = buildTsaChartConfig(r, { theme: 'screen' })
    const upper = cfg.data.datasets.find((d) => d.tsaRole === 'upperBoundary')
    const points = upper?.data as TsaPoint[]
    expect(points.map((p) => p.x)).toEqual([RIS * 0.25, RIS * 0.5, RIS])
    expect(points.map((p) => p.y)).toEqual([4.33, 2.96, 2.01])
    const futility = cfg.data.datasets.find((d) => d.tsaRole === 'futilityUpper')
      ?.data as TsaPoint[]
    expect(futility.map((p) => p.y)).toEqual([null, 0.5, 2.01])
  })
})

describe('x-axis ticks', () => {
  const EXTENTS = [0.37, 1, 7, 12.5, 99, 101, 3600, 13280.8, 19760.8, 123456, 1e6 + 3]

  test('the step is 1, 2, 2.5 or 5 × 10^k and the axis ends on a whole number of steps at or past the data', () => {
    for (const extent of EXTENTS) {
      const step = niceAxisStep(extent)
      const mantissa = step / 10 ** Math.floor(Math.log10(step))
      expect(
        [1, 2, 2.5, 5].some((m) => Math.abs(m - mantissa) < 1e-9),
        `${extent}: ${step}`
      ).toBe(true)
      const r = { ...syntheticResult(), looks: [] }
      const { max, stepSize } = xAxisTicks({
        ...r,
        ris: { ...r.ris, unit: 'information', required: extent }
      })
      expect(stepSize).toBe(step)
      expect(max, `${extent}`).toBeGreaterThanOrEqual(extent)
      expect(max - extent, `${extent}`).toBeLessThan(step)
      const intervals = max / step
      expect(Math.abs(intervals - Math.round(intervals)), `${extent}`).toBeLessThan(1e-9)
      expect(intervals, `${extent}`).toBeLessThanOrEqual(8)
    }
  })

  test('participants and events step by whole numbers; statistical information may step by fractions', () => {
    expect(niceAxisStep(5, 8, true)).toBe(1)
    expect(niceAxisStep(0.37, 8, false)).toBe(0.05)
    expect(niceAxisStep(Number.NaN)).toBe(1)
  })
})

describe('buildTsaChartConfig: figure options (project file `figure`, opentsa plot)', () => {
  const result = syntheticResult()
  const annotationsOf = (c: TsaChartConfig) =>
    c.options?.plugins?.annotation?.annotations as Record<string, Record<string, unknown>>

  test('the y-axis title is "Cumulative Z-score" unless zLabel gives another', () => {
    const plain = buildTsaChartConfig(result, { theme: 'print' })
    expect(plain.options?.scales?.y?.title).toMatchObject({ text: DEFAULT_Z_AXIS_LABEL })
    const named = buildTsaChartConfig(result, { theme: 'print', zLabel: 'Z' })
    expect(named.options?.scales?.y?.title).toMatchObject({ text: 'Z' })
  })

  test('trial labels: one per plotted point, alternately above and below; none at a gap or off the scale', () => {
    const c = buildTsaChartConfig(result, { theme: 'print', trialLabels: true })
    const labels = Object.entries(annotationsOf(c)).filter(([key]) => key.startsWith('trialLabel'))
    // look 3 has z = null (a gap), looks 4 and 5 are beyond ±8 (they carry their Z value instead)
    expect(labels.map(([, a]) => a.content)).toEqual(['Alpha 1999', 'Beta 2001'])
    const z = dataset(c, 'zCurve')?.data ?? []
    for (const [key, a] of labels) {
      const i = Number(key.slice('trialLabel'.length))
      expect({ x: a.xValue, y: a.yValue }).toEqual(z[i])
    }
    expect(labels.map(([, a]) => (a.position as { y: string }).y)).toEqual(['end', 'start'])
    const off = buildTsaChartConfig(result, { theme: 'print' })
    expect(Object.keys(annotationsOf(off)).some((k) => k.startsWith('trialLabel'))).toBe(false)
  })

  test('the grey scheme keeps every dash pattern and width and uses no hue', () => {
    const grey = buildTsaChartConfig(result, { theme: 'print', colourScheme: 'grey' })
    const colour = buildTsaChartConfig(result, { theme: 'print' })
    const isGrey = (c: unknown): boolean => typeof c === 'string' && /^#([0-9a-f]{2})\1\1$/i.test(c)
    for (const d of grey.data.datasets) {
      expect(isGrey(d.borderColor), `${d.tsaRole}: ${String(d.borderColor)}`).toBe(true)
      const twin = colour.data.datasets.find((e) => e.tsaRole === d.tsaRole)
      expect(d.borderDash).toEqual(twin?.borderDash)
      expect(d.borderWidth).toBe(twin?.borderWidth)
    }
    expect(isGrey(annotationsOf(grey).ris?.borderColor)).toBe(true)
  })

  test('grey lines reach 4.5:1 on white (print) and on the dark page', () => {
    for (const [theme, page] of [
      ['print', '#ffffff'],
      ['dark', '#111418']
    ] as const) {
      const p = paletteFor(theme, {}, 'grey')
      for (const line of [p.zCurve, p.conventional, p.monitoring, p.futility, p.ris]) {
        expect(contrastRatio(line.color, page), `${theme} ${line.color}`).toBeGreaterThanOrEqual(
          4.5
        )
      }
    }
  })
})
