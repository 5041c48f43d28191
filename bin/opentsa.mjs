#!/usr/bin/env node
// Launcher of the `opentsa` command line: runs the TypeScript sources through tsx, so that `npx opentsa` works
// right after `npm install` in a fresh clone, with no build step to remember.
import { fileURLToPath } from 'node:url'
import { register } from 'tsx/esm/api'

// The CLI resolves '@engine' through tsconfig.node.json's paths, like the bundler does.
// A closed pipe (`opentsa … | head`) ends the output quietly instead of crashing.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0)
  throw err
})

register({ tsconfig: fileURLToPath(new URL('../tsconfig.node.json', import.meta.url)) })
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
