// Teaching mode's host: a tablist (click and ←/→/Home/End), the spending explorer's table from the engine's
// boundaries (engineClient mocked), and the 16:9 slide export through exportPng and the host's exportFile.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { BoundaryRequest } from '@engine'
import TeachingPanel from '@renderer/components/teaching/TeachingPanel.vue'
import SpendingExplorer from '@renderer/components/teaching/SpendingExplorer.vue'
import PresentMode from '@renderer/components/teaching/PresentMode.vue'
import StepThrough from '@renderer/components/teaching/StepThrough.vue'
import * as engineClient from '@renderer/services/engineClient'
import { exportPng } from '@renderer/charts/exportFigure'
import { syntheticResult } from '../../charts/syntheticResult'

vi.mock('@renderer/services/engineClient', () => ({
  // each look's upper bound is 10·t + a per-family offset, so the table can be checked cell by cell
  computeBoundaries: vi.fn(async (req: BoundaryRequest) => ({
    looks: req.informationFractions.map((t) => ({
      informationFraction: t,
      upper: 10 * t + { obf: 0, pocock: 0.1, power: 0.2, hsd: 0.3 }[req.spending.kind],
      lower: null,
      alphaSpent: req.alpha * t,
      futilityUpper: null,
      futilityLower: null
    })),
    inflationFactor: null,
    engine: 'tsa'
  })),
  computeRequiredInformationSize: vi.fn(async () => ({
    fixed: 1,
    adjustmentFactor: 1,
    required: 1,
    exact: 1
  })),
  exportFile: vi.fn(async () => ({ name: 'opentsa-slide-16x9.png', path: null }))
}))

vi.mock('@renderer/charts/exportFigure', () => ({
  exportPng: vi.fn(async () => new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }))
}))

const result = syntheticResult()
let wrapper: VueWrapper | null = null
beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(engineClient.computeBoundaries).mockClear()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('TeachingPanel', () => {
  it('offers the tools as tabs, the first selected', () => {
    wrapper = mount(TeachingPanel, { props: { result } })
    const tabs = wrapper.findAll('[role="tablist"] [role="tab"]')
    expect(tabs.map((t) => t.text())).toEqual([
      'Step through',
      'Explore spending',
      'RIS sensitivity',
      'Simulate'
    ])
    expect(tabs.map((t) => t.attributes('aria-selected'))).toEqual([
      'true',
      'false',
      'false',
      'false'
    ])
    expect(wrapper.get('[role="tabpanel"]').attributes('aria-labelledby')).toBe('teaching-tab-step')
  })

  it('moves between tabs with a click and with ←/→/Home/End', async () => {
    wrapper = mount(TeachingPanel, { props: { result } })
    const tab = (k: number) => wrapper!.findAll('[role="tab"]')[k]!
    await tab(1).trigger('click')
    expect(wrapper.findComponent(SpendingExplorer).exists()).toBe(true)
    await tab(1).trigger('keydown', { key: 'ArrowRight' })
    expect(tab(2).attributes('aria-selected')).toBe('true')
    await tab(2).trigger('keydown', { key: 'ArrowRight' })
    expect(tab(3).attributes('aria-selected')).toBe('true')
    await tab(3).trigger('keydown', { key: 'ArrowRight' }) // wraps
    expect(tab(0).attributes('aria-selected')).toBe('true')
    await tab(0).trigger('keydown', { key: 'End' })
    expect(tab(3).attributes('aria-selected')).toBe('true')
    await tab(3).trigger('keydown', { key: 'Home' })
    expect(tab(0).attributes('aria-selected')).toBe('true')
  })

  it('without an analysis, says what to do and offers the simulator, which needs none', () => {
    wrapper = mount(TeachingPanel, { props: { result: null } })
    expect(wrapper.text()).toContain('Load an example or enter trials')
    const tabs = wrapper.findAll('[role="tablist"] [role="tab"]')
    expect(tabs.map((t) => t.text())).toEqual(['Simulate'])
    expect(tabs[0]?.attributes('aria-selected')).toBe('true')
    expect(wrapper.findComponent(PresentMode).exists()).toBe(false)
  })

  it('while stepping through, Present shows the look the class is at; other tabs show the whole analysis', async () => {
    wrapper = mount(TeachingPanel, { props: { result } })
    const presented = (): number =>
      (wrapper?.findComponent(PresentMode).props('result') as typeof result).looks.length
    await flushPromises() // the step-through reports its first look while it mounts
    expect(presented()).toBe(1) // the step-through starts at the first look
    await wrapper.findComponent(StepThrough).trigger('keydown', { key: 'End' })
    expect(presented()).toBe(result.looks.length)
    await wrapper.findComponent(StepThrough).trigger('keydown', { key: 'Home' })
    expect(presented()).toBe(1)
    await wrapper.findAll('[role="tab"]')[1]?.trigger('click')
    expect(presented()).toBe(result.looks.length)
  })
})

describe('SpendingExplorer', () => {
  it("tabulates each family's upper boundary at the chosen looks, at the project's α and sides", async () => {
    wrapper = mount(SpendingExplorer, { props: { result } })
    await flushPromises()
    const calls = vi.mocked(engineClient.computeBoundaries).mock.calls.map((c) => c[0])
    expect(
      calls.every((c) => c.alpha === result.design.alpha && c.sides === result.design.sides)
    ).toBe(true)
    expect(calls.map((c) => c.spending)).toContainEqual({ kind: 'power', rho: 2 })
    expect(calls.map((c) => c.spending)).toContainEqual({ kind: 'hsd', gamma: -4 })
    const rows = wrapper.findAll('tbody tr').map((r) => r.findAll('th, td').map((c) => c.text()))
    expect(rows).toEqual([
      ['25%', '2.50', '2.60', '2.70', '2.80'],
      ['50%', '5.00', '5.10', '5.20', '5.30'],
      ['75%', '7.50', '7.60', '7.70', '7.80'],
      ['100%', '10.00', '10.10', '10.20', '10.30']
    ])
  })

  it('recomputes for a list of looks, and flags text that is not one', async () => {
    wrapper = mount(SpendingExplorer, { props: { result } })
    await flushPromises()
    const looks = wrapper.get('input[type="text"]')
    await looks.setValue('0.5, 1')
    await flushPromises()
    expect(wrapper.findAll('tbody tr')).toHaveLength(2)
    await looks.setValue('1, 0.5')
    expect(looks.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('[role="alert"]').text()).toContain('increasing fractions')
  })

  it('a new ρ asks for the power family again', async () => {
    wrapper = mount(SpendingExplorer, { props: { result } })
    await flushPromises()
    await wrapper.get('input[aria-label="Rho of the power family"]').setValue('3.5')
    await flushPromises()
    const specs = vi.mocked(engineClient.computeBoundaries).mock.calls.map((c) => c[0].spending)
    expect(specs).toContainEqual({ kind: 'power', rho: 3.5 })
  })
})

describe('PresentMode', () => {
  it('exports a 1920×1080 slide (960×540 CSS px at 192 dpi) in the high-contrast palette through exportFile', async () => {
    wrapper = mount(PresentMode, { props: { result, fileStem: 'perio' } })
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Export slide (16:9 PNG)')
      ?.trigger('click')
    await flushPromises()
    const [, options, size] = vi.mocked(exportPng).mock.lastCall ?? []
    expect(size).toEqual({ width: 960, height: 540, dpi: 192 })
    expect((size!.width * size!.dpi) / 96).toBe(1920)
    expect((size!.height * size!.dpi) / 96).toBe(1080)
    expect(options?.palette?.text).toBe('#000000')
    expect(engineClient.exportFile).toHaveBeenLastCalledWith({
      kind: 'png',
      suggestedName: 'perio-slide-16x9.png',
      content: 'iVBORw==',
      encoding: 'base64'
    })
    expect(wrapper.get('[role="status"]').text()).toBe('Exported opentsa-slide-16x9.png.')
  })

  it('Present opens the large high-contrast chart, and Esc leaves it', async () => {
    wrapper = mount(PresentMode, { props: { result }, attachTo: document.body })
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Present')
      ?.trigger('click')
    await flushPromises()
    const dialog = wrapper.get('[role="dialog"][aria-label="Present chart"]')
    const chartOptions = wrapper.findComponent({ name: 'TsaChart' }).props('options')
    expect(chartOptions.fontScale).toBeGreaterThan(1)
    expect(chartOptions.palette.background).toBe('#ffffff')
    await dialog.trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
  })
})
