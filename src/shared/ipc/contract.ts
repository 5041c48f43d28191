// The ONE renderer ↔ main contract. Runtime content: two const objects (channel names); everything else is erased,
// so the sandboxed preload can bundle this file without pulling in any engine code.
import type {
  BoundaryRequest,
  BoundaryResult,
  EngineError,
  RisRequest,
  RisResult,
  TsaResult
} from '@engine'
import type { ProjectFile } from '../projectFile'

/**
 * Failures that happen at the IPC edge, before or around the engine. `engineCrashed`: the engine worker died (or
 * could not start) while the request was pending; `engineTimeout`: it did not answer in time and was restarted.
 */
export type BridgeErrorCode =
  'invalidRequest' | 'untrustedSender' | 'internal' | 'engineCrashed' | 'engineTimeout'

/**
 * An engine error (passed through unchanged) or an edge error. Plain JSON: it crosses IPC as data.
 * `field` names the request field at fault when there is one (e.g. "alpha", "informationFractions[2]").
 */
export type BridgeError = EngineError | { code: BridgeErrorCode; message: string; field?: string }

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

export interface AppInfo {
  name: string
  version: string
}

/** renderer → main: one request object in, one result out. */
export interface Requests {
  /** The full analysis of a project (the on-disk format, validated by parseProjectFile). Runs in a worker. */
  runTsa: { req: ProjectFile; res: TsaResult }
  computeBoundaries: { req: BoundaryRequest; res: BoundaryResult }
  computeRequiredInformationSize: { req: RisRequest; res: RisResult }
  appInfo: { req: null; res: AppInfo }
}

/** main → renderer pushes (none yet; e.g. runProgress once runs move to a worker). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in as events are added
export interface Events {}

export const REQUEST_CHANNELS = {
  runTsa: 'tsa:req/runTsa',
  computeBoundaries: 'tsa:req/computeBoundaries',
  computeRequiredInformationSize: 'tsa:req/computeRequiredInformationSize',
  appInfo: 'tsa:req/appInfo'
} as const satisfies { [K in keyof Requests]: `tsa:req/${K & string}` } // missing/extra/misspelt → compile error

export const EVENT_CHANNELS = {} as const satisfies { [K in keyof Events]: `tsa:evt/${K & string}` }

/** What preload exposes as window.tsa, and what src/web/installWorkerBridge.ts installs in a plain browser. */
export type TsaBridge = {
  readonly [K in keyof Requests]: (req: Requests[K]['req']) => Promise<Result<Requests[K]['res']>>
} & {
  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): () => void
}
