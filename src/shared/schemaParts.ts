// Schema pieces shared by the IPC parsers and the project file, so that both accept exactly the same values.
import { z } from 'zod'

/** A probability strictly between 0 and 1 (alpha, beta, control risk). */
export const probability = z
  .number({ error: 'must be a number' })
  .gt(0, { error: 'must be > 0' })
  .lt(1, { error: 'must be < 1' })

/** Message for a tagged union: an unknown `kind` (path ….kind) or no object at all (path …). */
export const kindError =
  (kinds: readonly string[]) =>
  (issue: { input?: unknown }): string =>
    typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
      ? `must be one of ${kinds.join(', ')}`
      : `must be an object { kind: ${kinds.join(' | ')} }`

export const sides = z.literal([1, 2], { error: 'must be 1 or 2' })

export const spending = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('obf') }),
    z.strictObject({ kind: z.literal('pocock') }),
    z.strictObject({
      kind: z.literal('power'),
      rho: z.number({ error: 'must be a number' }).gt(0, { error: 'must be > 0' })
    }),
    z.strictObject({ kind: z.literal('hsd'), gamma: z.number({ error: 'must be a number' }) })
  ],
  { error: kindError(['obf', 'pocock', 'power', 'hsd']) }
)
