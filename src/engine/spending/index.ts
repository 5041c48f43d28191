import { hwangShihDeCani } from './hwangShihDeCani'
import { lanDeMetsObrienFleming } from './lanDeMetsObrienFleming'
import { lanDeMetsPocock } from './lanDeMetsPocock'
import { powerFamily } from './powerFamily'

/** The spending functions of methods.md §5, named as in the project file and the CLI (interfaces.md). */
export type SpendingSpec =
  | { kind: 'obf' }
  | { kind: 'pocock' }
  | { kind: 'power'; rho: number }
  | { kind: 'hsd'; gamma: number }

type Spend<S> = (a: number, t: number, spec: S) => number

/** Cumulative per-side spend a·f(t) for every family; exhaustive by construction. */
export const SPENDING: { [K in SpendingSpec['kind']]: Spend<Extract<SpendingSpec, { kind: K }>> } =
  {
    obf: (a, t) => lanDeMetsObrienFleming(a, t),
    pocock: (a, t) => lanDeMetsPocock(a, t),
    power: (a, t, s) => powerFamily(a, t, s.rho),
    hsd: (a, t, s) => hwangShihDeCani(a, t, s.gamma)
  }

/** Cumulative per-side spend of `spec` at information fraction t, with per-side total a. */
export function cumulativeSpend(spec: SpendingSpec, a: number, t: number): number {
  return (SPENDING[spec.kind] as Spend<SpendingSpec>)(a, t, spec)
}

/** Every family with a representative parameter: used by property tests and the UI's pickers. */
export const EXAMPLE_SPENDING_SPECS: readonly SpendingSpec[] = [
  { kind: 'obf' },
  { kind: 'pocock' },
  { kind: 'power', rho: 1 },
  { kind: 'power', rho: 3 },
  { kind: 'hsd', gamma: -4 },
  { kind: 'hsd', gamma: 1 }
]

/** Parses the CLI form `obf | pocock | power:RHO | hsd:GAMMA`; null when it is not one of these. */
export function parseSpendingSpec(text: string): SpendingSpec | null {
  const [name, param, ...rest] = text.trim().toLowerCase().split(':')
  if (rest.length > 0) return null
  if ((name === 'obf' || name === 'pocock') && param === undefined) return { kind: name }
  if ((name === 'power' || name === 'hsd') && param !== undefined && param.trim() !== '') {
    if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(param)) return null
    const value = Number(param)
    return name === 'power' ? { kind: 'power', rho: value } : { kind: 'hsd', gamma: value }
  }
  return null
}
