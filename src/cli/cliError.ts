/** A user error on the command line: printed as one line on stderr, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliError'
  }
}

/** A number flag: finite, or a CliError naming the flag. */
export function numberFlag(flag: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined) {
    if (fallback === undefined) throw new CliError(`${flag} is required`)
    return fallback
  }
  const value = Number(raw.trim())
  if (raw.trim() === '' || !Number.isFinite(value)) {
    throw new CliError(`${flag}: "${raw}" is not a number`)
  }
  return value
}

/** --sides: 1 or 2. */
export function sidesFlag(raw: string | undefined): 1 | 2 {
  const sides = numberFlag('--sides', raw, 2)
  if (sides !== 1 && sides !== 2) throw new CliError(`--sides must be 1 or 2, got ${raw}`)
  return sides
}

/** Engine errors name a request field; the CLI names the flag the user typed instead. */
export function flagForField(field: string | undefined, flags: Record<string, string>): string {
  if (field === undefined) return ''
  const root = field.replace(/[[.].*$/, '')
  const flag = flags[root]
  return flag === undefined ? `${field}: ` : `${flag}: `
}
