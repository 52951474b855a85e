// Editor benchmark: the workplan editor in Chromium with a small plan and a network-sized one,
// side by side in one run, all plans open at once and taking turns (see measureAll). Typing is measured with the browser's Event Timing API (key to next
// paint); inserting an activity from the toolbar button until the new card is painted. Prints
// p50/p95 for each size, the ratio of the large plan to the small one, and the DOM size. The CPU
// time of the pages' main threads per insert and per typed key, until the page is idle again, is
// printed too: it leaves out the time spent waiting for a core, so it moves less than durations
// when other work shares the machine.
// Usage: pnpm bench:editor   (builds nothing: run `pnpm --filter @junction/web build` first)
// EDITOR_BENCH_SIZES=10,300  sizes to compare (the first is the baseline of the ratio)
// EDITOR_BENCH_INSERTS=9     activities inserted per size (median and p95 reported)
// EDITOR_BENCH_WEB_DIR=<dir> measures another build of the web app (e.g. one from main)
// EDITOR_BENCH_PROFILE=<dir> writes a CPU profile of each phase there (open in Chromium DevTools)
// EDITOR_BENCH_TRACE=<dir>   writes a performance trace of each phase there (style, layout, paint
//                            too; open in DevTools' Performance panel)
// EDITOR_BENCH_SCREENSHOTS=<dir> saves the largest plan, collapsed and expanded, at 1280 and 390 px
// EDITOR_BENCH_CARET=end     types with the caret's line at the bottom edge of the window
//                            (default: centred; see the README's editor bench)
// EDITOR_BENCH_HEADED=0|1    headless or headed; headed by default when DISPLAY is set, e.g.
//                            `xvfb-run -a pnpm bench:editor`: frames are drawn as on a display
// CHROMIUM_PATH=<path>       the browser (default /usr/bin/chromium)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Activity, ActivityStatus, OrganisationView } from "@junction/domain";
import { appendNarrative, type NarrativeBlock, readActivities } from "@junction/domain/doc";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { delay, startServer } from "../server-process";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SERVER_DIR = join(ROOT, "apps/server");
const WEB_DIR = resolve(process.env.EDITOR_BENCH_WEB_DIR ?? join(ROOT, "apps/web/dist"));
const SIZES = (process.env.EDITOR_BENCH_SIZES ?? "10,300").split(",").map(Number);
const COORDINATOR = "tamar.kapanadze@example.org";
const PASSWORD = "junction-demo";
const TYPED = "Partners meet monthly to review progress and adjust the plan";
const INSERTS = Number(process.env.EDITOR_BENCH_INSERTS ?? 9);
const PROFILE_DIR = process.env.EDITOR_BENCH_PROFILE;
const TRACE_DIR = process.env.EDITOR_BENCH_TRACE;
const SCREENSHOT_DIR = process.env.EDITOR_BENCH_SCREENSHOTS;
const CARET_BLOCK: ScrollLogicalPosition =
  process.env.EDITOR_BENCH_CARET === "end" ? "end" : "center";
const HEADED = (process.env.EDITOR_BENCH_HEADED ?? (process.env.DISPLAY ? "1" : "0")) === "1";

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

type Api = { url: string; cookie: string; token: string };

async function signIn(url: string, email: string): Promise<Api> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const created = await fetch(`${url}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, cookie },
    body: JSON.stringify({ name: "editor bench" }),
  });
  const { token } = (await created.json()) as { token: string };
  return { url, cookie, token };
}

async function call<T>(api: Api, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

// a small seeded generator, so every run plans the same network
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const VERBS = ["Train", "Support", "Map", "Strengthen", "Assess", "Pilot", "Coordinate", "Fund"];
const SUBJECTS = [
  "border officials on victim identification",
  "municipal migrant service centres",
  "return and reintegration counselling",
  "labour migration pathways for young people",
  "data collection on internal displacement",
  "legal aid for asylum seekers",
  "school enrolment of migrant children",
  "diaspora investment in rural regions",
  "health screening at reception centres",
  "awareness of safe migration routes",
];
const PLACES = ["Tbilisi", "Kutaisi", "Batumi", "Rustavi", "Gori", "Zugdidi", "Telavi", "Poti"];
const GROUPS = ["Returning migrants", "Victims of trafficking", "Officials", "Youth", "Women"];
const STATUSES: readonly ActivityStatus[] = ["planned", "ongoing", "completed", "planned"];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function generate(count: number, organisations: readonly OrganisationView[]): NarrativeBlock[] {
  const next = random(count);
  const blocks: NarrativeBlock[] = [
    { kind: "heading", level: 1, text: `A workplan of ${count} activities` },
    { kind: "paragraph", text: "Context, priorities and expected results of the network." },
  ];
  for (let i = 0; i < count; i++) {
    if (i % 25 === 0) blocks.push({ kind: "heading", level: 2, text: `Outcome ${i / 25 + 1}` });
    const lead = pick(next, organisations).id;
    const start = 1 + Math.floor(next() * 12);
    const activity: Activity = {
      id: `B${i + 1}`,
      title: `${pick(next, VERBS)} ${pick(next, SUBJECTS)} in ${pick(next, PLACES)} (${i + 1})`,
      description: `${pick(next, VERBS)} ${pick(next, SUBJECTS)}, with the partners named below.\nResults are reported to the network every quarter.`,
      lead,
      partners: [pick(next, organisations).id, pick(next, organisations).id].filter(
        (id, index, all) => id !== lead && all.indexOf(id) === index,
      ),
      gcmObjectives: [1 + Math.floor(next() * 23)],
      principles: ["people-centred"],
      sdgTargets: ["10.7"],
      locations: [pick(next, PLACES)],
      targetGroups: [pick(next, GROUPS)],
      start: `2027-${String(start).padStart(2, "0")}`,
      end: "2028-12",
      budget: {
        amount: 10_000 * (1 + Math.floor(next() * 50)),
        currency: "USD",
        source: "Core funds",
        secured: next() > 0.5,
      },
      status: pick(next, STATUSES),
      indicators: [
        { name: "People reached", baseline: "0", target: "500", meansOfVerification: "Reports" },
      ],
    };
    blocks.push({ kind: "activity", activity });
  }
  return blocks;
}

/** Creates a workplan and writes its document through the sync endpoint, as an editor would. */
async function createPlan(
  api: Api,
  networkId: string,
  count: number,
  organisations: readonly OrganisationView[],
): Promise<string> {
  const workplan = await call<{ id: string }>(api, "POST", `/api/networks/${networkId}/workplans`, {
    title: `Bench plan of ${count}`,
  });
  const write = async (ydoc: Y.Doc, change: (doc: Y.Doc) => void): Promise<void> => {
    const provider = new WebsocketProvider(
      `${api.url.replace("http", "ws")}/sync`,
      workplan.id,
      ydoc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: api.token },
      },
    );
    await until(() => provider.synced, "the first sync");
    change(ydoc);
    // a second client reading the plan back proves the server stored it
    const check = new Y.Doc();
    const reader = new WebsocketProvider(
      `${api.url.replace("http", "ws")}/sync`,
      workplan.id,
      check,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token: api.token },
      },
    );
    await until(() => readActivities(check).length >= count, "the plan to reach the server");
    reader.destroy();
    provider.destroy();
    // a document's awareness keeps a timer until the document is destroyed
    check.destroy();
    ydoc.destroy();
  };
  await write(new Y.Doc(), (doc) => appendNarrative(doc, generate(count, organisations)));
  // the server indexes the plan and raises warnings in the background: let it finish first
  await until(async () => {
    const path = `/api/workplans/${workplan.id}/activities?limit=500`;
    return (await call<unknown[]>(api, "GET", path)).length >= count;
  }, "the server to index the plan");
  progress(`plan of ${count} activities written`);
  return workplan.id;
}

/**
 * Waits until the engine has raised the plan's warnings: the cards render them, so a plan
 * measured before they arrive would be lighter than the one people open.
 */
async function settleWarnings(api: Api, workplanId: string): Promise<void> {
  let last = -1;
  let steady = 0;
  await until(async () => {
    const count = (await call<unknown[]>(api, "GET", `/api/workplans/${workplanId}/warnings`))
      .length;
    steady = count === last ? steady + 1 : 0;
    last = count;
    if (steady < 3) await delay(1000);
    return steady >= 3;
  }, "the plan's warnings to settle");
}

/**
 * Asks the server for /health every 100 ms until stopped: how long it took to answer shows how
 * long the server's event loop was busy (re-indexing, re-checking duplicates) meanwhile.
 */
function probeServer(url: string): { stop: () => Promise<number[]> } {
  const answers: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${url}/health`);
      answers.push(performance.now() - started);
      await delay(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return answers;
    },
  };
}

/** Waits for the server to answer quickly: re-indexing a plan after inserts must not overlap. */
async function serverIdle(url: string): Promise<void> {
  await until(async () => {
    const started = performance.now();
    await fetch(`${url}/health`);
    return performance.now() - started < 50;
  }, "the server to be idle");
}

// Event Timing entries; TypeScript's DOM types lack interactionId
type EventEntry = PerformanceEntry & { interactionId?: number };

type Measure = {
  size: number;
  typing: number[];
  inserts: number[];
  /** /health answer times while this size typed and inserted. */
  health: number[];
  /** Main-thread CPU time per insert, and per typed key, until the page was idle. */
  insertCpu: number[];
  typingCpu: number[];
  domNodes: number;
  selects: number;
  options: number;
  openMs: number;
};

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/**
 * CPU time the pages' main threads (each renderer process's first thread) have used so far, in
 * ms: from /proc in nanoseconds, where the machine has it, else the browser's count of the
 * renderers' whole processes (10 ms steps). Time spent waiting for a core does not count.
 */
async function mainThreadCpuMs(session: CDPSession): Promise<number> {
  const { processInfo } = (await session.send("SystemInfo.getProcessInfo")) as {
    processInfo: { id: number; type: string; cpuTime: number }[];
  };
  let total = 0;
  for (const { id, type, cpuTime } of processInfo) {
    if (type !== "renderer") continue;
    try {
      total += Number(readFileSync(`/proc/${id}/task/${id}/schedstat`, "utf8").split(" ")[0]) / 1e6;
    } catch {
      total += cpuTime * 1000;
    }
  }
  return total;
}

/**
 * Runs `phase`, recording a CPU profile of the page into EDITOR_BENCH_PROFILE and a performance
 * trace into EDITOR_BENCH_TRACE when they are set.
 */
async function profiled<T>(page: Page, name: string, phase: () => Promise<T>): Promise<T> {
  if (TRACE_DIR) return traced(page, name, phase);
  if (!PROFILE_DIR) return phase();
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.start");
  const result = await phase();
  const { profile } = await session.send("Profiler.stop");
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  await session.detach();
  return result;
}

const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-devtools.timeline.frame",
  "v8.execute",
  "blink.user_timing",
];

async function traced<T>(page: Page, name: string, phase: () => Promise<T>): Promise<T> {
  if (!TRACE_DIR) return phase();
  const session = await page.context().newCDPSession(page);
  const events: unknown[] = [];
  session.on("Tracing.dataCollected", ({ value }) => {
    events.push(...value);
  });
  const complete = new Promise<void>((done) =>
    session.once("Tracing.tracingComplete", () => done()),
  );
  await session.send("Tracing.start", {
    traceConfig: { includedCategories: TRACE_CATEGORIES },
    transferMode: "ReportEvents",
  });
  const result = await phase();
  await session.send("Tracing.end");
  await complete;
  mkdirSync(TRACE_DIR, { recursive: true });
  writeFileSync(join(TRACE_DIR, `${name}.json`), JSON.stringify({ traceEvents: events }));
  await session.detach();
  return result;
}

async function idle(page: Page): Promise<void> {
  // three idle callbacks in a row: the page has nothing left to do from the last change
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 5000 }));
    }
  });
}

type Opened = {
  size: number;
  page: Page;
  openMs: number;
  dom: Omit<
    Measure,
    "size" | "typing" | "inserts" | "health" | "openMs" | "insertCpu" | "typingCpu"
  >;
};

/** Opens a plan in its own browser context and waits until every card is on the page. */
async function open(
  browser: Browser,
  url: string,
  workplanId: string,
  size: number,
): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const login = await context.request.post(`${url}/api/auth/login`, {
    data: { email: COORDINATOR, password: PASSWORD },
    headers: { Origin: url },
  });
  if (!login.ok()) throw new Error("browser sign-in failed");
  // tsx names functions with an __name helper the page lacks; functions sent to evaluate use it
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  const page = await context.newPage();
  const opened = performance.now();
  await page.goto(`${url}/workplans/${workplanId}`);
  await page.locator(".connection", { hasText: "Connected · saved" }).waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    (n) => document.querySelectorAll(".editor-document [data-activity-id]").length >= n,
    size,
    { timeout: 120_000 },
  );
  const openMs = performance.now() - opened;
  await idle(page);
  if (SCREENSHOT_DIR && size === Math.max(...SIZES)) await screenshots(page, size);
  const dom = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName("*").length,
    selects: document.getElementsByTagName("select").length,
    options: document.getElementsByTagName("option").length,
  }));
  // the caret goes at the end of the description of the activity in the middle of the plan, in
  // the middle of the screen as where someone reads what they type: placed by
  // scrollIntoViewIfNeeded it landed at the bottom edge in some runs (the cards above keep an
  // estimated height until drawn), and keys typed there wait up to 2 s for their paint while the
  // page is idle, in the 300-activity plan alone (see the README's editor bench)
  const middle = page.locator(".editor-document [data-activity-id]").nth(Math.floor(size / 2));
  const paragraph = middle.locator(".activity-description p").first();
  for (let i = 0; i < 3; i++) {
    await paragraph.evaluate((element, block) => element.scrollIntoView({ block }), CARET_BLOCK);
    await idle(page);
  }
  await paragraph.click();
  await page.keyboard.press("End");
  await idle(page);
  await page.evaluate(() => {
    const store: EventEntry[] = [];
    (window as unknown as { benchEvents: EventEntry[] }).benchEvents = store;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) store.push(entry as EventEntry);
    }).observe({ type: "event", durationThreshold: 16 } as PerformanceObserverInit);
  });
  return { size, page, openMs, dom };
}

/** Key-to-paint durations of the interactions typed so far (under 16 ms counts as 16). */
async function typingDurations(page: Page, keys: number): Promise<number[]> {
  return page.evaluate((count) => {
    const entries = (window as unknown as { benchEvents: EventEntry[] }).benchEvents;
    const byInteraction = new Map<number, number>();
    for (const entry of entries) {
      const interaction = entry.interactionId ?? 0;
      if (interaction === 0) continue;
      byInteraction.set(interaction, Math.max(byInteraction.get(interaction) ?? 0, entry.duration));
    }
    const slow = [...byInteraction.values()];
    // Event Timing reports only interactions of 16 ms or more: the others count as 16 ms
    return [...slow, ...Array.from({ length: Math.max(0, count - slow.length) }, () => 16)];
  }, keys);
}

/** Inserts an activity after the one holding the caret, from the toolbar, until it is painted. */
async function insertOnce(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const root = document.querySelector(".editor-document");
    const button = [...document.querySelectorAll<HTMLButtonElement>(".tool-insert")][0];
    if (!root || !button) throw new Error("no document or no insert button");
    // told when a card is added, rather than counting the cards each frame: counting costs more
    // the bigger the plan, and would be measured with the insert
    let added = false;
    const isCard = (node: Node) =>
      node instanceof Element &&
      (node.matches("[data-activity-id]") || node.querySelector("[data-activity-id]") !== null);
    const observer = new MutationObserver((records) => {
      if (records.some((record) => [...record.addedNodes].some(isCard))) added = true;
    });
    observer.observe(root, { childList: true, subtree: true });
    const started = performance.now();
    button.click();
    while (!added) await new Promise((done) => requestAnimationFrame(done));
    observer.disconnect();
    await new Promise((done) => requestAnimationFrame(done));
    await new Promise((done) => setTimeout(done, 0));
    return performance.now() - started;
  });
}

/**
 * Measures every size under the same conditions: all plans are open at once and the sizes take
 * turns, each after the server and every page are idle, the order swapped each round, so load
 * from elsewhere on the machine falls on both alike.
 */
async function measureAll(
  browser: Browser,
  url: string,
  plans: Map<number, string>,
): Promise<Measure[]> {
  const system = await browser.newBrowserCDPSession();
  const pages: Opened[] = [];
  for (const size of SIZES) {
    await serverIdle(url);
    pages.push(await open(browser, url, plans.get(size) ?? "", size));
  }
  const settle = async () => {
    await serverIdle(url);
    for (const { page } of pages) await idle(page);
  };
  const turns = (round: number) => (round % 2 === 0 ? pages : [...pages].reverse());
  const health = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  const typingCpu = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  const insertCpu = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  const text = ` ${TYPED}`;
  const chunks = text.match(/.{1,16}/g) ?? [text];
  for (const [round, chunk] of chunks.entries()) {
    for (const { page, size } of turns(round)) {
      await settle();
      const probe = probeServer(url);
      const cpu = await mainThreadCpuMs(system);
      await profiled(page, `typing-${size}-${round + 1}`, async () => {
        await page.keyboard.type(chunk, { delay: 40 });
        await idle(page);
      });
      typingCpu.get(size)?.push((await mainThreadCpuMs(system)) - cpu);
      health.get(size)?.push(...(await probe.stop()));
    }
  }
  await delay(300);
  const typing = new Map<number, number[]>();
  for (const { page, size } of pages) typing.set(size, await typingDurations(page, text.length));
  const inserts = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  for (let round = 0; round < INSERTS; round++) {
    for (const { page, size } of turns(round)) {
      await settle();
      const cpu = await mainThreadCpuMs(system);
      inserts
        .get(size)
        ?.push(await profiled(page, `insert-${size}-${round + 1}`, () => insertOnce(page)));
      await idle(page);
      insertCpu.get(size)?.push((await mainThreadCpuMs(system)) - cpu);
    }
  }
  for (const { page } of pages) await page.context().close();
  await system.detach();
  return pages.map(({ size, openMs, dom }) => ({
    size,
    typing: typing.get(size) ?? [],
    inserts: inserts.get(size) ?? [],
    health: health.get(size) ?? [],
    insertCpu: insertCpu.get(size) ?? [],
    // per key: each chunk typed its share of the text
    typingCpu: (typingCpu.get(size) ?? []).map((ms, i) => ms / (chunks[i]?.length ?? 1)),
    openMs,
    ...dom,
  }));
}

/** The plan as people see it: collapsed, then with the middle card expanded, wide and narrow. */
async function screenshots(page: Page, size: number): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const middle = page.locator(".editor-document [data-activity-id]").nth(Math.floor(size / 2));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await idle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `plan-${size}-${width}-top.png`) });
    await middle.scrollIntoViewIfNeeded();
    await idle(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `plan-${size}-${width}-collapsed.png`) });
    const toggle = middle.locator(".activity-toggle");
    if ((await toggle.count()) > 0) {
      await toggle.click();
      await middle.scrollIntoViewIfNeeded();
      await idle(page);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `plan-${size}-${width}-expanded.png`) });
      await toggle.click();
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

function row(cells: readonly (string | number)[]): string {
  const format = (c: number) => (Number.isInteger(c) || c >= 100 ? c.toFixed(0) : c.toFixed(1));
  return `| ${cells.map((c) => (typeof c === "number" ? format(c) : c)).join(" | ")} |`;
}

async function main(): Promise<void> {
  if (!existsSync(join(WEB_DIR, "index.html"))) {
    throw new Error(`no web build in ${WEB_DIR}: run pnpm --filter @junction/web build first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), "junction-editor-bench-"));
  const { url, child } = await startServer(SERVER_DIR, dataDir, {
    env: { JUNCTION_WEB_DIR: WEB_DIR },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: !HEADED,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const api = await signIn(url, COORDINATOR);
    const [network] = await call<{ id: string }[]>(api, "GET", "/api/networks");
    if (!network) throw new Error("the demo network is missing");
    const organisations = await call<OrganisationView[]>(
      api,
      "GET",
      `/api/networks/${network.id}/organisations`,
    );
    const plans = new Map<number, string>();
    for (const size of SIZES)
      plans.set(size, await createPlan(api, network.id, size, organisations));
    // each plan raises warnings on the others too: settle them all once every plan is written
    for (const workplanId of plans.values()) await settleWarnings(api, workplanId);
    const results = await measureAll(browser, url, plans);

    const base = results[0];
    if (!base) return;
    const lines = [
      `Editor in Chromium, web build ${WEB_DIR === join(ROOT, "apps/web/dist") ? "apps/web/dist" : WEB_DIR}`,
      `typing: ${TYPED.length + 1} keys into an activity's description, Event Timing key to next paint (under 16 ms counts as 16)`,
      `insert: toolbar "Activity" button until the new card is painted, ${INSERTS} times`,
      "CPU: the pages' main-thread CPU time per insert and per typed key, until the page was idle",
      "server /health: the longest answer while that size typed, inserted and the server caught up",
      "sizes take turns (typing in chunks, inserts one by one), each after the server and pages are idle",
      "",
      row([
        "activities",
        "typing p50 ms",
        "typing p95 ms",
        "insert p50 ms",
        "insert p95 ms",
        "CPU/insert p50 ms",
        "CPU/key p50 ms",
        "DOM nodes",
        "server /health max ms",
        "<select>",
        "<option>",
        "open s",
      ]),
      row(["---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---", "---"]),
      ...results.map((r) =>
        row([
          r.size,
          percentile(r.typing, 50),
          percentile(r.typing, 95),
          percentile(r.inserts, 50),
          percentile(r.inserts, 95),
          percentile(r.insertCpu, 50),
          percentile(r.typingCpu, 50),
          r.domNodes,
          Math.max(...r.health),
          r.selects,
          r.options,
          r.openMs / 1000,
        ]),
      ),
      "",
      ...results
        .slice(1)
        .map(
          (r) =>
            `ratio ${r.size}/${base.size}: typing p95 ${(percentile(r.typing, 95) / percentile(base.typing, 95)).toFixed(2)}x, insert p50 ${(percentile(r.inserts, 50) / percentile(base.inserts, 50)).toFixed(2)}x, insert p95 ${(percentile(r.inserts, 95) / percentile(base.inserts, 95)).toFixed(2)}x, CPU/insert ${(percentile(r.insertCpu, 50) / percentile(base.insertCpu, 50)).toFixed(2)}x, CPU/key ${(percentile(r.typingCpu, 50) / percentile(base.typingCpu, 50)).toFixed(2)}x, DOM ${(r.domNodes / base.domNodes).toFixed(2)}x`,
        ),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await browser.close();
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
