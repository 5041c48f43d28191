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
