/**
 * Kim–DeMets power family, per side (methods.md §5).
 *
 *   α*(t) = a·t^ρ,  ρ > 0;  t > 1 is treated as 1
 *
 * @see Kim K, DeMets DL. Design and analysis of group sequential tests based on the type I error spending rate
 *      function. Biometrika 1987;74:149–154.
 */
export function powerFamily(a: number, t: number, rho: number): number {
  if (t <= 0) return 0
  return a * Math.min(t, 1) ** rho
}
