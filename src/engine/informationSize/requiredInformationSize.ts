import { normalUpperQuantile } from '../distributions/normalQuantile'
import { fail, ok, type Result } from '../result'
import type { HeterogeneityAdjustment, RisRequest, RisResult } from '../types'

/**
 * Required information size (methods.md §4; Wetterslev et al. 2008, J Clin Epidemiol 61:64; 2009, BMC Med Res
 * Methodol 9:86), 1:1 allocation:
 *   dichotomous: P_I = P_C(1 − RRR) (or P_C(1 + RBI)), P̄ = (P_C + P_I)/2, δ = P_C − P_I,
 *                RIS_F = 4(z_{1−α/sides} + z_{1−β})²·P̄(1 − P̄)/δ²
 *   continuous:  RIS_F = 4(z_{1−α/sides} + z_{1−β})²·σ²/δ²
 *   AF = 1/(1 − D²) | 1/(1 − I²) | 1;  CTU rounding: required = ceil(RIS_F)·AF;  exact = RIS_F·AF.
 * @example requiredInformationSize({ alpha: 0.05, sides: 2, beta: 0.2, controlRisk: 0.05,
 *   relativeRiskReduction: 0.25, heterogeneity: { kind: 'diversity', value: 0.2 } }) // exact ≈ 10508 (CTU manual)
 */
export function requiredInformationSize(req: RisRequest): Result<RisResult> {
  const { alpha, sides, beta } = req
  if (!(alpha > 0 && alpha < 1)) {
    return fail('invalidInput', `alpha must lie in (0, 1), got ${alpha}`, 'alpha')
  }
  if (sides !== 1 && sides !== 2) {
    return fail('invalidInput', `sides must be 1 or 2, got ${sides}`, 'sides')
  }
  if (!(beta > 0 && beta < 1)) {
    return fail('invalidInput', `beta must lie in (0, 1), got ${beta}`, 'beta')
  }
  const zSum = normalUpperQuantile(alpha / sides) + normalUpperQuantile(beta)
  const variance =
    req.controlRisk !== undefined ? dichotomousVarianceRatio(req) : continuousVarianceRatio(req)
  if (!variance.ok) return variance
  const adjustment = adjustmentFactor(req.heterogeneity ?? { kind: 'none' })
  if (!adjustment.ok) return adjustment
  const fixed = 4 * zSum * zSum * variance.value
  if (!Number.isFinite(fixed)) {
    return fail(
      'invalidInput',
      'the information size is not finite for these inputs',
      'controlRisk'
    )
  }
  const af = adjustment.value
  return ok({ fixed, adjustmentFactor: af, required: Math.ceil(fixed) * af, exact: fixed * af })
}

/** P̄(1 − P̄)/δ² of a dichotomous outcome. */
function dichotomousVarianceRatio(req: RisRequest): Result<number> {
  const pc = req.controlRisk as number
  if (!(pc > 0 && pc < 1)) {
    return fail('invalidInput', `controlRisk must lie in (0, 1), got ${pc}`, 'controlRisk')
  }
  let pi: number
  if (req.relativeRiskReduction !== undefined) {
    const rrr = req.relativeRiskReduction
    if (!(rrr > 0 && rrr < 1)) {
      return fail(
        'invalidInput',
        `relativeRiskReduction must lie in (0, 1), got ${rrr}`,
        'relativeRiskReduction'
      )
    }
    pi = pc * (1 - rrr)
  } else if (req.relativeBenefitIncrease !== undefined) {
    const rbi = req.relativeBenefitIncrease
    pi = pc * (1 + rbi)
    if (!(rbi > 0 && pi < 1)) {
      return fail(
        'invalidInput',
        `relativeBenefitIncrease must be > 0 with P_C(1 + RBI) < 1, got ${rbi}`,
        'relativeBenefitIncrease'
      )
    }
  } else {
    return fail(
      'invalidInput',
      'a dichotomous RIS needs relativeRiskReduction or relativeBenefitIncrease',
      'relativeRiskReduction'
    )
  }
  const mean = (pc + pi) / 2
  const delta = pc - pi
  return ok((mean * (1 - mean)) / (delta * delta))
}

/** σ²/δ² of a continuous outcome. */
function continuousVarianceRatio(req: RisRequest): Result<number> {
  const { difference: d, variance: v } = req
  if (d === undefined && v === undefined) {
    return fail(
      'invalidInput',
      'give controlRisk with relativeRiskReduction, or difference with variance',
      'controlRisk'
    )
  }
  if (d === undefined || !Number.isFinite(d) || d === 0) {
    return fail('invalidInput', `difference must be a non-zero number, got ${d}`, 'difference')
  }
  if (v === undefined || !(v > 0) || !Number.isFinite(v)) {
    return fail('invalidInput', `variance must be a positive number, got ${v}`, 'variance')
  }
  return ok(v / (d * d))
}

/** AF = 1/(1 − D²), 1/(1 − I²) or 1. */
function adjustmentFactor(h: HeterogeneityAdjustment): Result<number> {
  if (h.kind === 'none') return ok(1)
  if (h.kind !== 'diversity' && h.kind !== 'inconsistency') {
    return fail(
      'invalidInput',
      `heterogeneity must be none, diversity or inconsistency, got ${String((h as { kind: unknown }).kind)}`,
      'heterogeneity'
    )
  }
  if (!(h.value >= 0 && h.value < 1)) {
    const name = h.kind === 'diversity' ? 'D²' : 'I²'
    return fail(
      'invalidInput',
      `heterogeneity (${name}) must lie in [0, 1), got ${h.value}`,
      'heterogeneity'
    )
  }
  return ok(1 / (1 - h.value))
}
