/**
 * k synthetic dichotomous trials, the same for every run (a 32-bit LCG, seed 1): control risk 5–15%, RR about 0.9
 * with between-trial spread, 20–80 participants per arm. Used by the engine figures (analyze.trials*) and the
 * renderer figures (renderer.*.trials*), so that both time the same data.
 */
export interface SyntheticTrial {
  name: string
  eventsIntervention: number
  totalIntervention: number
  eventsControl: number
  totalControl: number
}

export function syntheticTrials(k: number): SyntheticTrial[] {
  let state = 1
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
  return Array.from({ length: k }, (_, i) => {
    const n = 20 + Math.floor(next() * 61)
    const pc = 0.05 + 0.1 * next()
    const pi = Math.min(0.95, pc * (0.9 * Math.exp(0.3 * (next() - 0.5))))
    const draw = (p: number): number => {
      let e = 0
      for (let j = 0; j < n; j++) if (next() < p) e++
      return e
    }
    return {
      name: `T${i + 1}`,
      eventsIntervention: draw(pi),
      totalIntervention: n,
      eventsControl: draw(pc),
      totalControl: n
    }
  })
}

/**
 * The trials as spreadsheet rows for the trial table's paste, no header row, in its column order: Study, Year
 * (empty), Intervention events, Intervention total, Control events, Control total.
 */
export function syntheticTrialsTsv(k: number): string {
  return syntheticTrials(k)
    .map((t) =>
      [t.name, '', t.eventsIntervention, t.totalIntervention, t.eventsControl, t.totalControl].join(
        '\t'
      )
    )
    .join('\n')
}
