// The trial grid's columns (TrialGrid and its rows, TrialRow): the value columns, then one per row action.
import type { CellField, FlagField } from '../../stores/trialColumns'

export type RowAction = 'insert' | 'delete' | 'up' | 'down'

export type GridColumn =
  | { kind: 'cell'; field: CellField; label: string }
  | { kind: 'flag'; field: FlagField; label: string }
  | { kind: 'action'; action: RowAction; label: string; shortcut: string }
