import { parseArgs } from 'node:util'
import { requiredInformationSize, type HeterogeneityAdjustment, type RisRequest } from '@engine'
import { CliError, flagForField, numberFlag, sidesFlag } from '../cliError'

export const RIS_HELP = `opentsa ris: required information size (methods.md §4, CTU rounding)

  dichotomous:  --control-risk P  (--rrr R | --rbi R)
  continuous:   --difference D --variance V
  --alpha A                 total type I error (default 0.05)
  --sides 1|2               (default 2)
  --beta B                  type II error (default 0.2)
  --heterogeneity H         none (default) | d2:VALUE | i2:VALUE  (AF = 1/(1 − VALUE))
  --json                    { fixed, adjustmentFactor, required, exact }
`

const FIELD_FLAGS: Record<string, string> = {
  alpha: '--alpha',
  sides: '--sides',
  beta: '--beta',
  controlRisk: '--control-risk',
  relativeRiskReduction: '--rrr',
  relativeBenefitIncrease: '--rbi',
  difference: '--difference',
  variance: '--variance',
  heterogeneity: '--heterogeneity'
}

function heterogeneityFlag(raw: string | undefined): HeterogeneityAdjustment {
  if (raw === undefined || raw === 'none') return { kind: 'none' }
  const match = /^(d2|i2):(.+)$/i.exec(raw.trim())
  if (match === null) {
    throw new CliError(`--heterogeneity must be none, d2:VALUE or i2:VALUE, got "${raw}"`)
  }
  const value = numberFlag('--heterogeneity', match[2])
  return {
    kind: (match[1] as string).toLowerCase() === 'd2' ? 'diversity' : 'inconsistency',
    value
  }
}

/** Parses the flags into a RisRequest (exported for tests). */
export function risRequestFromArgs(args: string[]): { request: RisRequest; json: boolean } {
  const { values } = parseArgs({
    args,
    options: {
      'control-risk': { type: 'string' },
      rrr: { type: 'string' },
      rbi: { type: 'string' },
      difference: { type: 'string' },
      variance: { type: 'string' },
      alpha: { type: 'string' },
      sides: { type: 'string' },
      beta: { type: 'string' },
      heterogeneity: { type: 'string' },
      json: { type: 'boolean' }
    },
    strict: true,
    allowPositionals: false
  })
  const request: RisRequest = {
    alpha: numberFlag('--alpha', values.alpha, 0.05),
    sides: sidesFlag(values.sides),
    beta: numberFlag('--beta', values.beta, 0.2),
    heterogeneity: heterogeneityFlag(values.heterogeneity)
  }
  const dichotomous = values['control-risk'] !== undefined
  const continuous = values.difference !== undefined || values.variance !== undefined
  if (dichotomous && continuous) {
    throw new CliError(
      'give either --control-risk with --rrr, or --difference with --variance, not both'
    )
  }
  if (dichotomous) {
    request.controlRisk = numberFlag('--control-risk', values['control-risk'])
    if (values.rrr !== undefined) request.relativeRiskReduction = numberFlag('--rrr', values.rrr)
    else if (values.rbi !== undefined) {
      request.relativeBenefitIncrease = numberFlag('--rbi', values.rbi)
    } else {
      throw new CliError(
        '--rrr (or --rbi for a beneficial outcome) is required with --control-risk'
      )
    }
  } else if (continuous) {
    request.difference = numberFlag('--difference', values.difference)
    request.variance = numberFlag('--variance', values.variance)
  } else {
    throw new CliError(
      'give --control-risk P --rrr R (dichotomous) or --difference D --variance V (continuous)'
    )
  }
  return { request, json: values.json === true }
}

export function runRis(args: string[], out: (text: string) => void): void {
  const { request, json } = risRequestFromArgs(args)
  const result = requiredInformationSize(request)
  if (!result.ok) {
    throw new CliError(`${flagForField(result.error.field, FIELD_FLAGS)}${result.error.message}`)
  }
  const r = result.value
  if (json) {
    out(
      JSON.stringify(
        {
          fixed: r.fixed,
          adjustmentFactor: r.adjustmentFactor,
          required: r.required,
          exact: r.exact
        },
        null,
        2
      )
    )
    return
  }
  out(
    [
      `required information size  ${Math.ceil(r.required)}  (ceil(RIS_F)·AF = ${r.required.toFixed(2)})`,
      `exact                      ${r.exact.toFixed(2)}  (RIS_F·AF)`,
      `fixed-effect RIS_F         ${r.fixed.toFixed(2)}`,
      `adjustment factor AF       ${r.adjustmentFactor.toFixed(4)}`
    ].join('\n')
  )
}
