import { readFileSync } from 'node:fs'

/** The software version: package.json's, as `opentsa --version` prints it and reports cite it. */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
  return pkg.version
}
