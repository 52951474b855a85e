import { z } from "zod";

// The server's CSP forbids eval. Unless told so before any schema is built or used, zod probes
// `new Function` and the browser logs a CSP violation. Imported first thing by main.tsx.
z.config({ jitless: true });
