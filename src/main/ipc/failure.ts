import type { BridgeError } from '@shared/ipc/contract'

/** Thrown by a handler to return a specific error (an engine error, unchanged) to the renderer. */
export class RequestFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.message)
    this.name = 'RequestFailure'
  }
}

/** The value of an engine Result, or a RequestFailure carrying its error (registerRequestHandlers turns it back). */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: BridgeError }): T {
  if (!result.ok) throw new RequestFailure(result.error)
  return result.value
}

/** Anything a handler threw, as the error half of a Result. */
export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof RequestFailure) return err.error
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) }
}
