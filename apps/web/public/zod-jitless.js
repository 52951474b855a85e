// A classic script in index.html's head, so it runs before any of the app's modules: zod reads
// this setting when it builds its first schema and then never probes `new Function`, which the
// server's Content-Security-Policy forbids (the browser would report a violation on every page).
// Calling z.config() from the entry module comes too late in the built app: a shared chunk
// builds schemas before the entry module's own code runs.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
