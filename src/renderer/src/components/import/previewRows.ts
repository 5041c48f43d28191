// The rows of the wizard's preview table (PreviewTable.vue), from a table read with the user's choices (with the
// problem of each cell) or from a project a reader built (RevMan, .TSA). Columns are the trial grid's.
import type { TableField, TablePreview, OutcomeType } from '@shared/io/tableImport'
import type { ProjectFile } from '@shared/projectFile'
import { formatFlag } from '../../stores/trialCells'
import { trialColumns, type ValueField } from '../../stores/trialColumns'

export interface PreviewColumn {
  field: ValueField
  label: string
}

export interface PreviewCell {
  text: string
  /** why the cell cannot be imported; absent when it can */
  problem?: string
}

export interface PreviewRow {
  key: string
  /** the row's header: the file's line or row number, or the trial's position */
  header: string
  cells: Partial<Record<ValueField, PreviewCell>>
}

/** The trials shown; the rest is summed up ("the first 10 of 27"). */
export const PREVIEW_ROWS = 10

const cellText = (value: unknown): string =>
  typeof value === 'boolean'
    ? formatFlag(value)
    : value === null || value === undefined
      ? ''
      : String(value)

/** Non-events are no project column: their problems are shown on the total they make. */
const SHOWN_ON: Partial<Record<TableField, ValueField>> = {
  nonEventsIntervention: 'totalIntervention',
  nonEventsControl: 'totalControl'
}

/** The grid's columns for `type`; the flags only when they are imported (otherwise they are the defaults). */
export function previewColumns(type: OutcomeType, flags: readonly ValueField[]): PreviewColumn[] {
  return trialColumns(type)
    .filter((c) =>
      c.field === 'include' || c.field === 'lowRiskOfBias' ? flags.includes(c.field) : true
    )
    .map(({ field, label }) => ({ field, label }))
}

/** The first PREVIEW_ROWS trials of a table preview, each cell with its problem. */
export function tablePreviewRows(
  preview: TablePreview,
  columns: readonly PreviewColumn[]
): PreviewRow[] {
  return preview.trials.slice(0, PREVIEW_ROWS).map(({ rowNumber, trial, problems }) => {
    const cells: PreviewRow['cells'] = {}
    for (const { field } of columns) cells[field] = { text: cellText(trial[field]) }
    for (const [field, problem] of Object.entries(problems) as [TableField, string][]) {
      const shown = SHOWN_ON[field] ?? (field as ValueField)
      const cell = cells[shown]
      if (cell !== undefined) {
        cell.problem = cell.problem === undefined ? problem : `${cell.problem}; ${problem}`
      }
    }
    return { key: String(rowNumber), header: String(rowNumber), cells }
  })
}

/** The first PREVIEW_ROWS trials of a project, numbered in analysis order. */
export function projectPreviewRows(
  project: ProjectFile,
  columns: readonly PreviewColumn[]
): PreviewRow[] {
  return project.trials.slice(0, PREVIEW_ROWS).map((trial, k) => {
    const values = trial as unknown as Record<string, unknown>
    return {
      key: String(k),
      header: String(k + 1),
      cells: Object.fromEntries(
        columns.map(({ field }) => [field, { text: cellText(values[field]) }])
      )
    }
  })
}
