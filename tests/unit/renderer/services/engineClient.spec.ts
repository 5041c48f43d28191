import { afterEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import type { TsaBridge } from '../../../../src/shared/ipc/contract'
import * as engineClient from '../../../../src/renderer/src/services/engineClient'

/** A fake window.tsa: every request resolves to the given Result. */
function installBridge(result: unknown): TsaBridge {
  const bridge = {
    computeBoundaries: vi.fn(async () => result),
    computeRequiredInformationSize: vi.fn(async () => result),
    appInfo: vi.fn(async () => result),
    on: vi.fn(() => () => undefined)
  }
  vi.stubGlobal('tsa', bridge)
  return bridge as unknown as TsaBridge
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('engineClient', () => {
  it('runs in a DOM environment (happy-dom project)', () => {
    expect(typeof window).toBe('object')
    expect(typeof document.createElement).toBe('function')
  })

  it('sends plain data (no Vue proxies) and returns the value', async () => {
    const bridge = installBridge({ ok: true, value: { looks: [], inflationFactor: null } })
    const req = reactive({
      informationFractions: [0.5, 1],
      alpha: 0.05,
      sides: 2 as const,
      spending: { kind: 'obf' as const }
    })
    await expect(engineClient.computeBoundaries(req)).resolves.toEqual({
      looks: [],
      inflationFactor: null
    })
    const sent = vi.mocked(bridge.computeBoundaries).mock.calls[0]?.[0]
    expect(sent).toEqual(req)
    expect(() => structuredClone(sent)).not.toThrow()
  })

  it('throws an EngineFailure carrying the error code', async () => {
    installBridge({ ok: false, error: { code: 'invalidRequest', message: 'alpha: must be < 1' } })
    const failure = await engineClient.appInfo().catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(engineClient.EngineFailure)
    expect(failure).toMatchObject({ code: 'invalidRequest', message: 'alpha: must be < 1' })
  })
})

describe('engineClient: document requests', () => {
  it('sends the request objects of the contract, with plain data', async () => {
    const save = vi.fn(async () => ({ ok: true, value: { name: 'a.opentsa.json' } }))
    const open = vi.fn(async () => ({ ok: true, value: null }))
    vi.stubGlobal('tsa', { saveProject: save, openProject: open })
    const project = reactive({ format: 'opentsa-project', trials: [{ name: 'A' }] })
    await expect(engineClient.saveProject(project as never, true)).resolves.toEqual({
      name: 'a.opentsa.json'
    })
    const sent = save.mock.calls[0] as unknown[]
    expect(sent[0]).toEqual({
      project: { format: 'opentsa-project', trials: [{ name: 'A' }] },
      saveAs: true
    })
    expect(() => structuredClone(sent[0])).not.toThrow()

    await engineClient.openProject()
    await engineClient.openProject(3)
    expect(open.mock.calls).toEqual([[null], [{ recent: 3 }]])
  })

  it('subscribes to menu commands and hands back the unsubscribe function', () => {
    const unsubscribe = vi.fn()
    const on = vi.fn(() => unsubscribe)
    vi.stubGlobal('tsa', { on })
    const listener = vi.fn()
    expect(engineClient.onMenuCommand(listener)).toBe(unsubscribe)
    expect(on).toHaveBeenCalledWith('menuCommand', listener)
  })

  it('a host error (e.g. an unreadable file) becomes an EngineFailure with its code', async () => {
    vi.stubGlobal('tsa', {
      chooseImportFile: async () => ({
        ok: false,
        error: {
          code: 'invalidFile',
          message: 'huge.csv is too large to be a project or a data table (60 MB)'
        }
      })
    })
    await expect(engineClient.chooseImportFile()).rejects.toMatchObject({
      name: 'EngineFailure',
      code: 'invalidFile',
      message: 'huge.csv is too large to be a project or a data table (60 MB)'
    })
  })
})
