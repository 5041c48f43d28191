import { main } from '../../src/cli/main'

/** Runs the `opentsa` command line in-process and captures what it prints and its exit status. */
export async function runCli(
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(
    argv,
    (t) => out.push(t),
    (t) => err.push(t)
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}
