// The open project and every edit of it: trial cells (keeping text that does not parse), rows, flags, paste (one undo
// step), the settings and the outcome type; undo/redo over the whole project, the dirty flag, and the trials the
// analysis may use.
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import { parseLocaleNumber } from '@shared/io/csvImport'
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  parseProjectFile,
  startingRisInputs,
  type ProjectFile
} from '@shared/projectFile'
import { createHistory } from './history'
import {
  cellTextOf,
  detectDecimalComma,
  isBlank,
  isHeaderRow,
  localeUsesDecimalComma,
  matchHeader,
  parseFlag,
  parseTsv,
  trialErrors,
  type CellDrafts,
  type CellErrors
} from './trialCells'
import {
  dataFields,
  emptyTrial,
  isFlagField,
  trialColumns,
  type AnyTrial,
  type CellField,
  type FlagField,
  type OutcomeType,
  type ValueField
} from './trialColumns'

/** How many edits undo reaches back. */
export const UNDO_CAPACITY = 200

/** A row the analysis leaves out because of its data, and why (the engine reports "excluded by the user" itself). */
export interface ExcludedTrial {
  /** 0-based row in the table */
  row: number
  trial: string
  reason: string
}

export interface AnalysisProject {
  /** the project with only the rows whose cells are all valid and filled in */
  project: ProjectFile
  excluded: ExcludedTrial[]
}

export interface PasteResult {
  /** rows written (header excluded) */
  rows: number
  /** first row written */
  firstRow: number
  /** rows appended to the table */
  added: number
  /** whether the first pasted row was read as a header (columns then matched by name) */
  header: boolean
  /** the columns written, in pasted order */
  fields: ValueField[]
  /** pasted columns that matched nothing (header names, or columns beyond the last one) */
  ignoredColumns: string[]
  decimalComma: boolean
}

/** Everything in a project but its trials: what the Settings panel and the figure options edit. */
type ProjectSettings = Pick<ProjectFile, 'title' | 'outcome' | 'analysis' | 'monitoring' | 'figure'>

interface Snapshot {
  /** the settings as JSON: immutable, and cheap to compare for "did this edit change anything" */
  settings: string
  trials: AnyTrial[]
  drafts: CellDrafts[]
  keys: number[]
  version: number
}

/**
 * An empty project of the given outcome type with every default filled in by the project schema, and starting RIS
 * inputs so that the first trials typed in are monitored at once.
 */
export function emptyProject(type: OutcomeType = 'dichotomous'): ProjectFile {
  const parsed = parseProjectFile({
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    outcome: { type },
    trials: [],
    monitoring: { ris: startingRisInputs(type) },
    ...(type === 'continuous' ? { analysis: { measure: 'MD' } } : {})
  })
  if (!parsed.ok) throw new Error(`default project is invalid: ${parsed.error.message}`)
  return parsed.value
}

/** A trial converted to another outcome type: name, year, flags and comment kept, the arm data emptied. */
function convertTrial(trial: AnyTrial, type: OutcomeType): AnyTrial {
  const { name, year, lowRiskOfBias, include, comment } = trial
  return {
    ...emptyTrial(type),
    name,
    year: year ?? null,
    lowRiskOfBias,
    include,
    ...(comment === undefined ? {} : { comment })
  }
}

function sameErrors(a: CellErrors, b: CellErrors): boolean {
  const keys = Object.keys(a) as (keyof CellErrors)[]
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

const cellLabel = (type: OutcomeType, field: ValueField): string =>
  trialColumns(type).find((c) => c.field === field)?.label ?? field

export const useProjectStore = defineStore('project', () => {
  const project = ref<ProjectFile>(emptyProject())
  /** Raw text of cells that did not parse, one object per row (aligned with project.trials). */
  const drafts = ref<CellDrafts[]>([])
  /** Stable keys for the rows (v-for), aligned with project.trials; they survive moves and undo. */
  const rowKeys = ref<number[]>([])
  let nextKey = 1

  // Every state has a version; `dirty` compares it with the version last saved, so undoing back to it is clean.
  let versionCounter = 0
  const version = ref(0)
  const savedVersion = ref(0)
  const history = createHistory<Snapshot>(UNDO_CAPACITY)

  const outcomeType = computed<OutcomeType>(() => project.value.outcome.type)
  const columns = computed(() => trialColumns(outcomeType.value))
  const trials = computed(() => project.value.trials as AnyTrial[])
  const dirty = computed(() => version.value !== savedVersion.value)

  /**
   * One object per row. A row whose errors are unchanged keeps its previous object, so that after an edit of one
   * cell the trial grid's other rows get the same props and are not rendered again.
   */
  const errors = computed<CellErrors[]>((previous) =>
    trials.value.map((t, i) => {
      const now = trialErrors(t, drafts.value[i] ?? {}, outcomeType.value)
      const before = previous?.[i]
      return before !== undefined && sameErrors(before, now) ? before : now
    })
  )

  // ---- snapshots and edits ----

  const settingsJson = (): string => {
    const { title, outcome, analysis, monitoring, figure } = project.value
    return JSON.stringify({
      title,
      outcome,
      analysis,
      monitoring,
      figure
    } satisfies ProjectSettings)
  }

  const snapshot = (): Snapshot => ({
    settings: settingsJson(),
    trials: trials.value.map((t) => ({ ...toRaw(t) })),
    drafts: drafts.value.map((d) => ({ ...toRaw(d) })),
    keys: [...rowKeys.value],
    version: version.value
  })

  function restore(s: Snapshot): void {
    // In place, so that the outcome type and its trials change together in one assignment.
    const settings = JSON.parse(s.settings) as ProjectSettings
    Object.assign(project.value, settings, { trials: s.trials.map((t) => ({ ...t })) })
    // optional and left out of the JSON when absent: undoing the first figure option removes the object again
    if (settings.figure === undefined) delete project.value.figure
    drafts.value = s.drafts.map((d) => ({ ...d }))
    rowKeys.value = [...s.keys]
    version.value = s.version
  }

  /** Runs one edit as one undo step. */
  function edit<T>(change: () => T): T {
    history.record(snapshot())
    const result = change()
    version.value = ++versionCounter
    return result
  }

  /**
   * Applies a change of the settings (title, outcome labels and direction, analysis, monitoring, figure) as ONE undo
   * step that makes the project dirty. A change that leaves the settings as they were records nothing, so
   * re-committing the same value does not fill the history. Trials are not to be touched here (setOutcomeType converts them).
   */
  function editSettings(change: (project: ProjectFile) => void): void {
    const before = snapshot()
    change(project.value)
    if (settingsJson() === before.settings) return
    history.record(before)
    version.value = ++versionCounter
  }

  /**
   * Switches between dichotomous and continuous data as one undo step: every trial keeps its name, year and flags
   * but its arm data are emptied (events cannot become means), the measure becomes MD or RR, and an events axis
   * (dichotomous only) falls back to participants.
   */
  function setOutcomeType(type: OutcomeType): void {
    if (type === outcomeType.value) return
    edit(() => {
      const { analysis, monitoring } = project.value
      Object.assign(project.value, {
        outcome: { ...project.value.outcome, type },
        trials: trials.value.map((t) => convertTrial(t, type))
      })
      analysis.measure = type === 'continuous' ? 'MD' : 'RR'
      if (type === 'continuous' && monitoring.informationAxis === 'events') {
        monitoring.informationAxis = 'participants'
      }
      // The other type's RIS inputs, where the user has given none yet (those of the old type stay, unused).
      for (const [key, value] of Object.entries(startingRisInputs(type))) {
        const ris = monitoring.ris as Record<string, unknown>
        if (ris[key] === undefined) ris[key] = value
      }
      drafts.value = trials.value.map(() => ({}))
    })
  }

  const row = (index: number): AnyTrial => {
    const t = trials.value[index]
    if (t === undefined) throw new RangeError(`no trial at row ${index}`)
    return t
  }

  function insertRowsAt(at: number, count: number): void {
    const type = outcomeType.value
    const newTrials = Array.from({ length: count }, () => emptyTrial(type))
    ;(project.value.trials as AnyTrial[]).splice(at, 0, ...newTrials)
    drafts.value.splice(at, 0, ...newTrials.map(() => ({})))
    rowKeys.value.splice(at, 0, ...newTrials.map(() => nextKey++))
  }

  /** Writes one cell's text without recording history (setCell and pasteTsv record). */
  function writeCell(index: number, field: CellField, text: string, decimalComma: boolean): void {
    const trial = row(index) as unknown as Record<string, unknown>
    if (drafts.value[index] === undefined) drafts.value[index] = {}
    const cellDrafts = drafts.value[index] as CellDrafts // re-read: the reactive proxy, not the raw object
    if (field === 'name') {
      trial['name'] = text.trim()
      return
    }
    delete cellDrafts[field]
    if (isBlank(text)) {
      trial[field] = null
      return
    }
    const value = parseLocaleNumber(text, decimalComma)
    const ok = field === 'year' ? Number.isInteger(value) : Number.isFinite(value)
    if (ok) {
      trial[field] = value
    } else {
      trial[field] = null
      cellDrafts[field] = text.trim() // nothing typed is lost: the cell keeps showing it, marked invalid
    }
  }

  const cellUnchanged = (index: number, field: CellField, text: string): boolean =>
    cellText(index, field) === text.trim()

  // ---- reading cells ----

  /** What a cell shows: the unparsed text if any, else the value ('' for an empty cell; flags as yes/no). */
  function cellText(index: number, field: ValueField): string {
    const t = trials.value[index]
    return t === undefined ? '' : cellTextOf(t, drafts.value[index], field)
  }

  /** Why a cell is invalid, or null. */
  const cellError = (index: number, field: ValueField): string | null =>
    errors.value[index]?.[field] ?? null

  // ---- edits ----

  /**
   * Sets a cell from the text the user typed. Numbers may use a decimal comma or point (told from the text, then
   * from the locale); text that does not parse is kept as typed and the cell reports why it is invalid.
   */
  function setCell(index: number, field: ValueField, text: string): void {
    row(index)
    if (isFlagField(field)) {
      const flag = parseFlag(text)
      if (flag !== null) setFlag(index, field, flag)
      return
    }
    if (cellUnchanged(index, field, text)) return
    const decimalComma = detectDecimalComma([text], localeUsesDecimalComma())
    edit(() => writeCell(index, field, text, decimalComma))
  }

  /** Empties several cells as one undo step (the Delete key on a selection). */
  function clearCells(cells: readonly { row: number; field: ValueField }[]): void {
    const todo = cells.filter(
      (c) => !isFlagField(c.field) && c.row < trials.value.length && cellText(c.row, c.field) !== ''
    )
    if (todo.length === 0) return
    edit(() => {
      for (const c of todo) writeCell(c.row, c.field as CellField, '', false)
    })
  }

  function setFlag(index: number, field: FlagField, value: boolean): void {
    if (row(index)[field] === value) return
    edit(() => {
      row(index)[field] = value
    })
  }

  const toggleInclude = (index: number): void => setFlag(index, 'include', !row(index).include)
  const toggleLowRisk = (index: number): void =>
    setFlag(index, 'lowRiskOfBias', !row(index).lowRiskOfBias)

  /** Inserts an empty trial before row `at` (clamped to the table); returns its row. */
  function insertTrial(at: number): number {
    const index = Math.max(0, Math.min(Math.trunc(at), trials.value.length))
    edit(() => insertRowsAt(index, 1))
    return index
  }

  /** Appends an empty trial; returns its row. */
  const addTrial = (): number => insertTrial(trials.value.length)

  function deleteTrial(index: number): void {
    row(index)
    edit(() => {
      ;(project.value.trials as AnyTrial[]).splice(index, 1)
      drafts.value.splice(index, 1)
      rowKeys.value.splice(index, 1)
    })
  }

  /** Moves a trial one row up or down (the order is the cumulative order); returns its new row. */
  function moveTrial(index: number, direction: 'up' | 'down'): number {
    row(index)
    const target = direction === 'up' ? index - 1 : index + 1
    if (target < 0 || target >= trials.value.length) return index
    const swap = <T>(list: T[]): void => {
      const a = list[index] as T
      list[index] = list[target] as T
      list[target] = a
    }
    edit(() => {
      swap(project.value.trials as AnyTrial[])
      swap(drafts.value)
      swap(rowKeys.value)
    })
    return target
  }

  /**
   * Pastes TSV (Excel, LibreOffice) at a cell as ONE undo step. A first row naming columns (the grid's labels or
   * csvImport's aliases) is a header: its columns are then matched by name; otherwise cells go by position from
   * `column` (an index into `columns`). Rows past the end are appended. Decimal commas and thousands separators
   * are told from the pasted numbers (then the locale). Returns null when the text holds no cells.
   */
  function pasteTsv(atRow: number, column: number, text: string): PasteResult | null {
    const table = parseTsv(text)
    const first = table[0]
    if (first === undefined) return null
    const type = outcomeType.value
    const header = isHeaderRow(first, type)
    const ignoredColumns: string[] = []
    let targets: (ValueField | null)[]
    if (header) {
      const seen = new Set<ValueField>()
      targets = first.map((name) => {
        const field = matchHeader(name, type)
        if (field === null || seen.has(field)) {
          if (name.trim() !== '') ignoredColumns.push(name.trim())
          return null
        }
        seen.add(field)
        return field
      })
    } else {
      const width = Math.max(...table.map((r) => r.length))
      const start = Math.max(0, Math.min(column, columns.value.length - 1))
      targets = Array.from({ length: width }, (_, j) => columns.value[start + j]?.field ?? null)
      for (let j = 0; j < width; j++) {
        if (targets[j] === null) ignoredColumns.push(`column ${j + 1}`)
      }
    }
    const body = header ? table.slice(1) : table
    const fields = targets.filter((f): f is ValueField => f !== null)
    if (body.length === 0 || fields.length === 0) return null

    const numericTexts: string[] = []
    for (const cells of body) {
      targets.forEach((f, j) => {
        if (f !== null && f !== 'name' && !isFlagField(f)) numericTexts.push(cells[j] ?? '')
      })
    }
    const decimalComma = detectDecimalComma(numericTexts, localeUsesDecimalComma())
    const firstRow = Math.max(0, Math.min(Math.trunc(atRow), trials.value.length))
    const added = Math.max(0, firstRow + body.length - trials.value.length)

    edit(() => {
      if (added > 0) insertRowsAt(trials.value.length, added)
      body.forEach((cells, i) => {
        targets.forEach((field, j) => {
          if (field === null) return
          const text = cells[j] ?? ''
          if (isFlagField(field)) {
            const flag = parseFlag(text)
            if (flag !== null) row(firstRow + i)[field] = flag
          } else {
            writeCell(firstRow + i, field, text, decimalComma)
          }
        })
      })
    })
    return { rows: body.length, firstRow, added, header, fields, ignoredColumns, decimalComma }
  }

  // ---- history and files ----

  const canUndo = history.canUndo
  const canRedo = history.canRedo

  function undo(): boolean {
    const previous = history.undo(snapshot())
    if (previous === undefined) return false
    restore(previous)
    return true
  }

  function redo(): boolean {
    const next = history.redo(snapshot())
    if (next === undefined) return false
    restore(next)
    return true
  }

  /** Call after the project was written to disk. */
  function markSaved(): void {
    savedVersion.value = version.value
  }

  /** Replaces the project (opened or imported): clean, with an empty undo history. */
  function loadProject(file: ProjectFile): void {
    project.value = file
    drafts.value = file.trials.map(() => ({}))
    rowKeys.value = file.trials.map(() => nextKey++)
    history.clear()
    version.value = ++versionCounter
    savedVersion.value = version.value
  }

  const newProject = (type: OutcomeType = 'dichotomous'): void => loadProject(emptyProject(type))

  // ---- what the analysis gets ----

  /**
   * The project with only the trials the analysis can use: rows with an invalid cell, and rows with an empty data
   * cell, are left out and listed with the reason. Trials the user unticked stay in (the engine reports those).
   */
  const projectForAnalysis = computed<AnalysisProject>(() => {
    const type = outcomeType.value
    const needed = dataFields(type)
    const kept: AnyTrial[] = []
    const excluded: ExcludedTrial[] = []
    trials.value.forEach((trial, i) => {
      const name = trial.name.trim() === '' ? `(row ${i + 1})` : trial.name
      const rowErrors = Object.entries(errors.value[i] ?? {}) as [ValueField, string][]
      const record = trial as unknown as Record<string, unknown>
      const empty = needed.filter((f) => record[f] === null)
      let reason: string | null = null
      if (rowErrors.length > 0) {
        reason = `invalid data (${rowErrors.map(([f, m]) => `${cellLabel(type, f)}: ${m}`).join('; ')})`
      } else if (empty.length === needed.length && trial.name.trim() === '') {
        reason = 'empty row'
      } else if (empty.length > 0) {
        reason = `incomplete data (${empty.map((f) => cellLabel(type, f)).join(', ')} empty)`
      }
      if (reason === null) kept.push({ ...toRaw(trial) })
      else excluded.push({ row: i, trial: name, reason })
    })
    return {
      project: { ...toRaw(project.value), trials: kept } as ProjectFile,
      excluded
    }
  })

  return {
    project,
    drafts,
    rowKeys,
    outcomeType,
    columns,
    trials,
    errors,
    dirty,
    canUndo,
    canRedo,
    projectForAnalysis,
    editSettings,
    setOutcomeType,
    cellText,
    cellError,
    setCell,
    clearCells,
    setFlag,
    toggleInclude,
    toggleLowRisk,
    insertTrial,
    addTrial,
    deleteTrial,
    moveTrial,
    pasteTsv,
    undo,
    redo,
    markSaved,
    loadProject,
    newProject
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProjectStore, import.meta.hot))
