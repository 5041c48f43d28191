// One row per trial with RTSA's column names, so that the file reads back into OpenTSA, RTSA or R.
import Papa from 'papaparse'
import type { ProjectFile } from '../projectFile'

export function exportCsv(project: ProjectFile): string {
  const rows = project.trials.map((t) =>
    'meanIntervention' in t
      ? {
          study: t.name,
          year: t.year ?? '',
          mI: t.meanIntervention,
          sdI: t.sdIntervention,
          nI: t.totalIntervention,
          mC: t.meanControl,
          sdC: t.sdControl,
          nC: t.totalControl,
          lowRiskOfBias: t.lowRiskOfBias,
          include: t.include
        }
      : {
          study: t.name,
          year: t.year ?? '',
          eI: t.eventsIntervention,
          nI: t.totalIntervention,
          eC: t.eventsControl,
          nC: t.totalControl,
          lowRiskOfBias: t.lowRiskOfBias,
          include: t.include
        }
  )
  return Papa.unparse(rows, { newline: '\n' }) + '\n'
}
