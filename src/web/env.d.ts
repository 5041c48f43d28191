/** package.json "version", replaced at build time (vite.web.config.ts `define`). */
declare const __OPENTSA_VERSION__: string
