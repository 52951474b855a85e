import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const API_TARGET = "http://127.0.0.1:8787";

export default defineConfig({
  plugins: [react()],
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
  build: { outDir: "dist", emptyOutDir: true },
});
