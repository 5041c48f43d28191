// The browser host without a browser: the worker's request handling (requests.ts) directly, and the bridge
// (installWorkerBridge.ts) over a stand-in Worker that answers with that same handling, or crashes or hangs.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ENGINE_REQUESTS,
  REQUEST_CHANNELS,
  type Requests,
  type TsaBridge
} from '../../../src/shared/ipc/contract'
import type { DocumentRequests } from '../../../src/web/documentHost'
import { createRequestAnswerer } from '../../../src/web/requests'
import {
  createWorkerBridge,
  installWorkerBridge,
  type WorkerLike
} from '../../../src/web/installWorkerBridge'
import type { DocumentRequestName, WorkerRequest } from '../../../src/web/protocol'

const APP = { name: 'OpenTSA', version: '9.9.9' }
/** What the worker reports: the browser host says so, which turns the renderer's in-page shortcuts on. */
const WEB_APP = { ...APP, host: 'web' }
const answer = createRequestAnswerer(APP)

const DOCUMENT_REQUESTS = (Object.keys(REQUEST_CHANNELS) as (keyof Requests)[]).filter(
  (name): name is DocumentRequestName => !(ENGINE_REQUESTS as readonly string[]).includes(name)
)

/** Document requests that record their calls and answer { ok: true, value: null }. */
function stubDocuments(): { documents: DocumentRequests; calls: [string, unknown][] } {
  const calls: [string, unknown][] = []
  const documents = Object.fromEntries(
    DOCUMENT_REQUESTS.map((name) => [
      name,
      async (payload: unknown) => {
        calls.push([name, payload])
        return { ok: true, value: null }
      }
    ])
  ) as unknown as DocumentRequests
  return { documents, calls }
}
const example = (): unknown =>
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../../resources/examples/perioOxy.opentsa.json'),
      'utf8'
    )
  )
const boundaries = {
  informationFractions: [0.5, 1],
  alpha: 0.05,
  sides: 2,
  spending: { kind: 'obf' }
}

/**
 * A Worker stand-in: answers asynchronously with the real request handling, unless the payload says
 * { mode: 'hang' } (never answers) or { mode: 'crash' } (an 'error' event, as an uncaught exception gives).
 */
class FakeWorker extends EventTarget implements WorkerLike {
  static spawned: FakeWorker[] = []
  terminated = false
  constructor() {
    super()
    FakeWorker.spawned.push(this)
  }
  postMessage(message: unknown): void {
    const request = structuredClone(message) as WorkerRequest // throws DataCloneError like a real worker
    const mode = (request.payload as { mode?: string } | null)?.mode
    if (mode === 'hang') return
    setTimeout(() => {
      if (this.terminated) return
      if (mode === 'crash') {
        this.dispatchEvent(Object.assign(new Event('error'), { message: 'Uncaught Error: boom' }))
      } else {
        this.dispatchEvent(new MessageEvent('message', { data: answer(request) }))
      }
    }, 1)
  }
  terminate(): void {
    this.terminated = true
  }
}

afterEach(() => {
  FakeWorker.spawned = []
})

describe('the web worker request handling (requests.ts)', () => {
  it('answers every request of the contract', () => {
    expect(answer({ id: 1, name: 'appInfo', payload: null })).toEqual({
      id: 1,
      result: { ok: true, value: WEB_APP }
    })
    const b = answer({ id: 2, name: 'computeBoundaries', payload: boundaries })
    expect(b).toMatchObject({ id: 2, result: { ok: true } })
    const ris = answer({
      id: 3,
      name: 'computeRequiredInformationSize',
      payload: { alpha: 0.05, sides: 2, beta: 0.2, controlRisk: 0.15, relativeRiskReduction: 0.2 }
    })
    expect(ris).toMatchObject({ id: 3, result: { ok: true } })
    const run = answer({ id: 4, name: 'runTsa', payload: example() })
    if (!run.result.ok) throw new Error(run.result.error.message)
    expect((run.result.value as { looks: unknown[] }).looks.length).toBeGreaterThan(0)
  })

  it('parses payloads like main (same PARSERS) and names the field', () => {
    expect(
      answer({ id: 5, name: 'computeBoundaries', payload: { ...boundaries, alpha: 2 } })
    ).toMatchObject({
      id: 5,
      result: { ok: false, error: { code: 'invalidRequest', field: 'alpha' } }
    })
    expect(answer({ id: 6, name: 'runTsa', payload: { format: 'x' } })).toMatchObject({
      result: { ok: false, error: { code: 'invalidRequest', field: 'format' } }
    })
    expect(answer({ id: 7, name: 'nope' as never, payload: null })).toMatchObject({
      result: { ok: false, error: { code: 'invalidRequest', message: 'unknown request: nope' } }
    })
  })

  it('answers only the engine requests: a document request is unknown to the worker', () => {
    expect(DOCUMENT_REQUESTS).toContain('saveProject')
    for (const name of DOCUMENT_REQUESTS) {
      expect(answer({ id: 8, name: name as never, payload: null })).toEqual({
        id: 8,
        result: {
          ok: false,
          error: { code: 'invalidRequest', message: `unknown request: ${name}` }
        }
      })
    }
  })
})

describe('the worker bridge (installWorkerBridge.ts)', () => {
  it('installs a TsaBridge with every request of the contract', () => {
    const target: { tsa?: TsaBridge } = {}
    const bridge = installWorkerBridge(() => new FakeWorker(), stubDocuments().documents, target)
    expect(target.tsa).toBe(bridge)
    for (const name of Object.keys(REQUEST_CHANNELS)) {
      expect(typeof (bridge as never)[name]).toBe('function')
    }
    expect(FakeWorker.spawned).toHaveLength(0) // the worker starts with the first request
  })

  it('sends engine requests to the worker and document requests to the page, never to the worker', async () => {
    const posted: string[] = []
    const { documents, calls } = stubDocuments()
    const bridge = installWorkerBridge(
      () => {
        const worker = new FakeWorker()
        const post = worker.postMessage.bind(worker)
        worker.postMessage = (message: unknown) => {
          posted.push((message as WorkerRequest).name)
          post(message)
        }
        return worker
      },
      documents,
      {}
    )
    expect(await bridge.appInfo(null)).toEqual({ ok: true, value: WEB_APP })
    expect(await bridge.print(null)).toEqual({ ok: true, value: null })
    await bridge.setDocumentState({ title: 'x', dirty: true })
    expect(posted).toEqual(['appInfo'])
    expect(calls).toEqual([
      ['print', null],
      ['setDocumentState', { title: 'x', dirty: true }]
    ])
  })

  it('accepts a menuCommand listener (a browser sends none) and refuses unknown events', () => {
    const bridge = installWorkerBridge(() => new FakeWorker(), stubDocuments().documents, {})
    const listener = vi.fn()
    const unsubscribe = bridge.on('menuCommand', listener)
    expect(typeof unsubscribe).toBe('function')
    unsubscribe()
    expect(listener).not.toHaveBeenCalled()
    expect(() => bridge.on('nope' as never, listener)).toThrow('unknown event: nope')
  })

  it('pairs concurrent answers with their requests', async () => {
    const bridge = createWorkerBridge(() => new FakeWorker())
    const [info, bad, good] = await Promise.all([
      bridge.appInfo(null),
      bridge.computeBoundaries({ ...boundaries, alpha: 2 } as never),
      bridge.computeBoundaries(boundaries as never)
    ])
    expect(info).toEqual({ ok: true, value: WEB_APP })
    expect(bad).toMatchObject({ ok: false, error: { field: 'alpha' } })
    expect(good).toMatchObject({ ok: true, value: { looks: [{}, {}] } })
    expect(FakeWorker.spawned).toHaveLength(1)
  })

  it('a crashed worker gives an error Result and is replaced; queued requests still run', async () => {
    const bridge = createWorkerBridge(() => new FakeWorker())
    const crash = bridge.computeBoundaries({ mode: 'crash' } as never)
    const after = bridge.appInfo(null)
    expect(await crash).toMatchObject({
      ok: false,
      error: { code: 'engineCrashed', message: expect.stringContaining('boom') }
    })
    expect(await after).toEqual({ ok: true, value: WEB_APP })
    expect(FakeWorker.spawned).toHaveLength(2)
    expect(FakeWorker.spawned[0]?.terminated).toBe(true)
  })

  it('a hung worker times out with an error Result and is replaced', async () => {
    const bridge = createWorkerBridge(() => new FakeWorker(), 50)
    const hung = bridge.computeBoundaries({ mode: 'hang' } as never)
    const after = bridge.appInfo(null)
    expect(await hung).toMatchObject({ ok: false, error: { code: 'engineTimeout' } })
    expect(await after).toEqual({ ok: true, value: WEB_APP })
    expect(FakeWorker.spawned[0]?.terminated).toBe(true)
  })

  it('a worker that cannot start, or a payload that cannot be cloned, gives an error Result', async () => {
    const broken = createWorkerBridge(() => {
      throw new Error('workers disabled')
    })
    expect(await broken.appInfo(null)).toEqual({
      ok: false,
      error: { code: 'engineCrashed', message: 'the engine could not start: workers disabled' }
    })
    const bridge = createWorkerBridge(() => new FakeWorker())
    expect(await bridge.computeBoundaries({ f: () => 1 } as never)).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
  })
})
