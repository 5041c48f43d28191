/**
 * Named numerical constants of the boundary engines, each with its source.
 */

/**
 * Grid parameter r of Jennison & Turnbull (2000), ch. 19, p. 349: Simpson panels of 3/(2r) in the core. They report
 * ~1e-6 accuracy at r = 16; gsDesign's default is 18. With our uniform grid, r = 18 agrees with the r = 80
 * reference (shared/reference/boundaries.json) to 5.2e-7 for K ≤ 10 looks and 8.5e-6 for K = 50/100.
 */
export const PRECISE_GRID_R = 18

/** The smallest grid parameter the `precise` engine accepts (methods.md §6: r ≥ 18). */
export const PRECISE_GRID_R_MIN = 18

/**
 * `precise` grid: a Simpson panel is at most this fraction of the narrowest kernel standard deviation at the look
 * (chosen from the K = 100 reference cases: 0.5 keeps them within 1e-5 of gsDesign at r = 80).
 */
export const PRECISE_PANEL_PER_SD = 0.5

/** `precise` grid: half-width around E[Z_k] beyond which the density (< φ(10) ≈ 7.7e-23) is not integrated. */
export const PRECISE_GRID_HALF_WIDTH = 10

/**
 * Kernel terms φ(u) with |u| beyond this are dropped from the density recursion: φ(8)/φ(0) = 1.3e-14 of the
 * largest term (no bound of the K = 5…200 designs moved by more than 1e-12 between 8 and 9).
 */
export const KERNEL_HALF_WIDTH_SD = 8

/** |Z| treated as "cannot be crossed" by the precise engine (gsDesign's EXTREMEZ = 20; tails < 1e-88). */
export const Z_UNREACHABLE = 20

/**
 * Per-side incremental spend below which a look spends nothing and gets no finite boundary
 * (the threshold of shared/reference/boundaries.json's `negligible_spend_looks`, and of ldbounds' alphas()).
 */
export const NEGLIGIBLE_SPEND = 1e-13

/** ld98 (Reboussin et al. 2000; R ldbounds `landem`): trapezoid step on the Y = Z·√t scale, in units of √Δt. */
export const LD98_STEP = 0.05

/** ld98: the boundary cap ("zninf" = −8 in ldbounds): a look that cannot spend gets ±8. */
export const LD98_CAP = 8

/** ld98: an incremental (both-sides) spend below √(machine eps) ≈ 1.49e-8 is not solved for; the look gets the cap. */
export const LD98_MIN_SPEND = Math.sqrt(2.220446049250313e-16)

/** ld98 `bsearch`: absolute tolerance on the one-sided crossing probability. */
export const LD98_SEARCH_TOLERANCE = 1e-7

/** ld98 `alphas`: a total incremental spend below this is set to zero. */
export const LD98_ZERO_SPEND = 1e-13

/**
 * Root finding in the precise engine stops once Halley's next step on the Z scale is below this: the error after
 * that step is ≈ step³/(4x²) < 1e-13, far inside the grid's own accuracy.
 */
export const PRECISE_BOUND_TOLERANCE = 1e-4

/** The most looks a boundary request may have (issue #2: up to 200 looks). */
export const MAX_LOOKS = 200

/** The smallest first information fraction accepted (issue #2: first look as small as 1e-4). */
export const MIN_INFORMATION_FRACTION = 1e-6

/**
 * The smallest information increment between two looks. Closer looks are the same look for any practical purpose,
 * while the kernel between them is so narrow that the grids (ld98's step is 0.05·√Δt) would need millions of points.
 */
export const MIN_INFORMATION_INCREMENT = 1e-6
