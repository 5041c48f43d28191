import { normalUpperQuantile } from '../distributions/normalQuantile'
import { fail, ok, type Result } from '../result'
import type { RisRequest, RisResult } from '../types'

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
  if (!(alpha > 0 && alpha < 1))
    return fail('invalidInput', `alpha must lie in (0, 1), got ${alpha}`, 'alpha')
  if (sides !== 1 && sides !== 2)
    return fail('invalidInput', `sides must be 1 or 2, got ${sides}`, 'sides')
  if (!(beta > 0 && beta < 1))
    return fail('invalidInput', `beta must lie in (0, 1), got ${beta}`, 'beta')
  const zSum = normalUpperQuantile(alpha / sides) + normalUpperQuantile(beta)
  const factor = 4 * zSum * zSum
  let fixed: number
  if (req.controlRisk !== undefined) {
    const pc = req.controlRisk
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
    fixed = (factor * mean * (1 - mean)) / (delta * delta)
  } else if (req.difference !== undefined || req.variance !== undefined) {
    const d = req.difference
    const v = req.variance
    if (d === undefined || !Number.isFinite(d) || d === 0) {
      return fail('invalidInput', `difference must be a non-zero number, got ${d}`, 'difference')
    }
    if (v === undefined || !(v > 0) || !Number.isFinite(v)) {
      return fail('invalidInput', `variance must be a positive number, got ${v}`, 'variance')
    }
    fixed = (factor * v) / (d * d)
  } else {
    return fail(
      'invalidInput',
      'give controlRisk with relativeRiskReduction, or difference with variance',
      'controlRisk'
    )
  }
  const h = req.heterogeneity ?? { kind: 'none' }
  let adjustmentFactor = 1
  if (h.kind !== 'none') {
    const field = h.kind === 'diversity' ? 'heterogeneity (D²)' : 'heterogeneity (I²)'
    if (!(h.value >= 0 && h.value < 1))
      return fail('invalidInput', `${field} must lie in [0, 1), got ${h.value}`, 'heterogeneity')
    adjustmentFactor = 1 / (1 - h.value)
  }
  if (!Number.isFinite(fixed))
    return fail(
      'invalidInput',
      'the information size is not finite for these inputs',
      'controlRisk'
    )
  return ok({
    fixed,
    adjustmentFactor,
    required: Math.ceil(fixed) * adjustmentFactor,
    exact: fixed * adjustmentFactor
  })
}
