/**
 * Errors cross every boundary (IPC, CLI, worker) as data. The engine never throws for bad input: it returns
 * `fail(code, message, field)` and the host turns it into a message at the field or flag that caused it.
 */
export type EngineErrorCode = 'invalidInput' | 'noSolution' | 'internal' | 'invalidRequest'

export interface EngineError {
  code: EngineErrorCode | string
  message: string
  /** The request field (dotted path) that caused the error, when there is one. */
  field?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = <T = never>(
  code: EngineErrorCode,
  message: string,
  field?: string
): Result<T> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field }
})

/** Turns anything thrown into an EngineError, so a bug reaches the user as a message rather than a crash. */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof Error) return { code: 'internal', message: err.message }
  return { code: 'internal', message: String(err) }
}
