import { isLocale, localeDirection } from "@junction/domain";
import { StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { AppLocale } from "./app/app-locale";
import { App } from "./app/routes";
import { SessionProvider } from "./app/session";
import { applyDocumentLocale, initialLocale, preloadNamespaces } from "./i18n";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error('index.html must contain <div id="root">');

// the first page's words load while the session is asked for, not after
const locale = initialLocale();
applyDocumentLocale(locale, isLocale(locale) ? localeDirection(locale) : "ltr");
void preloadNamespaces(locale, ["common", "shell", "auth"]);

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <AppLocale>
        {/* nothing to show until the language's first messages arrive (a few kB) */}
        <Suspense fallback={null}>
          <App />
        </Suspense>
      </AppLocale>
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
