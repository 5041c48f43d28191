import { PRECISE_GRID_R } from '../constants'
import { fail, ok, type Result } from '../result'
import type { SpendingSpec } from '../spending'
import type { BoundaryEngine, FutilityKind } from '../types'
import { CTU_WEDGE_CONVENTION, ctuInnerWedge } from './ctuInnerWedge'
import { inflationFactor } from './inflationFactor'
import { solveAlphaBoundaries, type AlphaBoundaries } from './solveAlphaBoundaries'
import { solveAlphaBoundariesLd98 } from './solveAlphaBoundariesLd98'
import { solveBetaSpendingDesign } from './solveBetaSpendingDesign'

/**
 * Futility designs (methods.md §7): the CTU inner wedge or design-style β-spending, binding or non-binding.
 *
 * Looks are information fractions of the design's maximum information. When the last requested look is before
 * t = 1, the design's final analysis at t = 1 is added for the computation (the α- and β-spending and the
 * "meet at the end" condition refer to it) and dropped from the result; the recursion is sequential, so the bounds
 * of the requested looks are those of the full design. A last look within FINAL_LOOK_SNAP of 1 is that final
 * analysis.
 *
 * kind 'nonBinding' | 'binding' (solveBetaSpendingDesign.ts; gsDesign test.type 4/3, rpact, RTSA):
 *  - one-sided: futility bound a_k, stop for futility when Z_k < a_k; futilityUpper = a_k, futilityLower = null.
 *    On shared/reference/futility.json: within 1.1e-6 of gsDesign at r = 80 (bounds and R; the reference's own
 *    tolerance) and within 1.4e-6 (bounds) / 2.1e-7 (R) of rpact 3.3.4.
 *  - two-sided: RTSA 0.2.2 `boundaries()`: β bounds computed one-sided on the benefit side under θ (paths below a_k
 *    stop, continuation (a_k, b_k)), shown as the inner wedge futilityUpper = a_k, futilityLower = −a_k; looks whose
 *    a_k comes out negative get no futility stop and their β is spent at the first look kept. Within 1.4e-6 (bounds)
 *    and 2.7e-7 (R) of RTSA for non-binding designs, 6.8e-6 / 9.6e-6 for binding ones. rpact 3.3.4 (two-sided
 *    β-spending, "experimental") lets only |Z| < a_k stop and so gets other bounds: the two disagree by up to 0.137
 *    in the bounds and 1% in R (reference README). We follow RTSA, the package TSA users compare with.
 *    Binding two-sided designs inherit RTSA's approximation: their efficacy bounds are solved as if every path below
 *    a_k stopped, while in the wedge design paths in (−b_k, −a_k) continue, so the exact type I error is a little
 *    above α (0.05006 and 0.05036 for the two binding cases of the fixture; unit tests).
 *  - efficacy bounds: non-binding, the α-spending bounds of the requested engine (`tsa`: ld98, as without
 *    futility); binding, solved jointly with the futility region by the `precise` recursion for either engine
 *    (ld98/ldbounds and the CTU program have no binding futility; the convention string says so). The β
 *    computations always use the `precise` recursion.
 *  - inflation factor R = (θ/θ_F)², θ the drift at which futility and efficacy meet at t = 1, θ_F = z_{1−α/sides} +
 *    z_{1−β}. For two-sided binding designs this is RTSA's `inf_warp` root; RTSA then re-solves R for power 1 − β
 *    with its approximate two-region power routine (`right_power`), which differs by ~1e-5.
 *
 * kind 'tsaWedge' (ctuInnerWedge.ts): the CTU program's non-binding inner wedge; efficacy bounds of the requested
 * engine. R is that of the efficacy boundaries alone (inflationFactor.ts: power 1 − β at the maximum information,
 * ignoring the non-binding wedge), since the wedge's drift θ_W comes from a null process, not from a power condition.
 */

/** Inputs of a futility design (methods.md §7). */
export interface FutilityRequest {
  informationFractions: readonly number[]
  /** total alpha */
  alpha: number
  sides: 1 | 2
  spending: SpendingSpec
  beta: number
  betaSpending: SpendingSpec
  kind: Exclude<FutilityKind, 'none'>
  engine: BoundaryEngine
  /** grid parameter of the precise recursion (default PRECISE_GRID_R) */
  r?: number
  /**
   * tsaWedge only: compute the inflation factor R (several recursions under drift). Default true; an analysis that
   * does not inflate its RIS skips it, which is most of the wedge's cost.
   */
  inflationFactor?: boolean
}

export interface FutilityDesign {
  /** the efficacy boundaries (recomputed with the futility region when binding) */
  alpha: AlphaBoundaries
  /** futility bound on the benefit side per look (±∞/NaN → null in the DTO) */
  futilityUpper: number[]
  /** two-sided inner wedge: −futilityUpper; NaN (null) for one-sided designs */
  futilityLower: number[]
  /** maximum-information inflation R */
  /** null when not asked for (tsaWedge with inflationFactor: false) */
  inflationFactor: number | null
  /** drift at t = 1 under which β is spent (tsaWedge: the wedge's shift θ_W) */
  drift: number
  /** the convention used, reported to the user */
  convention: string
  /** two-sided β-spending designs: leading looks whose β-spending was moved to the first look kept */
  deferredLooks?: number
}

/**
 * A last look this close to t = 1 is the final analysis (computed at t = 1) rather than an interim look followed by
 * one at t = 1: an information increment of ~1e-15 (a fraction such as 0.9999999999999991 from a division) would
 * make the recursion's grid, whose spacing follows √Δt, billions of points long. Moving the look by ≤ 1e-6 moves its
 * bounds by ~1e-6·|db/dt| ≈ 1e-6.
 */
export const FINAL_LOOK_SNAP = 1e-6

/** The looks of the design: the requested ones, with the final analysis at t = 1 added or snapped to. */
function designLooks(t: readonly number[]): number[] {
  const last = t[t.length - 1] as number
  if (last === 1) return [...t]
  if (1 - last <= FINAL_LOOK_SNAP) return [...t.slice(0, -1), 1]
  return [...t, 1]
}

/** Futility designs: the CTU inner wedge or design-style β-spending (binding / non-binding). */
export function computeFutility(req: FutilityRequest): Result<FutilityDesign> {
  const { informationFractions, alpha, sides, spending, beta, betaSpending, kind, engine } = req
  const r = req.r ?? PRECISE_GRID_R
  const K = informationFractions.length
  const t = designLooks(informationFractions)
  const alphaPerSide = alpha / sides
  const efficacy =
    kind === 'binding'
      ? null
      : engine === 'tsa'
        ? solveAlphaBoundariesLd98(t, alphaPerSide, sides, spending)
        : solveAlphaBoundaries(t, alphaPerSide, sides, spending, r)
  if (efficacy !== null) {
    const failed = efficacy.upper.findIndex((b) => Number.isNaN(b))
    if (failed >= 0) {
      return fail(
        'noSolution',
        `no boundary spends the requested alpha at look ${failed + 1} (t = ${t[failed]})`,
        `informationFractions[${Math.min(failed, K - 1)}]`
      )
    }
  }
  const keep = <T>(xs: readonly T[]): T[] => xs.slice(0, K)
  const lowerOf = (upper: readonly number[]): number[] =>
    upper.map((b) => (sides === 2 ? -b : -Infinity))

  if (kind === 'tsaWedge') {
    const bounds = efficacy as AlphaBoundaries
    const { wedge, drift } = ctuInnerWedge(t, beta, bounds, r)
    const inflation =
      req.inflationFactor === false
        ? null
        : inflationFactor(
            { informationFractions: t, upper: bounds.upper, lower: lowerOf(bounds.upper) },
            alpha,
            sides,
            beta,
            'precise'
          )
    return ok({
      alpha: {
        upper: keep(bounds.upper),
        lower: keep(bounds.lower),
        spendPerSide: keep(bounds.spendPerSide)
      },
      futilityUpper: keep(wedge),
      futilityLower: keep(wedge).map((w) => (sides === 2 ? -w : Number.NaN)),
      inflationFactor: inflation === null ? null : inflation.inflationFactor,
      drift,
      convention: CTU_WEDGE_CONVENTION
    })
  }

  const design = solveBetaSpendingDesign({
    t,
    alphaPerSide,
    sides,
    beta,
    betaSpending,
    efficacy,
    spending,
    r
  })
  if (design === null) {
    return fail(
      'noSolution',
      `no ${kind} futility design meets the β-spending for these looks (β = ${beta})`,
      'futility'
    )
  }
  const futility = keep(design.futility)
  return ok({
    alpha: {
      upper: keep(design.upper),
      lower: keep(lowerOf(design.upper)),
      spendPerSide: keep(design.spendPerSide)
    },
    futilityUpper: futility,
    futilityLower: futility.map((a) => (sides === 2 && Number.isFinite(a) ? -a : Number.NaN)),
    inflationFactor: (design.drift / design.fixedDrift) ** 2,
    drift: design.drift,
    convention: betaSpendingConvention(kind, sides, engine),
    ...(sides === 2 ? { deferredLooks: design.deferredLooks } : {})
  })
}

function betaSpendingConvention(
  kind: 'nonBinding' | 'binding',
  sides: 1 | 2,
  engine: BoundaryEngine
): string {
  const base =
    sides === 1
      ? `beta-spending ${kind === 'binding' ? 'binding (gsDesign test.type 3' : 'non-binding (gsDesign test.type 4'}, rpact)`
      : `beta-spending ${kind === 'binding' ? 'binding' : 'non-binding'} inner wedge (RTSA 0.2.2 boundaries(); rpact differs)`
  return kind === 'binding' && engine === 'tsa'
    ? `${base}; efficacy bounds by the precise engine (ld98 has no binding futility)`
    : base
}
