// The only module that reads window.tsa. It sends plain data and unwraps Result: callers get values or an
// EngineFailure. Type-only imports from @engine: no engine code enters the renderer bundle.
import type { BoundaryRequest, BoundaryResult, RisRequest, RisResult, TsaResult } from '@engine'
import type { AppInfo, Result } from '@shared/ipc/contract'
import type { ProjectFile } from '@shared/projectFile'

export class EngineFailure extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
    this.name = 'EngineFailure'
  }
}

/**
 * Vue proxies, even nested ones, make IPC's structured clone throw ("could not be cloned"). A JSON round-trip strips
 * them and also enforces the JSON-only DTO rule. Use toRaw() instead only for flat, known-raw objects.
 */
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new EngineFailure(result.error.code, result.error.message)
  return result.value
}

export async function appInfo(): Promise<AppInfo> {
  return valueOf(await window.tsa.appInfo(null))
}

export async function computeBoundaries(req: BoundaryRequest): Promise<BoundaryResult> {
  return valueOf(await window.tsa.computeBoundaries(plain(req)))
}

export async function computeRequiredInformationSize(req: RisRequest): Promise<RisResult> {
  return valueOf(await window.tsa.computeRequiredInformationSize(plain(req)))
}

/** The full analysis of a project (runs in the engine worker of either host). */
export async function runTsa(project: ProjectFile): Promise<TsaResult> {
  return valueOf(await window.tsa.runTsa(plain(project)))
}
