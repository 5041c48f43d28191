import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CliError } from './cliError'

/** Reads a text file, or a CliError naming it. */
export function readText(path: string): string {
  const bytes = readBytes(path)
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** Reads a file's bytes (a RevMan file is ISO-8859-1 XML or a zip), or a CliError naming it. */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path)
  } catch (e) {
    throw new CliError(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
    )
  }
}

/**
 * Writes atomically: a temporary file beside the target (same folder, so the rename cannot cross file systems),
 * flushed to disk, then renamed over the target. A failed write never leaves half a file, and the old content stays
 * until the new one is complete. Throws the file system's own error (with its `code`), after removing the temporary
 * file; callers word it for their users (the CLI below, Electron main's document writer).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = openSync(temp, 'wx') // wx: never follow or reuse an existing file at the temporary name
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      for (let written = 0; written < bytes.length; ) {
        written += writeSync(fd, bytes, written, bytes.length - written)
      }
      fsyncSync(fd) // the bytes are on disk before the rename makes them the file
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (e) {
    rmSync(temp, { force: true })
    throw e
  }
}

/** writeFileAtomic (text as UTF-8, or bytes), with a CliError naming the file when it fails. */
export function writeOutputAtomic(path: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(path, data)
  } catch (e) {
    throw new CliError(
      `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`
    )
  }
}

/** writeFileAtomic for UTF-8 text, with a CliError naming the file when it fails. */
export const writeTextAtomic = (path: string, text: string): void => writeOutputAtomic(path, text)
