// What the import wizard calls each project column: the trial grid's own headers (trialColumns), so a column is named
// the same in the wizard as in the table it fills, plus the two columns the grid does not have.
import type { TableField } from '@shared/io/tableImport'
import { trialColumns } from '../../stores/trialColumns'

const GRID_LABELS = Object.fromEntries(
  [...trialColumns('dichotomous'), ...trialColumns('continuous')].map((c) => [c.field, c.label])
)

export const FIELD_LABELS: Readonly<Record<TableField, string>> = {
  ...(GRID_LABELS as Record<
    Exclude<TableField, 'nonEventsIntervention' | 'nonEventsControl'>,
    string
  >),
  // metafor's bi/di: the totals are events + non-events when a table has no totals
  nonEventsIntervention: 'Intervention non-events (instead of the total)',
  nonEventsControl: 'Control non-events (instead of the total)'
}
