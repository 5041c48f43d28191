import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { REQUEST_CHANNELS, type Requests, type Result } from '@shared/ipc/contract'
import type { Parsers } from '@shared/ipc/parse'
import { toBridgeError } from './failure'

/** The WebContents a request came from: document requests act on its window (never on a path it sends). */
export type RequestSender = IpcMainInvokeEvent['sender']

/** One function per request, typed by the contract: a missing or misspelt key does not compile. */
export type Handlers = {
  [K in keyof Requests]: (
    req: Requests[K]['req'],
    sender: RequestSender
  ) => Promise<Requests[K]['res']>
}

/**
 * Binds every channel of the contract. For each call: check the sender, parse the payload, run the handler, and
 * return a Result (errors cross IPC as data, never as rejected promises). Returns a function that unbinds them.
 */
export function registerRequestHandlers(
  handlers: Handlers,
  parsers: Parsers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): () => void {
  const names = Object.keys(REQUEST_CHANNELS) as (keyof Requests)[]
  for (const name of names) {
    ipcMain.handle(
      REQUEST_CHANNELS[name],
      async (event, raw: unknown): Promise<Result<Requests[typeof name]['res']>> => {
        if (!isTrustedSender(event)) {
          return { ok: false, error: { code: 'untrustedSender', message: 'rejected IPC sender' } }
        }
        const parsed = parsers[name](raw)
        if (!parsed.ok) return parsed
        try {
          // TypeScript cannot correlate K across the two maps; parsers[name] produced handlers[name]'s input.
          return { ok: true, value: await handlers[name](parsed.value as never, event.sender) }
        } catch (err) {
          return { ok: false, error: toBridgeError(err) }
        }
      }
    )
  }
  return () => names.forEach((name) => ipcMain.removeHandler(REQUEST_CHANNELS[name]))
}
