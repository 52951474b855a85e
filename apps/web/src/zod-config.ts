import { z } from "zod";

// The server's CSP forbids eval. Unless told so before any schema is built or used, zod probes
// `new Function` and the browser logs a CSP violation. Imported first thing by main.tsx, which
// covers the dev server and tests; the built app also loads public/zod-jitless.js before its
// modules, because a shared chunk builds schemas before this module runs.
z.config({ jitless: true });
