/** Machine epsilon of doubles (R's .Machine$double.eps). */
const DOUBLE_EPS = 2.220446049250313e-16

/**
 * Root of f on [lower, upper] by Brent's method (Brent 1973, "Algorithms for minimization without derivatives",
 * ch. 4, procedure zero; the netlib `zeroin` that R's uniroot() runs). Same iteration as R's uniroot with
 * `tol` and `maxiter`, so that estimators defined through uniroot (metafor's Paule–Mandel) are reproduced to
 * rounding, not just to `tol`:
 *   each step keeps b (best), a (previous), c (bracketing b); tol_act = 2·eps·|b| + tol/2; stop when
 *   |c − b|/2 ≤ tol_act or f(b) = 0; try inverse quadratic (or secant) interpolation, else bisect.
 * Also the root finder of the boundary engine's drift searches (increasingRoot.ts), where one evaluation of f is a
 * full recursion: `ftol` > 0 stops as soon as |f(b)| ≤ ftol.
 * @param fLower f(lower), fUpper f(upper): of opposite signs (checked by the caller)
 * @returns the root estimate b, or null if maxiter steps did not converge
 */
export function brentZeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower: number,
  fUpper: number,
  tol: number,
  maxiter: number,
  ftol = 0
): number | null {
  let a = lower
  let b = upper
  let fa = fLower
  let fb = fUpper
  let c = a
  let fc = fa
  if (Math.abs(fa) <= ftol) return a
  if (Math.abs(fb) <= ftol) return b
  for (let iter = 0; iter <= maxiter; iter++) {
    const prevStep = b - a
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b
      b = c
      c = a
      fa = fb
      fb = fc
      fc = fa
    }
    const tolAct = 2 * DOUBLE_EPS * Math.abs(b) + tol / 2
    let newStep = (c - b) / 2
    if (Math.abs(newStep) <= tolAct || Math.abs(fb) <= ftol) return b
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      newStep = interpolationStep(a, b, c, fa, fb, fc, prevStep, tolAct, newStep)
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct
    a = b
    fa = fb
    b += newStep
    fb = f(b)
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a
      fc = fa
    }
  }
  return null
}

/** Brent's interpolation step p/q (secant when a = c, else inverse quadratic), or the bisection step if rejected. */
function interpolationStep(
  a: number,
  b: number,
  c: number,
  fa: number,
  fb: number,
  fc: number,
  prevStep: number,
  tolAct: number,
  bisection: number
): number {
  const cb = c - b
  let p: number
  let q: number
  if (a === c) {
    const t1 = fb / fa
    p = cb * t1
    q = 1 - t1
  } else {
    const qa = fa / fc
    const t1 = fb / fc
    const t2 = fb / fa
    p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1))
    q = (qa - 1) * (t1 - 1) * (t2 - 1)
  }
  if (p > 0) q = -q
  else p = -p
  if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) return p / q
  return bisection
}
