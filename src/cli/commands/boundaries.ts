import { parseArgs } from 'node:util'
import {
  computeBoundaries,
  parseSpendingSpec,
  type BoundaryEngine,
  type BoundaryRequest,
  type FutilityKind,
  type SpendingSpec
} from '@engine'
import { CliError, flagForField, numberFlag, sidesFlag } from '../cliError'

export const BOUNDARIES_HELP = `opentsa boundaries: Lan–DeMets monitoring boundaries at a set of looks

  --looks LIST|K        information fractions, e.g. 0.25,0.5,0.75,1 (increasing, in (0, 1]),
                        or a whole number K ≥ 2 for K equally spaced looks
  --alpha A             total type I error (default 0.05; two-sided designs spend A/2 per side)
  --sides 1|2           (default 2)
  --spending S          obf | pocock | power:RHO | hsd:GAMMA (default obf)
  --engine E            tsa (ld98, as the CTU TSA program and R ldbounds; default) | precise
  --beta B              type II error for futility and the inflation factor (default 0.2)
  --futility F          none (default) | tsaWedge | nonBinding | binding
  --beta-spending S     β-spending function of nonBinding/binding futility (default obf)
  --json                machine output: { looks: [...], inflationFactor }
`

const FIELD_FLAGS: Record<string, string> = {
  informationFractions: '--looks',
  alpha: '--alpha',
  sides: '--sides',
  spending: '--spending',
  engine: '--engine',
  beta: '--beta',
  futility: '--futility',
  betaSpending: '--beta-spending'
}

function parseLooks(raw: string | undefined): number[] {
  if (raw === undefined) {
    throw new CliError('--looks is required (e.g. --looks 0.25,0.5,0.75,1 or --looks 4)')
  }
  const parts = raw.split(',').map((s) => s.trim())
  if (parts.length === 1 && /^\d+$/.test(parts[0] as string) && Number(parts[0]) >= 2) {
    const k = Number(parts[0])
    return Array.from({ length: k }, (_, i) => (i + 1) / k)
  }
  return parts.map((p, i) => {
    const value = Number(p)
    if (p === '' || !Number.isFinite(value)) {
      throw new CliError(`--looks: look ${i + 1} ("${p}") is not a number`)
    }
    return value
  })
}

/** --spending and --beta-spending: obf | pocock | power:RHO | hsd:GAMMA (also used by `opentsa simulate`). */
export function spendingFlag(flag: string, raw: string | undefined): SpendingSpec {
  const spec = parseSpendingSpec(raw ?? 'obf')
  if (spec === null) {
    throw new CliError(`${flag}: "${raw}" is not obf, pocock, power:RHO or hsd:GAMMA`)
  }
  return spec
}

function oneOf<T extends string>(
  flag: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (raw === undefined) return fallback
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new CliError(`${flag} must be one of ${allowed.join(', ')}, got "${raw}"`)
  }
  return raw as T
}

/** Parses the flags into a BoundaryRequest (exported for tests). */
export function boundaryRequestFromArgs(args: string[]): {
  request: BoundaryRequest
  json: boolean
} {
  const { values } = parseArgs({
    args,
    options: {
      looks: { type: 'string' },
      alpha: { type: 'string' },
      sides: { type: 'string' },
      spending: { type: 'string' },
      engine: { type: 'string' },
      beta: { type: 'string' },
      futility: { type: 'string' },
      'beta-spending': { type: 'string' },
      json: { type: 'boolean' }
    },
    strict: true,
    allowPositionals: false
  })
  const request: BoundaryRequest = {
    informationFractions: parseLooks(values.looks),
    alpha: numberFlag('--alpha', values.alpha, 0.05),
    sides: sidesFlag(values.sides),
    spending: spendingFlag('--spending', values.spending),
    engine: oneOf<BoundaryEngine>('--engine', values.engine, ['tsa', 'precise'], 'tsa'),
    beta: numberFlag('--beta', values.beta, 0.2),
    futility: oneOf<FutilityKind>(
      '--futility',
      values.futility,
      ['none', 'tsaWedge', 'nonBinding', 'binding'],
      'none'
    )
  }
  if (values['beta-spending'] !== undefined) {
    request.betaSpending = spendingFlag('--beta-spending', values['beta-spending'])
  }
  return { request, json: values.json === true }
}

const fmt = (x: number | null, digits = 4): string => (x === null ? '—' : x.toFixed(digits))

export function runBoundaries(args: string[], out: (text: string) => void): void {
  const { request, json } = boundaryRequestFromArgs(args)
  const result = computeBoundaries(request)
  if (!result.ok) {
    throw new CliError(`${flagForField(result.error.field, FIELD_FLAGS)}${result.error.message}`)
  }
  const { looks, inflationFactor, futilityConvention } = result.value
  if (json) {
    const extra = futilityConvention === undefined ? {} : { futilityConvention }
    out(JSON.stringify({ looks, inflationFactor, ...extra }, null, 2))
    return
  }
  const lines = [
    `engine ${result.value.engine}, alpha ${request.alpha} (${request.sides}-sided), futility ${request.futility}`,
    'look        t     upper     lower   alpha spent   futility+   futility−'
  ]
  looks.forEach((look, k) => {
    lines.push(
      [
        String(k + 1).padStart(4),
        look.informationFraction.toFixed(4).padStart(8),
        fmt(look.upper).padStart(9),
        fmt(look.lower).padStart(9),
        look.alphaSpent.toExponential(4).padStart(13),
        fmt(look.futilityUpper).padStart(11),
        fmt(look.futilityLower).padStart(11)
      ].join(' ')
    )
  })
  if (inflationFactor !== null) lines.push(`inflation factor R = ${inflationFactor.toFixed(6)}`)
  if (futilityConvention !== undefined) lines.push(`futility: ${futilityConvention}`)
  out(lines.join('\n'))
}
