// The simulation plumbing both hosts share, without workers: the request parser, the inside of a simulation worker
// (simulationJob.ts: throttled progress, then the Result) and the host side (simulationHost.ts: one worker per run,
// cancel terminates it, a silence watchdog that progress keeps quiet), over hand-driven stand-in workers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SimulationOptions, SimulationSummary } from '../../../src/engine'
import { PARSERS } from '../../../src/shared/ipc/parse'
import {
  createSimulationHost,
  type SimulationJob,
  type SimulationMessage,
  type SimulationPayload
} from '../../../src/shared/ipc/simulationHost'
import { PROGRESS_INTERVAL_MS, runSimulationJob } from '../../../src/shared/ipc/simulationJob'
import type { QueueListener } from '../../../src/shared/ipc/workerQueue'

const REQUEST: SimulationPayload = {
  id: 'run-1',
  runs: 1000,
  seed: 42,
  mode: { kind: 'normalLooks', looks: 10 },
  alpha: 0.05,
  sides: 2,
  beta: 0.2,
  spending: { kind: 'obf' }
}

const summaryAfter = (runs: number): SimulationSummary => ({
  runs,
  naiveCrossing: 0.2,
  boundaryCrossing: 0.05,
  risReached: 1,
  crossingLook: [0, 1],
  naiveCrossingLook: [1, 1],
  standardErrors: { naiveCrossing: 0.01, boundaryCrossing: 0.005, risReached: 0 }
})

describe('PARSERS.simulate and cancelSimulation', () => {
  it('accepts both modes', () => {
    expect(PARSERS.simulate(REQUEST)).toEqual({ ok: true, value: REQUEST })
    const trials = {
      ...REQUEST,
      mode: {
        kind: 'trials',
        trials: 20,
        trialSize: 200,
        controlRisk: 0.3,
        relativeRiskReduction: 0,
        tau2: 0.05,
        anticipatedRrr: 0.2
      }
    }
    expect(PARSERS.simulate(trials)).toEqual({ ok: true, value: trials })
    expect(PARSERS.cancelSimulation({ id: 'run-1' })).toEqual({ ok: true, value: { id: 'run-1' } })
  })

  it.each([
    ['runs', { runs: 0 }, 'runs'],
    ['too many runs', { runs: 1_000_001 }, 'runs'],
    ['a fractional seed', { seed: 1.5 }, 'seed'],
    ['201 looks', { mode: { kind: 'normalLooks', looks: 201 } }, 'mode.looks'],
    ['an unknown mode', { mode: { kind: 'other' } }, 'mode.kind'],
    [
      'a trial of one patient',
      { mode: { kind: 'trials', trials: 5, trialSize: 1, controlRisk: 0.3, relativeRiskReduction: 0, tau2: 0 } },
      'mode.trialSize'
    ],
    [
      'an RRR of 1',
      { mode: { kind: 'trials', trials: 5, trialSize: 10, controlRisk: 0.3, relativeRiskReduction: 1, tau2: 0 } },
      'mode.relativeRiskReduction'
    ],
    [
      'a negative τ²',
      { mode: { kind: 'trials', trials: 5, trialSize: 10, controlRisk: 0.3, relativeRiskReduction: 0, tau2: -1 } },
      'mode.tau2'
    ],
    ['alpha 1', { alpha: 1 }, 'alpha'],
    ['an empty id', { id: '' }, 'id']
  ])('rejects %s, naming the field', (_label, change, field) => {
    expect(PARSERS.simulate({ ...REQUEST, ...change })).toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field }
    })
  })
})

describe('runSimulationJob (inside the worker)', () => {
  /** A stand-in simulator: calls back every `progressEvery` runs while the clock moves 1 ms a run. */
  function fakeSimulator(clock: { t: number }) {
    return vi.fn((req: { runs: number }, options?: SimulationOptions) => {
      for (let done = 1; done <= req.runs; done++) {
        clock.t += 1
        if (done % (options?.progressEvery ?? 1) === 0) options?.onProgress?.(summaryAfter(done))
      }
      return { ok: true as const, value: summaryAfter(req.runs) }
    })
  }

  it('runs the request without its id and posts progress at most every PROGRESS_INTERVAL_MS, then the Result', () => {
    const clock = { t: 0 }
    const simulate = fakeSimulator(clock)
    const posted: SimulationMessage[] = []
    runSimulationJob({ payload: REQUEST }, (m) => posted.push(m), {
      simulate: simulate as never,
      now: () => clock.t
    })
    const { id: _id, ...withoutId } = REQUEST
    expect(simulate.mock.calls[0]?.[0]).toEqual(withoutId)
    const progress = posted.filter((m) => m.kind === 'progress')
    // 1000 runs × 1 ms = 1 s with a callback every 50 runs (20 callbacks): one post per 100 ms, so 10
    expect(progress).toHaveLength(1000 / PROGRESS_INTERVAL_MS)
    expect(progress[0]).toEqual({ kind: 'progress', summary: summaryAfter(50) })
    expect(posted.at(-1)).toEqual({ kind: 'done', result: { ok: true, value: summaryAfter(1000) } })
  })

  it('answers a malformed request with the parser error and an exception with an engine error', () => {
    const posted: SimulationMessage[] = []
    const simulate = vi.fn(() => {
      throw new Error('boom')
    })
    const deps = { simulate: simulate as never, now: () => 0 }
    runSimulationJob({ payload: { ...REQUEST, runs: -1 } }, (m) => posted.push(m), deps)
    expect(posted[0]).toMatchObject({ kind: 'done', result: { ok: false, error: { field: 'runs' } } })
    expect(simulate).not.toHaveBeenCalled()
    runSimulationJob({ payload: REQUEST }, (m) => posted.push(m), deps)
    expect(posted[1]).toMatchObject({ kind: 'done', result: { ok: false, error: { code: 'internal', message: 'boom' } } })
  })
})

describe('createSimulationHost', () => {
  /** Stand-in workers driven by the test: `emit` delivers a message, `crash` an error. */
  interface Stub {
    listener: QueueListener
    posted: SimulationJob[]
    terminated: boolean
  }
  let stubs: Stub[]
  const IDLE_MS = 1000
  const makeHost = () =>
    createSimulationHost({
      spawn(listener) {
        const stub: Stub = { listener, posted: [], terminated: false }
        stubs.push(stub)
        return { post: (m) => stub.posted.push(m), terminate: () => void (stub.terminated = true) }
      },
      idleTimeoutMs: IDLE_MS,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
    })

  beforeEach(() => {
    stubs = []
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('starts a worker per run, forwards its progress and settles with its Result, then terminates it', async () => {
    const host = makeHost()
    const progress: number[] = []
    const done = host.run('a', REQUEST, (s) => progress.push(s.runs))
    const [stub] = stubs
    expect(stub?.posted).toEqual([{ payload: REQUEST }])
    stub?.listener.receive({ kind: 'progress', summary: summaryAfter(100) })
    stub?.listener.receive({ nonsense: true })
    stub?.listener.receive({ kind: 'done', result: { ok: true, value: summaryAfter(1000) } })
    await expect(done).resolves.toEqual({ ok: true, value: summaryAfter(1000) })
    expect(progress).toEqual([100])
    expect(stub?.terminated).toBe(true)
    // a second run gets a fresh worker
    void host.run('b', REQUEST, () => undefined)
    expect(stubs).toHaveLength(2)
  })

  it('cancel terminates the worker at once and answers cancelled; unknown or finished runs are ignored', async () => {
    const host = makeHost()
    const done = host.run('a', REQUEST, () => undefined)
    expect(host.cancel('a')).toBe(true)
    await expect(done).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(stubs[0]?.terminated).toBe(true)
    expect(host.cancel('a')).toBe(false)
    expect(host.cancel('never-ran')).toBe(false)
  })

  it('a long run that keeps reporting outlives the idle timeout; a silent one is stopped', async () => {
    const host = makeHost()
    let settled = false
    const long = host.run('long', REQUEST, () => undefined).finally(() => (settled = true))
    for (let k = 0; k < 10; k++) {
      await vi.advanceTimersByTimeAsync(IDLE_MS / 2)
      stubs[0]?.listener.receive({ kind: 'progress', summary: summaryAfter(k) })
    }
    expect(settled).toBe(false) // 5 idle timeouts' worth of time have passed
    await vi.advanceTimersByTimeAsync(IDLE_MS)
    await expect(long).resolves.toMatchObject({ ok: false, error: { code: 'engineTimeout' } })
    expect(stubs[0]?.terminated).toBe(true)
  })

  it('a crash, a failed start, a duplicate key and dispose all settle with an error', async () => {
    const host = makeHost()
    const crashed = host.run('a', REQUEST, () => undefined)
    stubs[0]?.listener.crash(' (exit code 1)')
    await expect(crashed).resolves.toMatchObject({
      ok: false,
      error: { code: 'engineCrashed', message: 'the simulation stopped unexpectedly (exit code 1)' }
    })
    const running = host.run('b', REQUEST, () => undefined)
    await expect(host.run('b', REQUEST, () => undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalidRequest', field: 'id' }
    })
    host.dispose()
    await expect(running).resolves.toMatchObject({ ok: false, error: { code: 'engineCrashed' } })
    await expect(host.run('c', REQUEST, () => undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'engineCrashed' }
    })
    const failing = createSimulationHost({
      spawn: () => {
        throw new Error('no threads')
      },
      idleTimeoutMs: IDLE_MS,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
    })
    await expect(failing.run('d', REQUEST, () => undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'engineCrashed', message: 'the simulation could not start: no threads' }
    })
  })
})
