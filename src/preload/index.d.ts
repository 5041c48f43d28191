import type { TsaBridge } from '../shared/ipc/contract'

declare global {
  interface Window {
    /** Installed by src/preload/index.ts (desktop) or src/web (browser). Read only in services/engineClient.ts. */
    tsa: TsaBridge
  }
}
