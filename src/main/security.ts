// Security rules for every window and session. "Checklist item N" is the numbered checklist of Electron's
// Security tutorial, https://www.electronjs.org/docs/latest/tutorial/security (summarised in ecosystem.md §4.1).
// No runtime import of 'electron': everything is passed in, so the rules are unit-tested without Electron.
import type { HandlerDetails, Session, WebContents } from 'electron'

/**
 * Content Security Policy for the renderer (checklist item 7). The same string is in the <meta> of
 * src/renderer/index.html (a unit test keeps the two equal) and is sent as a response header by hardenSession().
 * No 'unsafe-eval': Vue templates are compiled at build time. 'unsafe-inline' styles: Vue binds style attributes.
 * data:/blob: images: figure export. connect-src 'self' also covers the Vite dev server's same-origin HMR socket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

/**
 * Where the app's own pages live, as a comparable string:
 * - http(s) (the Vite dev server): the URL origin, e.g. `http://localhost:5173`;
 * - file: (production, loadFile): `file://` + host + path of the exact file. File URLs have the opaque origin "null",
 *   so comparing origins would trust every local file; we trust only our index.html (any query or #hash).
 * Anything else (data:, javascript:, custom schemes, unparsable) has no app origin: null.
 */
export function appOriginOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol === 'file:') {
    // Decoded, so that two encodings of the same path (Electron's loadFile vs pathToFileURL) compare equal.
    try {
      return `file://${parsed.host}${decodeURIComponent(parsed.pathname)}`
    } catch {
      return null // malformed percent-encoding
    }
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin
  return null
}

/** True when `url` is one of the app's own pages. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return appOriginOf(url) === appOrigin
}

/** The part of an IpcMainInvokeEvent the sender check reads (structural, so tests need no Electron). */
export interface SenderInfo {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

/**
 * Checklist item 17, "Validate the sender of all IPC messages": only the top-level frame of our own page may call
 * main. A destroyed or navigated-away frame (senderFrame null), a subframe or any other origin is rejected.
 */
export function isTrustedSender(event: SenderInfo, appOrigin: string): boolean {
  const frame = event.senderFrame
  if (frame === null) return false
  if (frame.parent !== null) return false
  return isAppUrl(frame.url, appOrigin)
}

/** Checklist item 13, "Disable or limit navigation": block any navigation away from the app's own pages. */
export function guardNavigation(
  event: { readonly url: string; preventDefault(): void },
  appOrigin: string
): void {
  if (!isAppUrl(event.url, appOrigin)) event.preventDefault()
}

/**
 * Checklist item 14, "Disable or limit creation of new windows": window.open and target=_blank are denied.
 * (External links will later go through shell.openExternal with an https allow-list, item 15.)
 */
export function denyWindowOpen(_details?: HandlerDetails): { action: 'deny' } {
  return { action: 'deny' }
}

/**
 * Checklist item 5, "Handle session permission requests from remote content": deny by default. The app needs no
 * camera, microphone, geolocation, notifications, MIDI, HID, serial or USB. Add a permission here, by name and with
 * the reason, only when a feature needs it.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set<string>()

export const isPermissionAllowed = (permission: string): boolean =>
  ALLOWED_PERMISSIONS.has(permission)

/** Response headers with our CSP replacing any Content-Security-Policy the response had. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy'
  )
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
}

/** Navigation and window rules for one WebContents (main calls this from app 'web-contents-created'). */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  appOrigin: string
): void {
  contents.on('will-navigate', (event) => guardNavigation(event, appOrigin))
  contents.on('will-redirect', (event) => guardNavigation(event, appOrigin))
  // Checklist item 12: no <webview> (webviewTag is false too; this also catches one created some other way).
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(denyWindowOpen)
}

/** Permission and CSP rules for a session (main calls this once for session.defaultSession, after 'ready'). */
export function hardenSession(
  ses: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>
): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission))
  )
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission))
  // Checklist item 7: the CSP also as a header (the meta tag alone does not cover every response).
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  )
}
