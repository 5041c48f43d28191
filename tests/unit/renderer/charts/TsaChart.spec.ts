import { afterEach, describe, expect, test, vi } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import type { TsaResult } from '@engine'
import TsaChart from '@renderer/components/chart/TsaChart.vue'
import { CHART_DRAWN_MARK, type ChartDrawnDetail } from '@renderer/charts/chartDrawMark'
import { paletteFor } from '@shared/figure/palette'
import type * as RegisterChartJs from '@renderer/charts/registerChartJs'
import { syntheticResult } from './syntheticResult'

// happy-dom has no 2D canvas: a fake Chart records what the component does with it
const instances: FakeChart[] = []
class FakeChart {
  ctx = {}
  data: unknown
  options: unknown
  updates = 0
  destroyed = false
  constructor(
    readonly canvas: unknown,
    config: { data: unknown; options: unknown }
  ) {
    this.data = config.data
    this.options = config.options
    instances.push(this)
  }
  update(): void {
    this.updates++
  }
  destroy(): void {
    this.destroyed = true
  }
}
// the real createChart/refreshChart, building the fake instead of a Chart
vi.mock('@renderer/charts/registerChartJs', async (importOriginal) => {
  const real = await importOriginal<typeof RegisterChartJs>()
  const fakeRegister = () => FakeChart as never
  return {
    ...real,
    registerTsaChart: fakeRegister,
    createChart: (canvas: HTMLCanvasElement, config: never) =>
      real.createChart(canvas, config, fakeRegister)
  }
})

afterEach(() => {
  instances.length = 0
  vi.unstubAllGlobals()
})

/** A stand-in for the OS colour-scheme query: `set` flips it and notifies listeners, as a system switch does. */
function fakeColourScheme(dark: boolean): {
  set: (dark: boolean) => void
  listeners: () => number
} {
  const listeners = new Set<(e: MediaQueryListEvent) => void>()
  const query = {
    matches: dark,
    addEventListener: (_type: string, fn: (e: MediaQueryListEvent) => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: (e: MediaQueryListEvent) => void) =>
      listeners.delete(fn)
  }
  vi.stubGlobal(
    'matchMedia',
    vi.fn((q: string) => {
      expect(q).toBe('(prefers-color-scheme: dark)')
      return query
    })
  )
  return {
    set: (now) => {
      query.matches = now
      for (const fn of listeners) fn({ matches: now } as MediaQueryListEvent)
    },
    listeners: () => listeners.size
  }
}

const textColour = (chart: FakeChart): string => (chart.options as { color: string }).color

describe('TsaChart.vue', () => {
  test('role="img", name starting "TSA chart", hidden text alternative listing the looks', () => {
    const w = mount(TsaChart, { props: { result: syntheticResult() } })
    const img = w.get('[role="img"]')
    expect(img.attributes('aria-label')).toMatch(/^TSA chart/)
    const desc = w.get(`#${img.attributes('aria-describedby')}`)
    expect(desc.findAll('li')).toHaveLength(5)
    expect(desc.text()).toContain('Alpha 1999')
    expect(img.find('canvas').exists()).toBe(true)
    w.unmount()
  })

  test('creates one chart on mount, updates it in place when the result changes, destroys it on unmount', async () => {
    const w = mount(TsaChart, { props: { result: syntheticResult() } })
    expect(instances).toHaveLength(1)
    const chart = instances[0]!
    const next: TsaResult = { ...syntheticResult(), looks: syntheticResult().looks.slice(0, 2) }
    await w.setProps({ result: next })
    expect(instances).toHaveLength(1)
    expect(chart.updates).toBe(1)
    const zCurve = (
      chart.data as { datasets: { tsaRole?: string; data: unknown[] }[] }
    ).datasets.find((d) => d.tsaRole === 'zCurve')
    expect(zCurve?.data).toHaveLength(2)
    expect(w.findAll('li')).toHaveLength(2)
    w.unmount()
    expect(chart.destroyed).toBe(true)
  })

  test('a theme change re-styles the same chart', async () => {
    const w = mount(TsaChart, {
      props: { result: syntheticResult(), options: { theme: 'screen' } }
    })
    await w.setProps({ options: { theme: 'dark' } })
    expect(instances).toHaveLength(1)
    expect((instances[0]!.options as { color: string }).color).toBe('#e5e7eb')
    w.unmount()
  })

  test('follows the OS colour scheme: dark palette while it prefers dark, light again when it changes back', async () => {
    const scheme = fakeColourScheme(true)
    const w = mount(TsaChart, { props: { result: syntheticResult() } })
    const chart = instances[0]!
    expect(textColour(chart)).toBe(paletteFor('dark').text)
    scheme.set(false)
    await nextTick()
    expect(instances).toHaveLength(1)
    expect(textColour(chart)).toBe(paletteFor('screen').text)
    scheme.set(true)
    await nextTick()
    expect(textColour(chart)).toBe(paletteFor('dark').text)
    w.unmount()
    expect(scheme.listeners()).toBe(0) // no listener left behind on the OS query
  })

  test('an explicit theme wins over the OS scheme', () => {
    fakeColourScheme(true)
    const w = mount(TsaChart, { props: { result: syntheticResult(), options: { theme: 'print' } } })
    expect(textColour(instances[0]!)).toBe(paletteFor('print').text)
    w.unmount()
  })

  test('reports each draw of new data: a data-draws count on the plot and a performance mark', async () => {
    const marks: ChartDrawnDetail[] = []
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntriesByName(CHART_DRAWN_MARK)) {
        marks.push((e as PerformanceMark).detail as ChartDrawnDetail)
      }
    })
    observer.observe({ entryTypes: ['mark'] })
    try {
      const w = mount(TsaChart, { props: { result: syntheticResult() } })
      const plot = w.get('[role="img"]')
      expect(plot.attributes('data-draws')).toBe('1')
      await w.setProps({
        result: { ...syntheticResult(), looks: syntheticResult().looks.slice(0, 3) }
      })
      expect(plot.attributes('data-draws')).toBe('2')
      await vi.waitFor(() => expect(marks).toHaveLength(2))
      expect(marks).toEqual([
        { draws: 1, looks: 5 },
        { draws: 2, looks: 3 }
      ])
      // only the newest mark stays in the timeline, so a long session does not pile them up
      expect(performance.getEntriesByName(CHART_DRAWN_MARK)).toHaveLength(1)
      w.unmount()
    } finally {
      observer.disconnect()
    }
  })
})
