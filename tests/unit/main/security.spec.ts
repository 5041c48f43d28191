// Security settings of the Electron main process, checked WITHOUT Electron: 'electron' is mocked, and the rules in
// src/main/security.ts take their Electron objects as arguments (fakes here).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'

type InvokeListener = (event: unknown, raw: unknown) => Promise<unknown>
const ipcHandlers = new Map<string, InvokeListener>()

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(),
  ipcMain: {
    handle: vi.fn((channel: string, listener: InvokeListener) => {
      ipcHandlers.set(channel, listener)
    }),
    removeHandler: vi.fn((channel: string) => {
      ipcHandlers.delete(channel)
    })
  }
}))

const { SECURE_WEB_PREFERENCES, resolveRenderer } = await import('../../../src/main/window')
const {
  CONTENT_SECURITY_POLICY,
  appOriginOf,
  denyWindowOpen,
  hardenSession,
  hardenWebContents,
  isTrustedSender
} = await import('../../../src/main/security')
const { registerRequestHandlers } = await import('../../../src/main/ipc/register')
const { PARSERS } = await import('../../../src/shared/ipc/parse')
const { REQUEST_CHANNELS } = await import('../../../src/shared/ipc/contract')

const DEV_ORIGIN = 'http://localhost:5173'
const FILE_INDEX = 'file:///opt/OpenTSA/resources/app.asar/out/renderer/index.html'

describe('BrowserWindow webPreferences', () => {
  it('keeps the renderer isolated and sandboxed, without Node', () => {
    expect(SECURE_WEB_PREFERENCES.contextIsolation).toBe(true)
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true)
    expect(SECURE_WEB_PREFERENCES.nodeIntegration).toBe(false)
    expect(SECURE_WEB_PREFERENCES.nodeIntegrationInWorker).toBe(false)
    expect(SECURE_WEB_PREFERENCES.nodeIntegrationInSubFrames).toBe(false)
  })

  it('never relaxes web security', () => {
    expect(SECURE_WEB_PREFERENCES.webSecurity).not.toBe(false)
    expect(SECURE_WEB_PREFERENCES.allowRunningInsecureContent).toBe(false)
    expect(SECURE_WEB_PREFERENCES.experimentalFeatures).toBe(false)
    expect(SECURE_WEB_PREFERENCES.webviewTag).toBe(false)
    expect(SECURE_WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures')
  })
})

describe('Content Security Policy', () => {
  it('restricts everything to the app itself and has no eval', () => {
    const directives = CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim())
    expect(directives).toContain("default-src 'self'")
    expect(directives).toContain("script-src 'self'")
    expect(directives).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives.find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline')
  })

  it('is the same string in the renderer index.html meta tag', () => {
    const html = readFileSync(
      resolve(import.meta.dirname, '../../../src/renderer/index.html'),
      'utf8'
    )
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i.exec(
      html
    )
    expect(meta, 'CSP <meta> tag in src/renderer/index.html').not.toBeNull()
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
  })

  it('is sent as a response header, replacing any CSP the response had', () => {
    const fake = fakeSession()
    hardenSession(fake.session)
    const callback = vi.fn()
    fake.headersListener()(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
})

describe('navigation and new windows', () => {
  function hardened(appOrigin: string): {
    navigate: (event: string, url: string) => boolean
    openHandler: () => unknown
  } {
    const listeners = new Map<string, (event: unknown) => void>()
    let openHandler: (() => unknown) | undefined
    const contents = {
      on: (name: string, listener: (event: unknown) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: () => unknown) => {
        openHandler = handler
      }
    }
    hardenWebContents(contents as unknown as Parameters<typeof hardenWebContents>[0], appOrigin)
    return {
      /** true when the navigation was blocked */
      navigate(name, url) {
        const event = { url, preventDefault: vi.fn() }
        const listener = listeners.get(name)
        if (listener === undefined) throw new Error(`no ${name} listener installed`)
        listener(event)
        return event.preventDefault.mock.calls.length > 0
      },
      openHandler: () => {
        if (openHandler === undefined) throw new Error('no window open handler installed')
        return openHandler()
      }
    }
  }

  it('blocks navigation to a foreign URL and allows the app URL (dev server)', () => {
    const wc = hardened(DEV_ORIGIN)
    expect(wc.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(wc.navigate('will-navigate', 'http://localhost:5174/')).toBe(true)
    expect(wc.navigate('will-navigate', 'javascript:alert(1)')).toBe(true)
    expect(wc.navigate('will-navigate', 'http://localhost:5173/')).toBe(false)
    expect(wc.navigate('will-navigate', 'http://localhost:5173/#/results')).toBe(false)
    expect(wc.navigate('will-redirect', 'https://evil.example/')).toBe(true)
  })

  it('allows only our own index.html among file: URLs (production)', () => {
    const wc = hardened(appOriginOf(FILE_INDEX) as string)
    expect(wc.navigate('will-navigate', `${FILE_INDEX}#/settings`)).toBe(false)
    expect(wc.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(wc.navigate('will-navigate', 'file:///home/user/Downloads/evil.html')).toBe(true)
  })

  it('denies window.open', () => {
    expect(hardened(DEV_ORIGIN).openHandler()).toEqual({ action: 'deny' })
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
  })
})

describe('permissions', () => {
  it('denies permission requests and checks', () => {
    const fake = fakeSession()
    hardenSession(fake.session)
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      const callback = vi.fn()
      fake.requestHandler()(null, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(fake.checkHandler()(null, permission)).toBe(false)
    }
  })
})

describe('IPC sender check', () => {
  const frame = (
    url: string,
    parent: unknown = null
  ): { senderFrame: { url: string; parent: unknown } } => ({
    senderFrame: { url, parent }
  })

  it('trusts only the top-level frame of the app', () => {
    expect(isTrustedSender(frame('http://localhost:5173/'), DEV_ORIGIN)).toBe(true)
    expect(isTrustedSender(frame('https://evil.example/'), DEV_ORIGIN)).toBe(false)
    expect(isTrustedSender(frame('http://localhost:5173.evil.example/'), DEV_ORIGIN)).toBe(false)
    expect(isTrustedSender(frame('http://localhost:5173/', { url: 'x' }), DEV_ORIGIN)).toBe(false)
    expect(isTrustedSender({ senderFrame: null }, DEV_ORIGIN)).toBe(false)
  })

  it('with file: loads, trusts our index.html but no other local file', () => {
    const origin = appOriginOf(FILE_INDEX) as string
    expect(isTrustedSender(frame(FILE_INDEX), origin)).toBe(true)
    expect(isTrustedSender(frame('file:///tmp/other.html'), origin)).toBe(false)
  })

  it('compares file: paths decoded, so either percent-encoding of our path matches', () => {
    const origin = appOriginOf('file:///home/a%20b/OpenTSA/out/renderer/index.html') as string
    expect(isTrustedSender(frame('file:///home/a b/OpenTSA/out/renderer/index.html'), origin)).toBe(
      true
    )
    expect(
      isTrustedSender(frame('file:///home/a%2520b/OpenTSA/out/renderer/index.html'), origin)
    ).toBe(false)
    expect(appOriginOf('file:///bad%E0%A4%A')).toBeNull()
  })

  it('derives the app origin from the dev server only in an unpackaged app', () => {
    expect(resolveRenderer(DEV_ORIGIN, false).appOrigin).toBe(DEV_ORIGIN)
    const packaged = resolveRenderer(DEV_ORIGIN, true)
    expect(packaged.target.kind).toBe('file')
    expect(packaged.appOrigin.startsWith('file://')).toBe(true)
    expect(packaged.appOrigin.endsWith('/renderer/index.html')).toBe(true)
  })
})

describe('registerRequestHandlers', () => {
  const handlers = {
    computeBoundaries: vi.fn(async () => ({ looks: [], inflationFactor: null })),
    computeRequiredInformationSize: vi.fn(async () => ({
      fixed: 1,
      adjustmentFactor: 1,
      required: 1,
      exact: 1
    })),
    appInfo: vi.fn(async () => ({ name: 'OpenTSA', version: '0.1.0' }))
  }
  const goodBoundaries = {
    informationFractions: [0.5, 1],
    alpha: 0.05,
    sides: 2,
    spending: { kind: 'obf' }
  }
  const appEvent = { senderFrame: { url: 'http://localhost:5173/', parent: null }, sender: { id: 1 } }
  const foreignEvent = { senderFrame: { url: 'https://evil.example/', parent: null } }
  const invoke = (channel: string, event: unknown, raw: unknown): Promise<unknown> => {
    const listener = ipcHandlers.get(channel)
    if (listener === undefined) throw new Error(`no handler bound for ${channel}`)
    return listener(event, raw)
  }

  beforeEach(() => {
    ipcHandlers.clear()
    vi.clearAllMocks()
    registerRequestHandlers(
      handlers as unknown as Parameters<typeof registerRequestHandlers>[0],
      PARSERS,
      (event: IpcMainInvokeEvent) => isTrustedSender(event, DEV_ORIGIN)
    )
  })

  it('binds every channel of the contract', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(REQUEST_CHANNELS).sort())
  })

  it('rejects an untrusted sender without calling the handler', async () => {
    const result = await invoke(REQUEST_CHANNELS.computeBoundaries, foreignEvent, goodBoundaries)
    expect(result).toMatchObject({ ok: false, error: { code: 'untrustedSender' } })
    expect(handlers.computeBoundaries).not.toHaveBeenCalled()
  })

  it('rejects an invalid payload without calling the handler, naming the field', async () => {
    const result = await invoke(REQUEST_CHANNELS.computeBoundaries, appEvent, {
      ...goodBoundaries,
      alpha: 2
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidRequest' } })
    expect((result as { error: { message: string } }).error.message).toMatch(/^alpha: /)
    expect(handlers.computeBoundaries).not.toHaveBeenCalled()
  })

  it('passes a valid payload from the app to the handler and wraps the value', async () => {
    const result = await invoke(REQUEST_CHANNELS.computeBoundaries, appEvent, goodBoundaries)
    expect(result).toEqual({ ok: true, value: { looks: [], inflationFactor: null } })
    expect(handlers.computeBoundaries).toHaveBeenCalledWith(goodBoundaries, appEvent.sender)
  })

  it('turns a thrown error into { ok: false }', async () => {
    handlers.appInfo.mockRejectedValueOnce(new Error('boom'))
    const result = await invoke(REQUEST_CHANNELS.appInfo, appEvent, null)
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } })
  })
})

/** A Session stand-in that records the handlers hardenSession installs. */
function fakeSession(): {
  session: Parameters<typeof hardenSession>[0]
  requestHandler: () => (
    wc: unknown,
    permission: string,
    callback: (granted: boolean) => void
  ) => void
  checkHandler: () => (wc: unknown, permission: string) => boolean
  headersListener: () => (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: unknown) => void
  ) => void
} {
  const installed: Record<string, unknown> = {}
  const get = <T>(name: string): T => {
    if (!(name in installed)) throw new Error(`${name} was not installed`)
    return installed[name] as T
  }
  const session = {
    setPermissionRequestHandler: (h: unknown) => (installed['request'] = h),
    setPermissionCheckHandler: (h: unknown) => (installed['check'] = h),
    webRequest: { onHeadersReceived: (h: unknown) => (installed['headers'] = h) }
  }
  return {
    session: session as unknown as Parameters<typeof hardenSession>[0],
    requestHandler: () => get('request'),
    checkHandler: () => get('check'),
    headersListener: () => get('headers')
  }
}
