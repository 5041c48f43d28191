// The engine worker host, with real worker threads and no Electron: the real engineWorker.ts (TypeScript loaded in
// the thread through tsx, with tsconfig.node.json's path aliases), and small inline workers that crash or hang.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { TsaInput } from '../../../src/engine'
import { createEngineHost, type EngineHost } from '../../../src/main/engineHost'
import { answerJob } from '../../../src/main/engineProtocol'
import { isQueueReply } from '../../../src/shared/ipc/workerQueue'
import { analysisInput, parseProjectFile } from '../../../src/shared/projectFile'

const ROOT = resolve(import.meta.dirname, '../../..')

/** A worker thread running src/main/engineWorker.ts from source (electron-vite bundles it for the app). */
function spawnRealWorker(): Worker {
  const entry = pathToFileURL(resolve(ROOT, 'src/main/engineWorker.ts')).href
  const tsconfig = resolve(ROOT, 'tsconfig.node.json')
  // A bare specifier in an eval worker resolves from the working directory: vitest runs from the repository root.
  const boot = `import('tsx/esm/api').then(({ register }) => {
    register({ tsconfig: ${JSON.stringify(tsconfig)} })
    return import(${JSON.stringify(entry)})
  })`
  return new Worker(boot, { eval: true })
}

/** A stand-in worker: echoes `input.echo`, or hangs, exits or throws as `input.mode` says. Counts its spawns. */
let fakeSpawns = 0
function spawnFakeWorker(): Worker {
  fakeSpawns++
  return new Worker(
    `const { parentPort } = require('node:worker_threads')
    parentPort.on('message', (job) => {
      const mode = job.input.mode
      if (mode === 'hang') for (;;) {}
      if (mode === 'exit') process.exit(3)
      if (mode === 'throw') throw new Error('boom')
      parentPort.postMessage({ id: job.id, result: { ok: true, value: job.input.echo } })
    })`,
    { eval: true }
  )
}

const fakeJob = (input: { mode?: string; echo?: unknown }): TsaInput => input as never

function example(name: string): TsaInput {
  const raw: unknown = JSON.parse(
    readFileSync(resolve(ROOT, 'resources/examples', `${name}.opentsa.json`), 'utf8')
  )
  const parsed = parseProjectFile(raw)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return analysisInput(parsed.value)
}

const hosts: EngineHost[] = []
function host(...args: Parameters<typeof createEngineHost>): EngineHost {
  const h = createEngineHost(...args)
  hosts.push(h)
  return h
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.dispose()))
  fakeSpawns = 0
})

describe('engine protocol', () => {
  it('answers a job with the engine Result and the same id', () => {
    const reply = answerJob({
      id: 7,
      name: 'runTsa',
      input: { ...example('perioOxy'), trials: [] }
    })
    expect(reply).toEqual({
      id: 7,
      result: {
        ok: false,
        error: { code: 'invalidInput', message: 'the project has no trials', field: 'trials' }
      }
    })
  })

  it('turns an unknown job or an engine exception into an error Result', () => {
    expect(answerJob({ id: 1, name: 'nope' as never, input: null as never }).result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'unknown engine job: nope' }
    })
    const crash = answerJob({ id: 2, name: 'runTsa', input: null as never })
    expect(crash.id).toBe(2)
    expect(crash.result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('answers in the reply shape the shared queue accepts', () => {
    expect(isQueueReply(answerJob({ id: 1, name: 'runTsa', input: null as never }))).toBe(true)
    expect(isQueueReply({ id: 1, result: { ok: true, value: 1 } })).toBe(true)
    for (const bad of [null, 1, {}, { id: '1', result: { ok: true } }, { id: 1, result: null }]) {
      expect(isQueueReply(bad)).toBe(false)
    }
  })
})

describe('engine host with the real engineWorker.ts', () => {
  it('runs full analyses in the worker, concurrent requests each getting their own answer', async () => {
    const h = host({ spawn: spawnRealWorker })
    const names = ['perioOxy', 'coronary', 'eds']
    const results = await Promise.all(names.map((n) => h.run('runTsa', example(n))))
    results.forEach((r, i) => {
      if (!r.ok) throw new Error(`${names[i]}: ${r.error.message}`)
      expect(r.value.looks.length, names[i]).toBeGreaterThan(0)
    })
    // The same analysis in-process gives the same numbers (the worker adds transport only).
    const { runTsa } = await import('../../../src/engine')
    expect(results[0]).toEqual(runTsa(example('perioOxy')))
  }, 30_000)

  it('passes engine errors through with their field', async () => {
    const h = host({ spawn: spawnRealWorker })
    expect(await h.run('runTsa', { ...example('perioOxy'), trials: [] })).toEqual({
      ok: false,
      error: { code: 'invalidInput', message: 'the project has no trials', field: 'trials' }
    })
  }, 30_000)
})

describe('engine host failures: an error Result, never a hang', () => {
  it('a hung job times out; the worker is replaced and the queued job still runs', async () => {
    const h = host({ spawn: spawnFakeWorker, timeoutMs: 300 })
    const hung = h.run('runTsa', fakeJob({ mode: 'hang' }))
    const queued = h.run('runTsa', fakeJob({ echo: 'after' }))
    expect(await hung).toMatchObject({ ok: false, error: { code: 'engineTimeout' } })
    expect(await queued).toEqual({ ok: true, value: 'after' })
    expect(fakeSpawns).toBe(2)
  })

  it('a worker that exits or throws fails the running job; the next request gets a fresh worker', async () => {
    const h = host({ spawn: spawnFakeWorker })
    expect(await h.run('runTsa', fakeJob({ mode: 'exit' }))).toMatchObject({
      ok: false,
      error: { code: 'engineCrashed', message: expect.stringContaining('exit code 3') }
    })
    expect(await h.run('runTsa', fakeJob({ mode: 'throw' }))).toMatchObject({
      ok: false,
      error: { code: 'engineCrashed', message: expect.stringContaining('boom') }
    })
    expect(await h.run('runTsa', fakeJob({ echo: 42 }))).toEqual({ ok: true, value: 42 })
  })

  it('a worker that cannot start gives an error Result', async () => {
    const h = host({
      spawn: () => {
        throw new Error('no threads today')
      }
    })
    expect(await h.run('runTsa', fakeJob({}))).toEqual({
      ok: false,
      error: { code: 'engineCrashed', message: 'the engine could not start: no threads today' }
    })
  })

  it('input that cannot be cloned is rejected without reaching the worker', async () => {
    const h = host({ spawn: spawnFakeWorker })
    const r = await h.run('runTsa', fakeJob({ echo: () => 1 }))
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(await h.run('runTsa', fakeJob({ echo: 'still fine' }))).toEqual({
      ok: true,
      value: 'still fine'
    })
  })

  it('dispose fails pending and later requests', async () => {
    const h = host({ spawn: spawnFakeWorker, timeoutMs: 60_000 })
    const pending = h.run('runTsa', fakeJob({ mode: 'hang' }))
    await h.dispose()
    expect(await pending).toMatchObject({ ok: false, error: { code: 'engineCrashed' } })
    expect(await h.run('runTsa', fakeJob({ echo: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'engineCrashed', message: 'the engine has been shut down' }
    })
  })
})
