// The file system as the document service uses it. Every failure becomes a RequestFailure whose message names the
// file (its name, not its folder) and says what went wrong in words, for the renderer to show as it is.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { MAX_IMPORT_BYTES } from '@shared/io/importFiles'
import { writeFileAtomic } from '../../cli/files'
import { RequestFailure } from '../ipc/failure'

export interface DocumentFiles {
  /** UTF-8 text of a file the user chose; fileError when it cannot be read or is too large to be ours */
  readText(path: string): string
  /** the bytes of a file the user chose (Import data: the wizard reads them); the same errors as readText */
  readBytes(path: string): Uint8Array
  /** atomic write (temporary file + rename): the old content stays whole until the new one is complete */
  write(path: string, data: string | Uint8Array): void
  exists(path: string): boolean
}

/** A project or data table is kilobytes; a file beyond this was picked by mistake and is not read into memory. */
export const MAX_READ_BYTES = MAX_IMPORT_BYTES

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'the file does not exist (it may have been moved or deleted)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the disk is read-only',
  EBUSY: 'the file is in use by another program',
  ENAMETOOLONG: 'the name is too long'
}

/** "cannot save perio.opentsa.json: the disk is full" */
export function fileErrorMessage(verb: string, path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code
  const reason =
    (code !== undefined ? REASONS[code] : undefined) ??
    code ??
    (err instanceof Error ? err.message : String(err))
  return `cannot ${verb} ${basename(path)}: ${reason}`
}

/** Refuses a file too large to be ours before it is read into memory; fileError when it cannot be looked at. */
function checkSize(path: string): void {
  let size: number
  try {
    size = statSync(path).size
  } catch (err) {
    throw new RequestFailure({ code: 'fileError', message: fileErrorMessage('open', path, err) })
  }
  if (size > MAX_READ_BYTES) {
    throw new RequestFailure({
      code: 'invalidFile',
      message: `${basename(path)} is too large to be a project or a data table (${Math.round(size / 1024 / 1024)} MB)`
    })
  }
}

function readChecked<T>(path: string, read: () => T): T {
  checkSize(path)
  try {
    return read()
  } catch (err) {
    throw new RequestFailure({ code: 'fileError', message: fileErrorMessage('open', path, err) })
  }
}

export const diskFiles: DocumentFiles = {
  readText: (path) => readChecked(path, () => readFileSync(path, 'utf8')),
  readBytes: (path) => readChecked(path, () => new Uint8Array(readFileSync(path))),
  write(path, data) {
    try {
      writeFileAtomic(path, data)
    } catch (err) {
      throw new RequestFailure({ code: 'fileError', message: fileErrorMessage('save', path, err) })
    }
  },
  exists: (path) => existsSync(path)
}
