import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

/** One alias table for main, preload, renderer (and vitest.config.ts): hosts import '@engine', never deep paths. */
export const aliases = {
  '@engine': resolve(import.meta.dirname, 'src/engine'),
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src')
}

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      rolldownOptions: {
        // The engine worker (src/main/engineWorker.ts) is bundled through its `?nodeWorker` import in index.ts.
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts') }
      }
    }
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: emit CommonJS, named .cjs because package.json has "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    resolve: { alias: aliases },
    plugins: [vue()]
  }
})
