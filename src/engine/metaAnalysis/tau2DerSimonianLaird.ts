/**
 * DerSimonian–Laird τ² (DerSimonian & Laird 1986, Control Clin Trials 7:177):
 *   τ² = max(0, (Q − (k − 1)) / (S1 − S2/S1)),  S1 = Σw, S2 = Σw², w = 1/v,
 * with S1 − S2/S1 = (S1² − S2)/S1 from the accumulated pair sum S1² − S2 (no cancellation when one weight dominates).
 * Q is centred as methods.md §2 says (the MH estimate when fixedMethod is MH, the IV estimate otherwise);
 * with the IV centre this is metafor's method = "DL". k = 1 gives 0.
 */
export function tau2DerSimonianLaird(q: number, k: number, s1: number, pairs: number): number {
  if (k < 2) return 0
  const tau2 = (q - (k - 1)) / (pairs / s1)
  return tau2 > 0 && Number.isFinite(tau2) ? tau2 : 0
}
