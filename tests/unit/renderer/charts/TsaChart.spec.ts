import { afterEach, describe, expect, test, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import type { TsaResult } from '@engine'
import TsaChart from '@renderer/components/chart/TsaChart.vue'
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
vi.mock('@renderer/charts/registerChartJs', () => ({ registerTsaChart: () => FakeChart }))

afterEach(() => {
  instances.length = 0
})

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
})
