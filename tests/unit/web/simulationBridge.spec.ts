// The browser host's simulations without a browser: the bridge (installWorkerBridge.ts) over stand-in Workers that
// run the real worker-side job (simulationJob.ts with the real simulator), or never answer. Progress reaches the
// renderer through the bridge's on('simulationProgress'); cancel terminates the run's worker; the engine queue keeps
// answering while a simulation runs.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { simulate } from '../../../src/engine'
import type { Events, TsaBridge } from '../../../src/shared/ipc/contract'
import type { SimulationJob, SimulationPayload } from '../../../src/shared/ipc/simulationHost'
import { runSimulationJob } from '../../../src/shared/ipc/simulationJob'
import type { DocumentRequests } from '../../../src/web/documentHost'
import { installWorkerBridge, type WorkerLike } from '../../../src/web/installWorkerBridge'
import { createRequestAnswerer } from '../../../src/web/requests'
import type { WorkerRequest } from '../../../src/web/protocol'

const REQUEST: SimulationPayload = {
  id: 'sim-1',
  runs: 2000,
  seed: 11,
  mode: { kind: 'normalLooks', looks: 10 },
  alpha: 0.05,
  sides: 2,
  beta: 0.2,
  spending: { kind: 'obf' }
}

/**
 * A simulation Worker stand-in: runs the real job a tick later, its clock moving 1 s per reading so every progress
 * callback is posted; `seed: 0` means it never answers (a run still going).
 */
class FakeSimulationWorker extends EventTarget implements WorkerLike {
  static spawned: FakeSimulationWorker[] = []
  terminated = false
  constructor() {
    super()
    FakeSimulationWorker.spawned.push(this)
  }
  postMessage(message: unknown): void {
    const job = structuredClone(message) as SimulationJob
    if ((job.payload as SimulationPayload).seed === 0) return
    let t = 0
    setTimeout(() => {
      runSimulationJob(
        job,
        (m) => {
          if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data: m }))
        },
        { simulate, now: () => (t += 1000) }
      )
    }, 1)
  }
  terminate(): void {
    this.terminated = true
  }
}

/** The engine Worker stand-in: answers with the real request handling. */
class FakeEngineWorker extends EventTarget implements WorkerLike {
  private answer = createRequestAnswerer({ name: 'OpenTSA', version: '1' })
  postMessage(message: unknown): void {
    const reply = this.answer(message as WorkerRequest)
    setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: reply })), 1)
  }
  terminate(): void {}
}

function bridge(): TsaBridge {
  return installWorkerBridge(
    () => new FakeEngineWorker(),
    {} as DocumentRequests,
    {},
    () => new FakeSimulationWorker()
  )
}

afterEach(() => {
  FakeSimulationWorker.spawned = []
})

describe('simulations in the web bridge', () => {
  it('runs in a worker of its own, reports progress through on() and answers the simulator’s summary', async () => {
    const tsa = bridge()
    const events: Events['simulationProgress'][] = []
    const unsubscribe = tsa.on('simulationProgress', (e) => events.push(e))
    const result = await tsa.simulate(REQUEST)
    const { id: _id, ...request } = REQUEST
    expect(result).toEqual(simulate(request))
    expect(events.length).toBeGreaterThan(1)
    expect(events.every((e) => e.id === 'sim-1' && e.summary.runs <= 2000)).toBe(true)
    expect(FakeSimulationWorker.spawned).toHaveLength(1)
    expect(FakeSimulationWorker.spawned[0]?.terminated).toBe(true) // one worker per run
    unsubscribe()
    await tsa.simulate({ ...REQUEST, id: 'sim-2' })
    expect(events.some((e) => e.id === 'sim-2')).toBe(false)
  })

  it('cancel terminates the running simulation; the engine answers meanwhile', async () => {
    const tsa = bridge()
    const running = tsa.simulate({ ...REQUEST, seed: 0 })
    expect(await tsa.appInfo(null)).toMatchObject({ ok: true, value: { host: 'web' } })
    expect(await tsa.cancelSimulation({ id: 'sim-1' })).toEqual({ ok: true, value: null })
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(FakeSimulationWorker.spawned[0]?.terminated).toBe(true)
  })

  it('a malformed request is answered with the parser error, from the worker', async () => {
    const tsa = bridge()
    const listener = vi.fn()
    tsa.on('simulationProgress', listener)
    expect(await tsa.simulate({ ...REQUEST, runs: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'runs' }
    })
    expect(listener).not.toHaveBeenCalled()
  })
})
