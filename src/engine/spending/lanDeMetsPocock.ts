/**
 * Lan–DeMets Pocock-type spending function, per side (methods.md §5).
 *
 *   α*(t) = a·ln(1 + (e − 1)t),  0 ≤ t ≤ 1;  t > 1 is treated as 1
 *
 * @see Lan KKG, DeMets DL. Biometrika 1983;70:659–663.
 */
export function lanDeMetsPocock(a: number, t: number): number {
  if (t <= 0) return 0
  return a * Math.log1p((Math.E - 1) * Math.min(t, 1))
}
