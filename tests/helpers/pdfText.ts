import { execFileSync } from 'node:child_process'

/** poppler's pdftotext is installed (CI installs poppler-utils); tests that read a PDF's text skip without it. */
export const HAS_PDFTOTEXT = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/** The text of a PDF file page by page (pdftotext's form feeds), runs of white space as one space. */
export function pdfPages(path: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' ').trim())
    .filter((page) => page !== '')
}
