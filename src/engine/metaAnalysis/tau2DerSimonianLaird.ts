/**
 * DerSimonian–Laird τ² (DerSimonian & Laird 1986, Control Clin Trials 7:177):
 *   τ² = max(0, (Q − (k − 1)) / (S1 − S2/S1)),  S1 = Σw, S2 = Σw², w = 1/v.
 * Q is centred as methods.md §2 says (the MH estimate when fixedMethod is MH, the IV estimate otherwise);
 * with the IV centre this is metafor's method = "DL". k = 1 gives 0.
 */
export function tau2DerSimonianLaird(q: number, k: number, s1: number, s2: number): number {
  if (k < 2) return 0
  const tau2 = (q - (k - 1)) / (s1 - s2 / s1)
  return tau2 > 0 && Number.isFinite(tau2) ? tau2 : 0
}
