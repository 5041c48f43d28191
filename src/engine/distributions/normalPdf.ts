/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327

/** Standard normal density φ(z) = exp(−z²/2)/√(2π). */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z)
}
