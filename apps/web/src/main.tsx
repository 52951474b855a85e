import "./zod-config";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/routes";
import { SessionProvider } from "./app/session";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error('index.html must contain <div id="root">');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);

// production only: the dev server's modules must not be served from a cache
if (import.meta.env.PROD && "serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch(() => {
      // without a service worker the app still works online; it just cannot open offline
    });
  });
}
