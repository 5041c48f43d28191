import {
  MAX_LOOKS,
  MIN_INFORMATION_FRACTION,
  MIN_INFORMATION_INCREMENT,
  Z_UNREACHABLE
} from '../constants'
import { fail, ok, type Result } from '../result'
import type { SpendingSpec } from '../spending'
import type { BoundaryLook, BoundaryRequest, BoundaryResult } from '../types'
import { computeFutility } from './futility'
import { solveAlphaBoundaries, type AlphaBoundaries } from './solveAlphaBoundaries'
import { solveAlphaBoundariesLd98 } from './solveAlphaBoundariesLd98'

/** JSON has no ±Infinity or NaN: a bound that cannot be crossed is null in every DTO (interfaces.md). */
export const toZValue = (z: number): number | null =>
  Number.isFinite(z) && Math.abs(z) < Z_UNREACHABLE ? z : null

/**
 * Monitoring boundaries for a set of looks: validates the request (errors name the field), solves the α-spending
 * boundaries with the chosen engine, adds futility bounds, and returns the DTO of interfaces.md
 * (`opentsa boundaries --json`).
 *
 * Options for the analysis host (runTsa): `inflationFactor: false` skips R where it costs extra recursions (the CTU
 * wedge); `maxLooks` lifts the 200-look limit of a design request, since a cumulative meta-analysis has one look per
 * trial.
 */
export function computeBoundaries(
  req: BoundaryRequest,
  options: { inflationFactor?: boolean; maxLooks?: number } = {}
): Result<BoundaryResult> {
  const invalid = validateBoundaryRequest(req, options.maxLooks)
  if (invalid !== null) return fail('invalidInput', invalid.message, invalid.field)
  const t = req.informationFractions
  const engine = req.engine ?? 'tsa'
  const alphaPerSide = req.alpha / req.sides
  const futility = req.futility ?? 'none'
  let alpha: AlphaBoundaries
  let futilityUpper: (number | null)[] = t.map(() => null)
  let futilityLower: (number | null)[] = t.map(() => null)
  let inflation: number | null = null
  let futilityConvention: string | undefined
  if (futility === 'none') {
    alpha =
      engine === 'tsa'
        ? solveAlphaBoundariesLd98(t, alphaPerSide, req.sides, req.spending)
        : solveAlphaBoundaries(t, alphaPerSide, req.sides, req.spending)
  } else {
    const design = computeFutility({
      informationFractions: t,
      alpha: req.alpha,
      sides: req.sides,
      spending: req.spending,
      beta: req.beta ?? 0.2,
      betaSpending: req.betaSpending ?? { kind: 'obf' },
      kind: futility,
      engine,
      ...(options.inflationFactor === false ? { inflationFactor: false } : {})
    })
    if (!design.ok) return design
    alpha = design.value.alpha
    futilityUpper = design.value.futilityUpper.map(toZValue)
    futilityLower = design.value.futilityLower.map(toZValue)
    inflation = design.value.inflationFactor
    futilityConvention = design.value.convention
  }
  const failedLook = alpha.upper.findIndex((b) => Number.isNaN(b))
  if (failedLook >= 0) {
    return fail(
      'noSolution',
      `no boundary spends the requested alpha at look ${failedLook + 1} (t = ${t[failedLook]})`,
      `informationFractions[${failedLook}]`
    )
  }
  let spent = 0
  const looks: BoundaryLook[] = t.map((fraction, k) => {
    spent += req.sides * (alpha.spendPerSide[k] as number)
    return {
      informationFraction: fraction,
      upper: toZValue(alpha.upper[k] as number),
      lower: req.sides === 2 ? toZValue(alpha.lower[k] as number) : null,
      alphaSpent: spent,
      futilityUpper: futilityUpper[k] ?? null,
      futilityLower: futilityLower[k] ?? null
    }
  })
  return ok({
    looks,
    inflationFactor: inflation,
    engine,
    ...(futilityConvention !== undefined ? { futilityConvention } : {})
  })
}

function validateSpending(
  spec: SpendingSpec | undefined,
  field: string
): { field: string; message: string } | null {
  if (spec === undefined || typeof spec !== 'object' || spec === null) {
    return { field, message: `${field} must be one of obf, pocock, power:RHO, hsd:GAMMA` }
  }
  switch (spec.kind) {
    case 'obf':
    case 'pocock':
      return null
    case 'power':
      return Number.isFinite(spec.rho) && spec.rho > 0
        ? null
        : {
            field: `${field}.rho`,
            message: `${field}: power family needs rho > 0, got ${spec.rho}`
          }
    case 'hsd':
      return Number.isFinite(spec.gamma)
        ? null
        : {
            field: `${field}.gamma`,
            message: `${field}: Hwang–Shih–DeCani needs a finite gamma, got ${spec.gamma}`
          }
    default:
      return {
        field,
        message: `${field}: unknown spending function "${String((spec as { kind: unknown }).kind)}" (use obf, pocock, power, hsd)`
      }
  }
}

/** The first problem of a boundary request, naming its field; null when the request is valid. */
export function validateBoundaryRequest(
  req: BoundaryRequest,
  maxLooks: number = MAX_LOOKS
): FieldProblem | null {
  return (
    validateFractions(req.informationFractions, maxLooks) ??
    validateScalars(req) ??
    validateSpending(req.spending, 'spending') ??
    (req.betaSpending !== undefined ? validateSpending(req.betaSpending, 'betaSpending') : null)
  )
}

type FieldProblem = { field: string; message: string }

function validateFractions(t: unknown, maxLooks: number): FieldProblem | null {
  if (!Array.isArray(t) || t.length === 0) {
    return {
      field: 'informationFractions',
      message: 'informationFractions must list at least one look'
    }
  }
  if (t.length > maxLooks) {
    return {
      field: 'informationFractions',
      message: `at most ${maxLooks} looks are supported, got ${t.length}`
    }
  }
  for (let k = 0; k < t.length; k++) {
    const x: unknown = t[k]
    const field = `informationFractions[${k}]`
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      return { field, message: `information fraction ${k + 1} is not a number (${String(x)})` }
    }
    if (x < MIN_INFORMATION_FRACTION || x > 1) {
      return {
        field,
        message: `information fraction ${k + 1} must lie in [${MIN_INFORMATION_FRACTION}, 1], got ${x}`
      }
    }
    if (k > 0 && x <= (t[k - 1] as number)) {
      return {
        field,
        message: `information fractions must increase: look ${k + 1} (${x}) ≤ look ${k} (${t[k - 1]})`
      }
    }
    if (k > 0 && x - (t[k - 1] as number) < MIN_INFORMATION_INCREMENT) {
      return {
        field,
        message: `look ${k + 1} adds less than ${MIN_INFORMATION_INCREMENT} information (${x} after ${t[k - 1]}): merge it with look ${k}`
      }
    }
  }
  return null
}

const isProbability = (x: unknown): boolean => typeof x === 'number' && x > 0 && x < 1

function validateScalars(req: BoundaryRequest): FieldProblem | null {
  if (!isProbability(req.alpha)) {
    return { field: 'alpha', message: `alpha must lie in (0, 1), got ${String(req.alpha)}` }
  }
  if (req.sides !== 1 && req.sides !== 2) {
    return { field: 'sides', message: `sides must be 1 or 2, got ${String(req.sides)}` }
  }
  if (req.engine !== undefined && req.engine !== 'tsa' && req.engine !== 'precise') {
    return { field: 'engine', message: `engine must be tsa or precise, got ${String(req.engine)}` }
  }
  if (req.beta !== undefined && !isProbability(req.beta)) {
    return { field: 'beta', message: `beta must lie in (0, 1), got ${String(req.beta)}` }
  }
  const futility = req.futility ?? 'none'
  if (!['none', 'tsaWedge', 'nonBinding', 'binding'].includes(futility)) {
    return {
      field: 'futility',
      message: `futility must be none, tsaWedge, nonBinding or binding, got ${String(futility)}`
    }
  }
  return null
}
