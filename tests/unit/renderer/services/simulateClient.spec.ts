// engineClient.simulate over a stand-in window.tsa: a fresh id per run, only that run's progress reaches the caller,
// the listener is removed when the run settles, cancel names the same run, a cancelled run rejects with 'cancelled'.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulationRequest, SimulationSummary } from '../../../../src/engine'
import type { Events, Result } from '../../../../src/shared/ipc/contract'
import * as engineClient from '../../../../src/renderer/src/services/engineClient'

const REQUEST: SimulationRequest = {
  runs: 100,
  seed: 1,
  mode: { kind: 'normalLooks', looks: 5 },
  alpha: 0.05,
  sides: 2,
  beta: 0.2,
  spending: { kind: 'obf' }
}
const partial = (runs: number) => ({ runs }) as SimulationSummary

function installBridge() {
  const listeners = new Set<(e: Events['simulationProgress']) => void>()
  const settles: ((r: Result<SimulationSummary>) => void)[] = []
  const bridge = {
    simulate: vi.fn(() => new Promise<Result<SimulationSummary>>((r) => settles.push(r))),
    cancelSimulation: vi.fn(async () => {
      settles.shift()?.({ ok: false, error: { code: 'cancelled', message: 'cancelled' } })
      return { ok: true, value: null }
    }),
    on: vi.fn((_event: string, l: (e: Events['simulationProgress']) => void) => {
      listeners.add(l)
      return () => listeners.delete(l)
    })
  }
  vi.stubGlobal('tsa', bridge)
  const emit = (e: Events['simulationProgress']) => [...listeners].forEach((l) => l(e))
  return { bridge, emit, listeners, settles }
}

afterEach(() => vi.unstubAllGlobals())

describe('engineClient.simulate', () => {
  it('delivers only its own run’s progress and stops listening when the run ends', async () => {
    const { bridge, emit, listeners, settles } = installBridge()
    const seen: number[] = []
    const run = engineClient.simulate(REQUEST, (s) => seen.push(s.runs))
    expect(bridge.simulate).toHaveBeenCalledWith({ ...REQUEST, id: run.id })
    expect(bridge.on).toHaveBeenCalledWith('simulationProgress', expect.any(Function))
    emit({ id: run.id, summary: partial(10) })
    emit({ id: 'someone-else', summary: partial(99) })
    settles[0]?.({ ok: true, value: partial(100) })
    await expect(run.done).resolves.toEqual(partial(100))
    expect(seen).toEqual([10])
    expect(listeners.size).toBe(0)
  })

  it('gives each run its own id; cancel names it and the run rejects as cancelled', async () => {
    const { bridge } = installBridge()
    const first = engineClient.simulate(REQUEST, () => undefined)
    const second = engineClient.simulate(REQUEST, () => undefined)
    expect(first.id).not.toBe(second.id)
    await first.cancel()
    expect(bridge.cancelSimulation).toHaveBeenCalledWith({ id: first.id })
    await expect(first.done).rejects.toMatchObject({ name: 'EngineFailure', code: 'cancelled' })
    await second.cancel()
    await expect(second.done).rejects.toMatchObject({ code: 'cancelled' })
  })
})
