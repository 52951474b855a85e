// Junction service worker: lets the app open without a network (the editor then works from the
// copy kept in IndexedDB and syncs when the connection returns).
// - install: precache index.html, the script it loads first (/zod-jitless.js) and every built
//   asset listed in /precache.json (written by Vite)
// - /assets/*: cache first (file names carry a content hash)
// - page loads and GET /api/me, /api/workplans/*, /api/networks/*, /api/locales*: network first,
//   cache as fallback (a network's corrected translations then also apply offline)
// - never cached: /sync (WebSocket), /api/events (a stream), anything that is not a GET
// - signing in or out clears the cached API answers (they belong to one person)

const VERSION = "v1";
const SHELL_CACHE = `junction-shell-${VERSION}`;
const API_CACHE = `junction-api-${VERSION}`;
const APP_SHELL = "/index.html";
// not hashed like /assets/*: kept fresh from the network, from the cache when offline
const SHELL_SCRIPTS = ["/zod-jitless.js"];
const CACHED_API = [
  /^\/api\/me$/,
  /^\/api\/workplans\/[^/]+(\/[^/]+)?$/,
  /^\/api\/networks(\/.*)?$/,
  /^\/api\/locales(\/[^/]+\/messages)?$/,
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      let files = [];
      try {
        const response = await fetch("/precache.json", { cache: "no-store" });
        if (response.ok) files = (await response.json()).files ?? [];
      } catch {
        // a dev server has no manifest: assets are then cached as they are fetched
      }
      await cache.addAll([APP_SHELL, ...SHELL_SCRIPTS, ...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, API_CACHE]);
      for (const name of await caches.keys()) {
        if (name.startsWith("junction-") && !keep.has(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, cacheKey) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    const type = response.headers.get("Content-Type") ?? "";
    // only the app's own page may stand in for every address
    const cacheable = response.ok && (cacheKey !== APP_SHELL || type.includes("text/html"));
    if (cacheable) await cache.put(cacheKey ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(cacheKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    if (url.pathname.startsWith("/api/auth/")) event.waitUntil(caches.delete(API_CACHE));
    return;
  }
  if (url.pathname.startsWith("/sync")) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, SHELL_CACHE, APP_SHELL));
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (SHELL_SCRIPTS.includes(url.pathname)) {
    event.respondWith(networkFirst(request, SHELL_CACHE));
    return;
  }
  if (CACHED_API.some((pattern) => pattern.test(url.pathname))) {
    event.respondWith(networkFirst(request, API_CACHE));
  }
});
