import type { ConclusionCode, TsaInput, TsaLook } from './types'

const pct = (t: number | null): string =>
  t === null ? 'an unknown share' : `${(100 * t).toFixed(1)}%`

/**
 * The plain-language conclusion (methods.md §8): the first look whose Z crosses the benefit or harm boundary (or,
 * past the RIS, the conventional ±z_{1−α/sides}), or enters the futility area; else whether the RIS was reached.
 */
export function concludeTsa(
  input: TsaInput,
  looks: readonly TsaLook[],
  conventional: number
): { code: ConclusionCode; text: string; look: number | null } {
  const twoSided = input.monitoring.sides === 2
  for (let k = 0; k < looks.length; k++) {
    const look = looks[k] as TsaLook
    if (look.z === null) continue
    const t = look.informationFraction
    const pastRis = t !== null && t >= 1
    const upper = pastRis ? conventional : look.upper
    const lower = pastRis ? (twoSided ? -conventional : null) : look.lower
    const where = `at trial ${k + 1} (${look.trial}), ${pct(t)} of the required information size`
    if (upper !== null && look.z >= upper) {
      return {
        code: 'benefit',
        look: k,
        text: `The cumulative Z-curve crossed the ${pastRis ? 'conventional' : 'monitoring'} boundary for benefit ${where}: the intervention is beneficial, with the type I error controlled.`
      }
    }
    if (lower !== null && look.z <= lower) {
      return {
        code: 'harm',
        look: k,
        text: `The cumulative Z-curve crossed the ${pastRis ? 'conventional' : 'monitoring'} boundary for harm ${where}: the intervention is harmful, with the type I error controlled.`
      }
    }
    const f = look.futilityUpper
    if (
      f !== null &&
      (twoSided && look.futilityLower !== null ? Math.abs(look.z) < f : look.z < f)
    ) {
      return {
        code: 'futility',
        look: k,
        text: `The cumulative Z-curve entered the futility area ${where}: an intervention effect of the anticipated size can be rejected.`
      }
    }
  }
  const last = looks[looks.length - 1]
  const t = last?.informationFraction ?? null
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
