/**
 * Named constants of the meta-analysis layer, each with its source.
 */

/** Per-cell zero-cell correction: the CTU program's "Constant 0.5" adds 0.5 per arm, i.e. 0.25 per cell (methods.md §10). */
export const DEFAULT_ZERO_CELL_VALUE = 0.25

/** Default confidence level of pooled intervals (interfaces.md `analysis.confidenceLevel`). */
export const DEFAULT_CONFIDENCE_LEVEL = 0.95

/** Machine epsilon of IEEE doubles (R's .Machine$double.eps). */
export const DOUBLE_EPS = 2.220446049250313e-16

/** metafor rma.uni control `threshold` (3.8-1): Fisher scoring (REML) stops once |Δτ²| ≤ 1e-5. */
export const REML_THRESHOLD = 1e-5

/** metafor rma.uni control `maxiter` (3.8-1): at most 100 Fisher scoring steps / uniroot iterations. */
export const TAU2_MAX_ITERATIONS = 100

/** metafor rma.uni control `tol` (3.8-1) = .Machine$double.eps^0.25: uniroot tolerance of the PM estimator. */
export const PM_UNIROOT_TOL = Math.pow(DOUBLE_EPS, 0.25)

/** metafor rma.uni control `tau2.max` (3.8-1): upper end of PM's uniroot interval is max(100, 10·mad(y)²). */
export const PM_TAU2_MAX = 100

/** R's mad() consistency constant 1/Φ⁻¹(3/4). */
export const MAD_CONSTANT = 1.4826

/**
 * Bracketing fall-back of REML (when metafor's Fisher scoring would stop without converging) and of PM (when
 * Q(tau2.max) is still above k − 1): the interval is doubled at most this many times.
 */
export const TAU2_BRACKET_DOUBLINGS = 200

/**
 * Biggerstaff–Tweedie weights: panels of the Stieltjes midpoint sum over the distribution of the DL τ². On the perioOxy
 * data 400 panels are within 1.8e-4 (relative) of 1600 panels: enough for an option without reference values, not
 * for 1e-6 (see biggerstaffTweedieWeights.ts).
 */
export const BT_QUADRATURE_PANELS = 400

/** Biggerstaff–Tweedie quadrature is carried to this many standard deviations of the τ² distribution above its mean. */
export const BT_QUADRATURE_SDS = 12
