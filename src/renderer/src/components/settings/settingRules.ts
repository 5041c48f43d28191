// What the Settings panel accepts, taken from the project schema itself (src/shared/projectFile.ts) so that a field
// takes exactly the values a saved project may hold: the number rule of each numeric option, how typed text becomes
// a number, and the choices of the option lists.
import { z } from 'zod'
import { analysisSchema, monitoringSchema, type MonitoringSettings } from '@shared/projectFile'
import { parseLocaleNumber } from '@shared/io/csvImport'
import { detectDecimalComma, localeUsesDecimalComma } from '../../stores/trialCells'

/** One entry of an option list. `value: undefined` is the "default" choice of an optional key (removes it). */
export interface Choice<T> {
  value: T
  label: string
}

export type Spending = MonitoringSettings['alphaSpending']
export type RisSettings = MonitoringSettings['ris']
/** "Estimate it from the trials" (all of them, or those at low risk of bias). */
export type Estimated = { from: 'data' | 'lowRiskOfBias' }

/** The schema of a field: wrappers (default, optional, nullable) removed; in a tagged union, the member with it. */
function fieldSchema(schema: z.ZodType, path: readonly string[]): z.ZodType {
  if (
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable
  ) {
    return fieldSchema(schema.unwrap() as z.ZodType, path)
  }
  const [key, ...rest] = path
  if (key === undefined) return schema
  const members = schema instanceof z.ZodUnion ? (schema.options as z.ZodType[]) : [schema]
  for (const member of members) {
    if (member instanceof z.ZodObject && key in member.shape) {
      return fieldSchema(member.shape[key] as z.ZodType, rest)
    }
  }
  throw new Error(`the project schema has no field ${path.join('.')}`)
}

/** The number a field accepts: a number schema, or the number member of "number or { from: … }". */
function numberRule(schema: z.ZodType, ...path: string[]): z.ZodNumber {
  const field = fieldSchema(schema, path)
  const members = field instanceof z.ZodUnion ? (field.options as z.ZodType[]) : [field]
  const rule = members.find((m): m is z.ZodNumber => m instanceof z.ZodNumber)
  if (rule === undefined) throw new Error(`${path.join('.')} takes no number`)
  return rule
}

/** The number rule of every numeric option (evaluated once; a schema change that removes one fails loudly here). */
export const RULES = {
  alpha: numberRule(monitoringSchema, 'alpha'),
  // power = 1 − β lies in (0, 1) exactly when β does
  power: numberRule(monitoringSchema, 'beta'),
  rho: numberRule(monitoringSchema, 'alphaSpending', 'rho'),
  gamma: numberRule(monitoringSchema, 'alphaSpending', 'gamma'),
  minimumLookIncrement: numberRule(monitoringSchema, 'minimumLookIncrement'),
  minimumLookFraction: numberRule(monitoringSchema, 'minimumLookFraction'),
  manual: numberRule(monitoringSchema, 'ris', 'manual'),
  controlRisk: numberRule(monitoringSchema, 'ris', 'controlRisk'),
  relativeRiskReduction: numberRule(monitoringSchema, 'ris', 'relativeRiskReduction'),
  relativeBenefitIncrease: numberRule(monitoringSchema, 'ris', 'relativeBenefitIncrease'),
  difference: numberRule(monitoringSchema, 'ris', 'difference'),
  variance: numberRule(monitoringSchema, 'ris', 'variance'),
  heterogeneity: numberRule(monitoringSchema, 'ris', 'heterogeneity', 'value'),
  lambda: numberRule(monitoringSchema, 'lil', 'lambda'),
  zeroValue: numberRule(analysisSchema, 'zeroEvents', 'value')
} as const

/** Why a number is not accepted (the schema's own message, e.g. "must be < 1"), or null when it is. */
export function numberProblem(rule: z.ZodNumber, x: number): string | null {
  if (!Number.isFinite(x)) return 'must be a number'
  const parsed = rule.safeParse(x)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not accepted')
}

/** Typed text as a number, read as the trial table reads a cell (decimal comma or point); NaN if it is none. */
export function readNumber(text: string): number {
  return parseLocaleNumber(text, detectDecimalComma([text], localeUsesDecimalComma()))
}

export const isEstimated = (v: unknown): v is Estimated =>
  typeof v === 'object' && v !== null && 'from' in v

/**
 * Sets an optional key, or removes it for `undefined` (the project file leaves defaults out rather than storing
 * `undefined`, which JSON could not hold anyway).
 */
export function setOptional<O extends object, K extends keyof O>(
  target: O,
  key: K,
  value: O[K] | undefined
): void {
  if (value === undefined) delete target[key]
  else target[key] = value
}

/**
 * Parameters given to a spending family when it is chosen: ρ = 3 and γ = −4 both spend close to the
 * O'Brien–Fleming function (Kim & DeMets 1987; Hwang, Shih & DeCani 1990), the default family, so switching the
 * family alone does not change the boundaries much.
 */
const SPENDING_DEFAULTS = { rho: 3, gamma: -4 } as const

export function spendingOf(kind: Spending['kind']): Spending {
  if (kind === 'power') return { kind, rho: SPENDING_DEFAULTS.rho }
  if (kind === 'hsd') return { kind, gamma: SPENDING_DEFAULTS.gamma }
  return { kind }
}
