import type { ConclusionCode, TsaInput, TsaLook } from './types'

const pct = (t: number | null): string =>
  t === null ? 'an unknown share' : `${(100 * t).toFixed(1)}%`

type Conclusion = { code: ConclusionCode; text: string; look: number | null }

/** The efficacy boundaries that apply at a look: monitoring before the RIS, conventional ±z past it. */
function efficacyAt(
  look: TsaLook,
  twoSided: boolean,
  conventional: number
): { upper: number | null; lower: number | null; pastRis: boolean } {
  const pastRis = look.informationFraction !== null && look.informationFraction >= 1
  if (!pastRis) return { upper: look.upper, lower: look.lower, pastRis }
  return { upper: conventional, lower: twoSided ? -conventional : null, pastRis }
}

/** What look k decides: a crossed efficacy boundary, the futility area, or nothing (null). */
function decisionAt(
  look: TsaLook,
  k: number,
  twoSided: boolean,
  conventional: number
): Conclusion | null {
  if (look.z === null) return null
  const t = look.informationFraction
  const { upper, lower, pastRis } = efficacyAt(look, twoSided, conventional)
  const where = `at trial ${k + 1} (${look.trial}), ${pct(t)} of the required information size`
  const kind = pastRis ? 'conventional' : 'monitoring'
  if (upper !== null && look.z >= upper) {
    return {
      code: 'benefit',
      look: k,
      text: `The cumulative Z-curve crossed the ${kind} boundary for benefit ${where}: the intervention is beneficial, with the type I error controlled.`
    }
  }
  if (lower !== null && look.z <= lower) {
    return {
      code: 'harm',
      look: k,
      text: `The cumulative Z-curve crossed the ${kind} boundary for harm ${where}: the intervention is harmful, with the type I error controlled.`
    }
  }
  const f = look.futilityUpper
  const inWedge =
    twoSided && look.futilityLower !== null
      ? Math.abs(look.z) < (f ?? -Infinity)
      : look.z < (f ?? -Infinity)
  if (f !== null && inWedge) {
    return {
      code: 'futility',
      look: k,
      text: `The cumulative Z-curve entered the futility area ${where}: an intervention effect of the anticipated size can be rejected.`
    }
  }
  return null
}

/**
 * The plain-language conclusion (methods.md §8): the first look whose Z crosses the benefit or harm boundary (or,
 * past the RIS, the conventional ±z_{1−α/sides}), or enters the futility area; else whether the RIS was reached.
 */
export function concludeTsa(
  input: TsaInput,
  looks: readonly TsaLook[],
  conventional: number
): Conclusion {
  const twoSided = input.monitoring.sides === 2
  for (let k = 0; k < looks.length; k++) {
    const decision = decisionAt(looks[k] as TsaLook, k, twoSided, conventional)
    if (decision !== null) return decision
  }
  const t = looks[looks.length - 1]?.informationFraction ?? null
  if (t !== null && t >= 1) {
    return {
      code: 'noEffectAtRis',
      look: looks.length - 1,
      text: `The required information size was reached (${pct(t)}) without crossing a boundary: an effect of the anticipated size is unlikely.`
    }
  }
  return {
    code: 'inconclusive',
    look: null,
    text: `Inconclusive: ${pct(t)} of the required information size has accrued and no boundary was crossed; more trials are needed.`
  }
}
