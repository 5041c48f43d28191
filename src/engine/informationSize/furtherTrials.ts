import { normalUpperQuantile } from '../distributions/normalQuantile'
import { fail, ok, type Result } from '../result'

/**
 * τ²-based number of further trials (Kulinskaya & Wood 2014, Res Synth Methods 5:212; RTSA's minTrial()).
 *
 * Under a random-effects model no trial, however large, brings the variance of the pooled estimate below τ²/k for
 * k trials. To detect θ (analysis scale: ln RR, ln OR, RD, MD) with power 1 − β the pooled variance must reach
 * V* = θ²/(z_{1−α/sides} + z_{1−β})², so at least
 *   k_min = ⌈τ²·(1/V* − 1/V_R)⌉   further trials          (V_R the current random-effects variance; 1/V_R = 0 without data)
 * are needed, and with k ≥ k_min trials of equal size each needs a variance v = k/(1/V* − 1/V_R) − τ², i.e.
 *   n = ⌈2σ₁²/v⌉ participants (1:1), σ₁² the variance of the effect per participant pair:
 *   RR: 1/P_C + 1/P_I − 2;  OR: 1/P_I + 1/P_C + 1/(1 − P_I) + 1/(1 − P_C);  RD: P_C(1 − P_C) + P_I(1 − P_I);  MD: 2σ².
 * Returns null trials when τ² = 0 (any single large trial can suffice) and 0 when the data already suffice.
 */
export interface FurtherTrialsRequest {
  /** anticipated effect on the analysis scale (non-zero) */
  theta: number
  tau2: number
  alpha: number
  sides: 1 | 2
  beta: number
  /** σ₁² of the formula above */
  variancePerParticipant: number
  /** current random-effects variance of the pooled estimate; omitted = no trials yet */
  currentVariance?: number
  /** how many designs to list from k_min (RTSA lists 4) */
  designs?: number
}

export interface FurtherTrialsResult {
  minimumTrials: number | null
  designs: { trials: number; participantsPerTrial: number; totalParticipants: number }[]
}

export function furtherTrials(req: FurtherTrialsRequest): Result<FurtherTrialsResult> {
  const { theta, tau2, alpha, sides, beta, variancePerParticipant } = req
  if (!(Number.isFinite(theta) && theta !== 0)) {
    return fail('invalidInput', 'the anticipated effect must be non-zero', 'theta')
  }
  if (!(tau2 >= 0)) return fail('invalidInput', `τ² must be ≥ 0, got ${tau2}`, 'tau2')
  if (!(variancePerParticipant > 0)) {
    return fail(
      'invalidInput',
      'the per-participant variance must be positive',
      'variancePerParticipant'
    )
  }
  const zSum = normalUpperQuantile(alpha / sides) + normalUpperQuantile(beta)
  const needed =
    (zSum * zSum) / (theta * theta) -
    (req.currentVariance !== undefined ? 1 / req.currentVariance : 0)
  if (!(tau2 > 0)) return ok({ minimumTrials: null, designs: [] })
  if (needed <= 0) return ok({ minimumTrials: 0, designs: [] })
  const exact = tau2 * needed
  // A k_min within rounding of an integer needs infinitely large trials: start one higher, as the ceiling does.
  const minimumTrials = Math.max(1, Math.ceil(exact * (1 + 1e-12)))
  const designs = []
  for (let k = minimumTrials; k < minimumTrials + (req.designs ?? 4); k++) {
    const v = k / needed - tau2
    const perTrial = Math.ceil((2 * variancePerParticipant) / v)
    designs.push({ trials: k, participantsPerTrial: perTrial, totalParticipants: perTrial * k })
  }
  return ok({ minimumTrials, designs })
}
