// The Simulate panel over a stand-in window.tsa (the real engineClient): the form becomes the simulator's request,
// progress events move the progressbar and the summary (drawn on the next animation frame), the final summary is
// shown with ± SE, Cancel cancels the same run, and a failure is announced.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import type { SimulationSummary } from '@engine'
import type { Events, Requests, Result } from '@shared/ipc/contract'
import SimulatePanel from '@renderer/components/teaching/SimulatePanel.vue'

const summaryAfter = (runs: number): SimulationSummary => ({
  runs,
  naiveCrossing: 0.185,
  boundaryCrossing: 0.0435,
  risReached: 1,
  crossingLook: [0, 1, 0, 2, 5, 4, 18, 19, 17, 21],
  naiveCrossingLook: [102, 80, 45, 31, 26, 23, 20, 17, 13, 13],
  standardErrors: { naiveCrossing: 0.0087, boundaryCrossing: 0.0046, risReached: 0 }
})

/** window.tsa whose simulate waits for the test: `progress` pushes an event, `finish` settles the request. */
function installHost() {
  let listener: ((e: Events['simulationProgress']) => void) | null = null
  let settle: (r: Result<SimulationSummary>) => void = () => undefined
  const host = {
    simulate: vi.fn(
      (_req: Requests['simulate']['req']) =>
        new Promise<Result<SimulationSummary>>((resolve) => (settle = resolve))
    ),
    cancelSimulation: vi.fn(async () => {
      settle({ ok: false, error: { code: 'cancelled', message: 'the simulation was cancelled' } })
      return { ok: true, value: null }
    }),
    on: vi.fn((_event: string, l: (e: Events['simulationProgress']) => void) => {
      listener = l
      return () => (listener = null)
    })
  }
  vi.stubGlobal('tsa', host)
  const id = () => host.simulate.mock.calls[0]?.[0].id ?? ''
  return {
    host,
    progress: (summary: SimulationSummary) => listener?.({ id: id(), summary }),
    finish: (r: Result<SimulationSummary>) => settle(r),
    subscribed: () => listener !== null
  }
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(null)))

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  vi.unstubAllGlobals()
})

const field = (w: VueWrapper, name: string) => w.get(`[data-field="${name}"]`).text()
const progressbar = (w: VueWrapper) => w.get('[role="progressbar"]').attributes('aria-valuenow')

describe('SimulatePanel', () => {
  it('runs the form as a request and shows progress, then the summary with ± SE', async () => {
    const fake = installHost()
    wrapper = mount(SimulatePanel, { attachTo: document.body })
    await wrapper.get('form').trigger('submit')
    const sent = fake.host.simulate.mock.calls[0]?.[0]
    expect(sent).toMatchObject({
      runs: 2000,
      seed: 1,
      mode: { kind: 'normalLooks', looks: 10 },
      alpha: 0.05,
      sides: 2,
      spending: { kind: 'obf' }
    })
    expect(sent?.beta).toBeCloseTo(0.2, 12)
    expect(wrapper.get('[role="status"]').text()).toBe('Running: 0 of 2,000 runs')

    fake.progress(summaryAfter(500))
    await nextFrame()
    expect(progressbar(wrapper)).toBe('25')
    expect(field(wrapper, 'runs')).toBe('500')

    fake.finish({ ok: true, value: summaryAfter(2000) })
    await flushPromises()
    expect(progressbar(wrapper)).toBe('100')
    expect(field(wrapper, 'naive')).toBe('0.185 ± 0.009 (18.5%)')
    expect(field(wrapper, 'boundary')).toBe('0.044 ± 0.005 (4.4%)')
    expect(wrapper.get('[role="status"]').text()).toBe('Done: 2,000 runs')
    expect(fake.subscribed()).toBe(false) // no listener left behind
  })

  it('Cancel cancels the same run and keeps the totals reached', async () => {
    const fake = installHost()
    wrapper = mount(SimulatePanel, { attachTo: document.body })
    await wrapper.get('input[value="trials"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    expect(fake.host.simulate.mock.calls[0]?.[0].mode).toMatchObject({ kind: 'trials', trials: 20 })
    fake.progress(summaryAfter(300))
    await nextFrame()
    const cancel = wrapper.findAll('button').find((b) => b.text() === 'Cancel')
    expect(cancel?.attributes('disabled')).toBeUndefined()
    await cancel?.trigger('click')
    await flushPromises()
    expect(fake.host.cancelSimulation).toHaveBeenCalledWith({
      id: fake.host.simulate.mock.calls[0]?.[0].id
    })
    expect(wrapper.get('[role="status"]').text()).toBe('Cancelled after 300 runs')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('announces a failure', async () => {
    const fake = installHost()
    wrapper = mount(SimulatePanel, { attachTo: document.body })
    await wrapper.get('form').trigger('submit')
    fake.finish({
      ok: false,
      error: { code: 'invalidRequest', message: 'runs: must be ≥ 1', field: 'runs' }
    })
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('runs: must be ≥ 1')
    expect(wrapper.get('[role="status"]').text()).toBe('The simulation failed')
  })
})
