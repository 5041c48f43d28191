// Crash recovery: the renderer's unsaved project, kept in userData/recovery/autosave.json (atomically) while there
// are unsaved changes. A clean quit removes it; a crash leaves it, and the next start offers it back. The app has one
// document window (single-instance lock), hence one file. Reading it never throws: a file that cannot be read is
// renamed aside (kept for a bug report, out of the way of the next autosave) and there is nothing to recover.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { DocumentInfo } from '@shared/ipc/contract'
import { parseProjectFile, type ProjectFile } from '@shared/projectFile'
import { writeFileAtomic } from '../../cli/files'
import { RequestFailure } from '../ipc/failure'
import { fileErrorMessage } from './diskFiles'

/** The recovery file's content. `documentPath` stays in main (the renderer gets `document`, a name). */
export interface AutosavedWork {
  /** ISO 8601 */
  savedAt: string
  document: DocumentInfo | null
  documentPath: string | null
  project: ProjectFile
}

export interface RecoveryStore {
  readonly path: string
  /** throws a RequestFailure (fileError) when the file cannot be written */
  save(work: AutosavedWork): void
  /** the autosaved work, or null when there is none or it cannot be read (the bad file is moved aside) */
  load(): AutosavedWork | null
  /** removes the file; never throws (it runs while windows close) */
  clear(): void
}

export const RECOVERY_FILE = 'autosave.json'

/** The work in `raw`, or why it is not usable. */
function readWork(raw: unknown): AutosavedWork | string {
  if (typeof raw !== 'object' || raw === null) return 'not a JSON object'
  const { savedAt, document, documentPath, project } = raw as Record<string, unknown>
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return 'savedAt is not a time'
  const validDocument =
    document === null ||
    (typeof document === 'object' &&
      document !== undefined &&
      typeof (document as { name?: unknown }).name === 'string')
  if (!validDocument) return 'document is not { name }'
  if (documentPath !== null && typeof documentPath !== 'string') return 'documentPath is not a path'
  const parsed = parseProjectFile(project)
  if (!parsed.ok) return `project: ${parsed.error.message}`
  return {
    savedAt,
    document: document === null ? null : { name: (document as { name: string }).name },
    documentPath,
    project: parsed.value
  }
}

export function createRecoveryStore(
  dir: string,
  options: { now?: () => Date; log?: (message: string, err?: unknown) => void } = {}
): RecoveryStore {
  const path = join(dir, RECOVERY_FILE)
  const now = options.now ?? (() => new Date())
  const log = options.log ?? ((message, err) => console.warn(message, err))

  function setAside(reason: string): void {
    const stamp = now().toISOString().replace(/[:.]/g, '-')
    let aside = join(dir, `autosave.unreadable-${stamp}.json`)
    for (let n = 2; existsSync(aside); n++) aside = join(dir, `autosave.unreadable-${stamp}-${n}.json`)
    log(`recovery: ${path} cannot be used (${reason}); moved to ${aside}`)
    try {
      renameSync(path, aside)
    } catch (err) {
      log(`recovery: cannot move ${path} aside; removing it`, err)
      rmSync(path, { force: true })
    }
  }

  return {
    path,
    save(work) {
      try {
        mkdirSync(dir, { recursive: true })
        writeFileAtomic(path, JSON.stringify(work, null, 2) + '\n')
      } catch (err) {
        throw new RequestFailure({
          code: 'fileError',
          message: fileErrorMessage('keep the recovery copy', path, err)
        })
      }
    },
    load() {
      try {
        let text: string
        try {
          text = readFileSync(path, 'utf8')
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
          throw err
        }
        let raw: unknown
        try {
          raw = JSON.parse(text)
        } catch (err) {
          setAside(`not valid JSON: ${(err as Error).message}`)
          return null
        }
        const work = readWork(raw)
        if (typeof work === 'string') {
          setAside(work)
          return null
        }
        return work
      } catch (err) {
        log(`recovery: cannot read ${path}`, err) // e.g. no permission: nothing to offer, and no crash
        return null
      }
    },
    clear() {
      try {
        rmSync(path, { force: true })
      } catch (err) {
        log(`recovery: cannot remove ${path}`, err)
      }
    }
  }
}
