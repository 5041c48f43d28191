// Main's simulation plumbing with real worker threads and no Electron: the real simulationWorker.ts (TypeScript
// loaded in the thread through tsx, as engineHost.spec.ts does), stand-in threads that report for a long time or
// fall silent, and the simulate/cancelSimulation handlers sending progress to the window that asked.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SimulationSummary } from '../../../src/engine'
import { adaptNodeWorker } from '../../../src/main/engineHost'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { toBridgeError } from '../../../src/main/ipc/failure'
import type { RequestSender } from '../../../src/main/ipc/register'
import { EVENT_CHANNELS } from '../../../src/shared/ipc/contract'
import {
  createSimulationHost,
  type SimulationHost,
  type SimulationPayload
} from '../../../src/shared/ipc/simulationHost'

const ROOT = resolve(import.meta.dirname, '../../..')

function spawnRealWorker(): Worker {
  const entry = pathToFileURL(resolve(ROOT, 'src/main/simulationWorker.ts')).href
  const tsconfig = resolve(ROOT, 'tsconfig.node.json')
  const boot = `import('tsx/esm/api').then(({ register }) => {
    register({ tsconfig: ${JSON.stringify(tsconfig)} })
    return import(${JSON.stringify(entry)})
  })`
  return new Worker(boot, { eval: true })
}

/**
 * A stand-in simulation thread: spins for `payload.runs` ms, posting progress every 20 ms unless `payload.seed` is
 * 0 (silent), then answers.
 */
function spawnStandIn(): Worker {
  return new Worker(
    `const { parentPort } = require('node:worker_threads')
    parentPort.on('message', ({ payload }) => {
      const start = Date.now()
      let last = start
      while (Date.now() - start < payload.runs) {
        if (payload.seed !== 0 && Date.now() - last >= 20) {
          last = Date.now()
          parentPort.postMessage({ kind: 'progress', summary: { runs: last - start } })
        }
      }
      parentPort.postMessage({ kind: 'done', result: { ok: true, value: { runs: payload.runs } } })
    })`,
    { eval: true }
  )
}

const hosts: SimulationHost[] = []
function host(spawn: () => Worker, idleTimeoutMs = 60_000): SimulationHost {
  const h = createSimulationHost({
    spawn: (listener) => adaptNodeWorker(spawn(), listener),
    idleTimeoutMs,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
  })
  hosts.push(h)
  return h
}
afterEach(() => hosts.splice(0).forEach((h) => h.dispose()))

const REQUEST: SimulationPayload = {
  id: 'run-1',
  runs: 2000,
  seed: 7,
  mode: { kind: 'normalLooks', looks: 10 },
  alpha: 0.05,
  sides: 2,
  beta: 0.2,
  spending: { kind: 'obf' }
}

describe('simulations in real worker threads', () => {
  it('the real simulationWorker.ts gives the in-process numbers, with progress on the way', async () => {
    const progress: SimulationSummary[] = []
    const result = await host(spawnRealWorker).run('w', { ...REQUEST, runs: 20_000 }, (s) =>
      progress.push(s)
    )
    const { simulate } = await import('../../../src/engine')
    const { id: _id, ...request } = REQUEST
    expect(result).toEqual(simulate({ ...request, runs: 20_000 }))
    // progress is throttled (100 ms), so a fast machine may see none; what arrives is partial and growing
    const runs = progress.map((s) => s.runs)
    expect(runs).toEqual([...runs].sort((a, b) => a - b))
    for (const r of runs) expect(r).toBeLessThan(20_000)
  }, 30_000)

  it('cancel stops a long real simulation promptly', async () => {
    const h = host(spawnRealWorker)
    let firstProgress: () => void = () => undefined
    const started = new Promise<void>((r) => (firstProgress = r))
    const long = h.run('w', { ...REQUEST, runs: 1_000_000 }, () => firstProgress())
    await started
    const t0 = Date.now()
    expect(h.cancel('w')).toBe(true)
    expect(await long).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(Date.now() - t0).toBeLessThan(1000)
  }, 30_000)

  it('a run that keeps reporting outlives the silence timeout; a silent one is stopped', async () => {
    const h = host(spawnStandIn, 300)
    expect(await h.run('long', { ...REQUEST, runs: 1200 }, () => undefined)).toEqual({
      ok: true,
      value: { runs: 1200 }
    })
    expect(await h.run('silent', { ...REQUEST, runs: 5000, seed: 0 }, () => undefined)).toMatchObject({
      ok: false,
      error: { code: 'engineTimeout' }
    })
  }, 30_000)
})

describe('the simulate and cancelSimulation handlers', () => {
  const APP = { name: 'OpenTSA', version: '0' }
  const fakeSender = (id: number) => ({
    id,
    send: vi.fn(),
    isDestroyed: () => false
  })

  it('sends progress to the window that asked, on the progress channel, and returns the summary', async () => {
    const summary = { runs: 10 } as SimulationSummary
    const run = vi.fn(async (_key: string, _req: SimulationPayload, onProgress: (s: SimulationSummary) => void) => {
      onProgress({ runs: 5 } as SimulationSummary)
      return { ok: true as const, value: summary }
    })
    const handlers = createHandlers(APP, { run: vi.fn() }, {} as never, () => ({}) as never, {
      run,
      cancel: vi.fn()
    })
    const sender = fakeSender(3)
    expect(await handlers.simulate(REQUEST, sender as unknown as RequestSender)).toBe(summary)
    expect(run.mock.calls[0]?.[0]).toBe('3:run-1')
    expect(sender.send).toHaveBeenCalledWith(EVENT_CHANNELS.simulationProgress, {
      id: 'run-1',
      summary: { runs: 5 }
    })
  })

  it('a window cancels only its own runs, and a cancelled run answers cancelled', async () => {
    const h = host(spawnStandIn)
    const handlers = createHandlers(APP, { run: vi.fn() }, {} as never, () => ({}) as never, h)
    const owner = fakeSender(1) as unknown as RequestSender
    const other = fakeSender(2) as unknown as RequestSender
    const running = handlers.simulate({ ...REQUEST, runs: 60_000 }, owner).catch((e: unknown) => e)
    expect(await handlers.cancelSimulation({ id: REQUEST.id }, other)).toBeNull()
    expect(h.cancel('1:run-1')).toBe(true) // still running after the other window's cancel
    expect(toBridgeError(await running)).toMatchObject({ code: 'cancelled' })
    const again = handlers.simulate({ ...REQUEST, runs: 60_000 }, owner).catch((e: unknown) => e)
    await handlers.cancelSimulation({ id: REQUEST.id }, owner)
    expect(toBridgeError(await again)).toMatchObject({ code: 'cancelled' })
  }, 30_000)
})
