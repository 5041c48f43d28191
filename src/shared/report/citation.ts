// "How to cite": the software with its version, and the papers of the methods it implements. Help → How to cite
// shows the general form; a report cites the papers of the methods its analysis used (methods.ts).
import { REFERENCES, type ReferenceId } from './references'
import { SOFTWARE_NAME } from './words'

/** The papers behind every analysis: TSA itself, its manual, α-spending, the boundary algorithm, diversity. */
export const CORE_METHOD_REFERENCES: readonly ReferenceId[] = [
  'wetterslev2008',
  'wetterslev2017',
  'thorlundManual',
  'lanDeMets1983',
  'reboussin2000',
  'wetterslev2009'
]

export interface HowToCite {
  /** "OpenTSA version 0.1.0 (software)…" */
  software: string
  /** one line of advice before the list of papers */
  advice: string
  methods: string[]
}

export function softwareCitation(version: string): string {
  return `${SOFTWARE_NAME} version ${version} (software). Open, offline trial sequential analysis for cumulative meta-analysis.`
}

export function howToCite(
  version: string,
  methods: readonly ReferenceId[] = CORE_METHOD_REFERENCES
): HowToCite {
  return {
    software: softwareCitation(version),
    advice: `When you report an analysis made with ${SOFTWARE_NAME}, cite the software with its version and the methods it implements:`,
    methods: methods.map((id) => REFERENCES[id])
  }
}

/** The citation as plain text, for the clipboard. */
export function howToCiteText(cite: HowToCite): string {
  return [cite.software, '', cite.advice, ...cite.methods.map((m, i) => `${i + 1}. ${m}`)].join(
    '\n'
  )
}
