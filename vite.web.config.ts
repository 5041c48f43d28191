// The browser build (npm run build:web → dist-web/): the renderer as a static app, window.tsa provided by
// src/web/installWorkerBridge.ts and the engine in a Web Worker. Any static file server can serve dist-web/.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { aliases } from './electron.vite.config.ts'

const root = resolve(import.meta.dirname, 'src/renderer')
const { version } = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')
) as {
  version: string
}

/**
 * The renderer's index.html (with its CSP, shared with the desktop app) loads src/main.ts; the web build loads
 * src/web/main.ts instead, which installs the bridge first. The CSP needs no change: the worker is a same-origin
 * script file, allowed by script-src 'self' (worker-src falls back to it).
 */
const webEntry: Plugin = {
  name: 'opentsa-web-entry',
  transformIndexHtml: {
    order: 'pre',
    handler(html) {
      const from = '<script type="module" src="/src/main.ts"></script>'
      if (!html.includes(from)) {
        throw new Error(`src/renderer/index.html no longer contains ${from}`)
      }
      return {
        html: html.replace(from, '<script type="module" src="../web/main.ts"></script>'),
        // No favicon file: an empty data: icon stops the browser's /favicon.ico request (a 404 on most servers).
        tags: [{ tag: 'link', attrs: { rel: 'icon', href: 'data:,' }, injectTo: 'head' }]
      }
    }
  }
}

export default defineConfig({
  root,
  base: './', // relative URLs: dist-web/ works from any path or host
  resolve: { alias: aliases },
  define: { __OPENTSA_VERSION__: JSON.stringify(version) },
  plugins: [webEntry, vue()],
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true
  },
  preview: { host: '127.0.0.1', strictPort: true }
})
