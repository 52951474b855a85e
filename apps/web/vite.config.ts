import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const API_TARGET = "http://127.0.0.1:8787";

/** Writes dist/precache.json: the built assets public/sw.js caches at install, so the app opens offline. */
function precacheManifest(): Plugin {
  return {
    name: "junction-precache-manifest",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((fileName) => fileName.startsWith("assets/") && !fileName.endsWith(".map"))
        .sort()
        .map((fileName) => `/${fileName}`);
      this.emitFile({
        type: "asset",
        fileName: "precache.json",
        source: `${JSON.stringify({ files }, null, 2)}\n`,
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), precacheManifest()],
  server: {
    proxy: {
      "/api": { target: API_TARGET },
      "/health": { target: API_TARGET },
      "/sync": { target: API_TARGET, ws: true },
    },
  },
  preview: {
    proxy: {
      "/api": { target: API_TARGET },
      "/health": { target: API_TARGET },
      "/sync": { target: API_TARGET, ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // "i18n-fr-shell-<hash>.js" rather than five files called "shell-<hash>.js"
        chunkFileNames(chunk) {
          const messages = /\/i18n\/locales\/([^/]+)\/([^/]+)\.json$/.exec(
            chunk.facadeModuleId ?? "",
          );
          return messages
            ? `assets/i18n-${messages[1]}-${messages[2]}-[hash].js`
            : "assets/[name]-[hash].js";
        },
      },
    },
  },
});
