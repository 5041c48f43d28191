/**
 * Brent's root finder (zeroin): inverse quadratic interpolation and secant steps, safeguarded by bisection, on a
 * bracket [a, b] with f(a)·f(b) ≤ 0. Converges superlinearly for smooth f and never worse than bisection.
 *
 * Used on the drift θ of futility designs (futility.ts) and of the inflation factor (inflationFactor.ts), where one
 * evaluation of f is a full recursion over all looks: a good bracket and a few Brent steps replace ~40 bisections.
 *
 * Stops when the bracket is narrower than 2·(4ε|x| + tol/2) or |f| ≤ ftol (default: f = 0 exactly), returning the
 * best point evaluated. The caller passes the values of f at the bracket ends (it usually has them from finding the
 * bracket).
 *
 * @see Brent RP. Algorithms for Minimization without Derivatives. Prentice-Hall 1973, ch. 4 (procedure zero).
 */
export function brentRoot(
  f: (x: number) => number,
  a0: number,
  b0: number,
  fa0: number,
  fb0: number,
  tol: number,
  ftol = 0,
  maxIterations = 100
): number {
  const EPS = 2.220446049250313e-16
  let a = a0
  let b = b0
  let fa = fa0
  let fb = fb0
  if (fa === 0) return a
  if (fb === 0) return b
  let c = a
  let fc = fa
  let d = b - a
  let e = d
  for (let iter = 0; iter < maxIterations; iter++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a
      fc = fa
      d = b - a
      e = d
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b
      b = c
      c = a
      fa = fb
      fb = fc
      fc = fa
    }
    const tol1 = 2 * EPS * Math.abs(b) + 0.5 * tol
    const m = 0.5 * (c - b)
    if (Math.abs(m) <= tol1 || Math.abs(fb) <= ftol) return b
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const step = interpolationStep(a, b, c, fa, fb, fc, m, tol1, e)
      e = step === m ? m : d
      d = step
    } else {
      d = m
      e = m
    }
    a = b
    fa = fb
    b += Math.abs(d) > tol1 ? d : m > 0 ? tol1 : -tol1
    fb = f(b)
  }
  return b
}

/**
 * Brent's interpolation step from b (secant when a = c, inverse quadratic otherwise), or the bisection step m when
 * the interpolated point is not safely inside the bracket or the steps are not shrinking fast enough.
 */
function interpolationStep(
  a: number,
  b: number,
  c: number,
  fa: number,
  fb: number,
  fc: number,
  m: number,
  tol1: number,
  e: number
): number {
  const s = fb / fa
  let p: number
  let q: number
  if (a === c) {
    p = 2 * m * s
    q = 1 - s
  } else {
    const qa = fa / fc
    const r = fb / fc
    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
    q = (qa - 1) * (r - 1) * (s - 1)
  }
  if (p > 0) q = -q
  else p = -p
  return 2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q)) ? p / q : m
}
