// Sandboxed bridge: builds window.tsa from the contract and nothing else. It may import only 'electron' and the
// contract (the sandbox cannot load npm packages; the contract's runtime content is two const objects).
import { contextBridge, ipcRenderer } from 'electron'
import {
  EVENT_CHANNELS,
  REQUEST_CHANNELS,
  type Requests,
  type TsaBridge
} from '../shared/ipc/contract'

// One invoke wrapper per request channel. Main answers every channel with a Result (registerRequestHandlers).
const requests = Object.fromEntries(
  Object.entries(REQUEST_CHANNELS).map(([name, channel]) => [
    name,
    (req: unknown) => ipcRenderer.invoke(channel, req)
  ])
) as { [K in keyof Requests]: TsaBridge[K] }

const eventChannels: Readonly<Record<string, string>> = EVENT_CHANNELS

const bridge: TsaBridge = {
  ...requests,
  on(event: string, listener: (payload: never) => void): () => void {
    const channel = Object.hasOwn(eventChannels, event) ? eventChannels[event] : undefined
    if (channel === undefined) throw new Error(`unknown event: ${event}`)
    // Never hand the IpcRendererEvent to the page: it carries `sender`, i.e. ipcRenderer itself.
    const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown): void =>
      listener(payload as never)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  }
}

contextBridge.exposeInMainWorld('tsa', bridge)
