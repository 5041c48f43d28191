// What a part of the import wizard (column mapping, RevMan picker, a read project) offers to import right now.
import type { ImportedData } from '../../stores/document'

export interface ImportChoice {
  /** the trials the import button counts */
  trials: number
  /** the project to import; null while something stops the import */
  imported: ImportedData | null
  /** why nothing can be imported yet, in one sentence (shown by the button); null when it can */
  blocked: string | null
}

/** "1 trial", "15 trials" */
export const trialCount = (n: number): string => `${n} ${n === 1 ? 'trial' : 'trials'}`
