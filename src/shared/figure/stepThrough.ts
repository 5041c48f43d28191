/**
 * Teaching mode's step-through (ecosystem.md §5.2): the analysis as it stood after the first k trials, and what
 * look k shows, in plain words. Pure: the Vue step-through renders these; the numbers are formatted by format.ts,
 * like the chart and its text alternative.
 *
 * The slice keeps the design's boundary curve (boundaryCurve, drawn to the RIS) and the RIS: the monitoring
 * boundaries are fixed by the design, not by how many trials are in, so the student sees where the Z-curve is heading.
 */
import type { TsaLook, TsaResult } from '@engine'
import { formatFixed, formatPercent } from './format'

const finite = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v)

/** k clamped to the looks there are: 1…K (0 only when there are none); NaN counts as 1. */
export function clampLook(result: TsaResult, k: number): number {
  const K = result.looks.length
  if (K === 0) return 0
  const whole = Number.isFinite(k) ? Math.round(k) : 1
  return Math.min(K, Math.max(1, whole))
}

/**
 * The result with only its first k looks (k is clamped to 1…K). The boundary curve, RIS and design stay as they are;
 * the conclusion is kept only when it was reached within those looks, else it is blanked (code 'inconclusive',
 * empty text), so that the chart's text alternative does not tell the end of the story early.
 */
export function resultUpToLook(result: TsaResult, k: number): TsaResult {
  const n = clampLook(result, k)
  if (n === result.looks.length) return result
  const decided = result.conclusion.look !== null && result.conclusion.look < n
  return {
    ...result,
    looks: result.looks.slice(0, n),
    conclusion: decided ? result.conclusion : { code: 'inconclusive', text: '', look: null }
  }
}

/** What look k shows: the facts beside the step-through chart (null where the result has none). */
export interface LookFacts {
  /** 1-based */
  look: number
  of: number
  trial: string
  informationFraction: number | null
  z: number | null
  /** the naive (conventional) critical value z_{1−α/sides} */
  naive: number
  /** the monitoring boundary on the side the Z-value is on (upper for Z ≥ 0), null when none (past the RIS) */
  monitoring: number | null
}

export function lookFacts(result: TsaResult, k: number): LookFacts | null {
  const n = clampLook(result, k)
  const look = result.looks[n - 1]
  if (look === undefined) return null
  const z = finite(look.z) ? look.z : null
  const side = z !== null && z < 0 ? look.lower : look.upper
  return {
    look: n,
    of: result.looks.length,
    trial: look.trial,
    informationFraction: finite(look.informationFraction) ? look.informationFraction : null,
    z,
    naive: result.conventionalBoundary,
    monitoring: finite(side) ? side : null
  }
}

/** Whether look l has entered the futility area (the CTU inner wedge when two-sided, else below futilityUpper). */
function inFutilityArea(l: TsaLook, z: number): boolean {
  if (!finite(l.futilityUpper)) return false
  return finite(l.futilityLower) ? Math.abs(z) < l.futilityUpper : z < l.futilityUpper
}

/**
 * Look k in plain words, e.g. "Z = 2.30 crosses the naive 1.96 but not the monitoring boundary of 3.90 at 30% of the
 * RIS." The cases follow the engine's conclusion (concludeTsa): monitoring boundary crossed (benefit or harm),
 * past the RIS (judged against the naive boundary), futility area entered, naive crossed only, inside.
 */
export function lookCaption(result: TsaResult, k: number, locale = 'en'): string {
  const facts = lookFacts(result, k)
  if (facts === null) return 'There are no trials to step through.'
  const look = result.looks[facts.look - 1] as TsaLook
  const z = facts.z
  const lead = `Trial ${facts.look} of ${facts.of} (${facts.trial}):`
  if (z === null) return `${lead} no Z-value can be computed yet.`
  const num = (v: number): string => formatFixed(v, 2, locale)
  const t = facts.informationFraction
  const where = t === null ? '' : ` at ${formatPercent(t, locale)} of the RIS`
  const favours = z >= 0 ? 'benefit' : 'harm'
  // the naive bound on the Z-value's side: -1.96 for a negative Z
  const naive = z >= 0 ? facts.naive : -facts.naive
  const crossesNaive = Math.abs(z) >= facts.naive

  if (t !== null && t >= 1) {
    return crossesNaive
      ? `${lead} Z = ${num(z)}${where}: the RIS is reached, so the naive boundary ${num(naive)} applies, and Z crosses it: firm evidence of ${favours}.`
      : `${lead} Z = ${num(z)}${where}: the RIS is reached without crossing the naive ${num(naive)}: an effect of the anticipated size is unlikely.`
  }
  const m = facts.monitoring
  if (m !== null && (z >= 0 ? z >= m : z <= m)) {
    return `${lead} Z = ${num(z)} crosses the monitoring boundary of ${num(m)}${where}: firm evidence of ${favours}.`
  }
  if (inFutilityArea(look, z)) {
    return `${lead} Z = ${num(z)} has entered the futility area${where}: an effect of the anticipated size can be rejected.`
  }
  if (crossesNaive) {
    return m === null
      ? `${lead} Z = ${num(z)} crosses the naive ${num(naive)}${where}; there is no monitoring boundary at this look.`
      : `${lead} Z = ${num(z)} crosses the naive ${num(naive)} but not the monitoring boundary of ${num(m)}${where}: a naive test would call it, the monitoring boundary says not yet.`
  }
  const monitoring = m === null ? '' : ` and the monitoring boundary of ${num(m)}`
  return `${lead} Z = ${num(z)} stays inside the naive ${num(naive)}${monitoring}${where}: no conclusion yet.`
}
