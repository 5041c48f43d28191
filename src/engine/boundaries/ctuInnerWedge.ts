import { PRECISE_GRID_R } from '../constants'
import { solveAlphaBoundaries, type AlphaBoundaries } from './solveAlphaBoundaries'

/**
 * The CTU program's inner wedge (methods.md §7 and §10), non-binding, as the CTU TSA program's
 * `misc.ProcLanDeMets.getInnerWedge` does it according to its R translation in RTSA 0.2.2
 * (R/RTSA_helperfunctions.R `getInnerWedge`, "old TSA functions (translated from java)"):
 *
 *   1. β is spent with the O'Brien–Fleming form over the full β: β*(t) = 2 − 2Φ(z_{1−β/2}/√t).
 *   2. A null-process boundary sequence: under H0 (θ = 0), with a symmetric continuation region (za_k, −za_k)
 *      (the program's `side = 2`), za_k solves P₀(za_j < Z_j < −za_j, j < k; Z_k ≤ za_k) = Δβ_k, i.e. the
 *      two-sided α-spending boundary with per-side spend β*(t). Computed with the `precise` recursion whatever
 *      engine the efficacy bounds use (RTSA's replica uses an ld98-style trapezoid grid, h = 0.05; the two
 *      engines differ by ~1e-3, methods.md §6).
 *   3. The drift that makes the wedge meet the efficacy boundary at the RIS (t = 1):
 *        θ_W = b(1) − za(1)   (za(1) < 0),   wedge_k = za_k + θ_W·√t_k,
 *      so that wedge = b(1) at t = 1.
 *   4. The wedge (−wedge_k, wedge_k) is shown only where wedge_k > 0; elsewhere there is no futility stop (NaN here,
 *      null in the DTO). Where the wedge would exceed the efficacy bound b_k it is set to b_k (gsDesign's rule for
 *      a_k > b_k; with the program's only α-spending function, OBF, this does not happen before t = 1).
 *
 * End-point convention (methods.md §10 leaves it open; the CTU program shows 1.126 where readings of §7 give
 * 1.110–1.145): CTU_WEDGE_CONVENTION below. The wedge meets the α-spending efficacy boundary computed for a look at
 * t = 1 (the RIS), which is why the caller always includes t = 1 among the design's looks. RTSA's analysis mode
 * instead replaces the last point by z_{1−α/sides} (and with `over_power` ends the wedge there); that is not used.
 *
 * `t` must end at 1 and `efficacy` be the efficacy bounds on these looks.
 */
export const CTU_WEDGE_CONVENTION =
  'ctu-wedge: meets the efficacy boundary at t = 1 (symmetric null-process β bounds, OBF β-spending)'

export interface CtuWedge {
  /** wedge half-width per look; NaN where there is no futility stop */
  wedge: number[]
  /** the shift θ_W */
  drift: number
}

export function ctuInnerWedge(
  t: readonly number[],
  beta: number,
  efficacy: AlphaBoundaries,
  r: number = PRECISE_GRID_R
): CtuWedge {
  const K = t.length
  const nullProcess = solveAlphaBoundaries(t, beta, 2, { kind: 'obf' }, r)
  const efficacyAtRis = efficacy.upper[K - 1] as number
  const drift = efficacyAtRis + (nullProcess.upper[K - 1] as number)
  const wedge = t.map((tk, k) => {
    const w = -(nullProcess.upper[k] as number) + drift * Math.sqrt(tk)
    if (!(w > 0)) return Number.NaN
    return Math.min(w, efficacy.upper[k] as number)
  })
  return { wedge, drift }
}
