// The browser benchmark page (bench/browser.html): init of the wasm (fetch + compile +
// instantiate), parse time after warm-up, and the <news-lens> widget's first render after init.
// With `?idle=1`, only init and the first parse after the browser's next idle moments; with
// `?cold=1`, only init and the widget's first render right after it (first parse included).
// Writes its figures to window.benchResult; bench/browser.mjs runs it in headless Chromium.
const params = new URLSearchParams(location.search);
const RUNS = Number(params.get("runs") || 200);
/** Parses of each text before timing, and parses per timed batch. */
const WARM_UP = Math.min(300, RUNS);
const BATCH = 5;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];

/** Resolves when `lens`'s shadow root shows an Article (the widget builds it in a microtask). */
function rendered(lens) {
  return new Promise((resolve) => {
    const done = () => lens.shadowRoot?.querySelector(".main");
    if (done()) return resolve();
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(lens.shadowRoot, { childList: true, subtree: true });
  });
}

/** Renders `text` in a new <news-lens>: time to the DOM built, to style and layout, to the next frame. */
async function render(text) {
  const lens = document.createElement("news-lens");
  const start = performance.now();
  lens.text = text;
  document.body.append(lens);
  await rendered(lens);
  const built = performance.now() - start;
  lens.getBoundingClientRect(); // style and layout
  lens.shadowRoot.querySelector(".main").offsetHeight;
  const laidOut = performance.now() - start;
  await new Promise(requestAnimationFrame);
  const frame = performance.now() - start;
  const parse = lens.parseTime;
  lens.remove();
  return { built, laidOut, frame, parse };
}

async function run() {
  const texts = {
    hi: await (await fetch("../samples/sample-hi-russia-north-korea.txt")).text(),
    en: await (await fetch("en-harbour-strike.txt")).text(),
  };
  const result = {};

  let t = performance.now();
  const { init, parse } = await import("../js/index.js");
  result.importGlueMs = performance.now() - t;
  // fetch + WebAssembly.instantiateStreaming (compile + instantiate): in cold mode the module
  // the widget loads (without the HTML reader), else the one init() loads by default.
  const cold = params.get("cold") === "1";
  // In cold mode the widget is there before the wasm, as on a page that loads the widget and
  // waits for its wasm: importing it after init would leave an idle moment in which init's
  // warm-up parse (js/index.js) builds the tables and compiles the code first.
  if (cold) await import("../www/widget.min.js");
  t = performance.now();
  await init(cold ? new URL("../dist/newslens_text_bg.wasm", import.meta.url) : undefined);
  result.initMs = performance.now() - t;
  if (cold) {
    // A page that shows the article as soon as the wasm is ready: the widget's first render
    // includes the first parse, which builds the tables and runs code the engine has not
    // optimised yet.
    result.widgetCold = await render(texts.hi);
    return result;
  }
  if (params.get("idle") === "1") {
    // A page that parses a moment after init (an article fetched, a click): init's warm-up
    // runs in the first idle time (see js/index.js).
    await new Promise((resolve) => requestIdleCallback(resolve));
    await new Promise((resolve) => requestIdleCallback(resolve));
    t = performance.now();
    parse(texts.hi);
    result.firstParseMs = performance.now() - t;
    return result;
  }
  t = performance.now();
  parse(texts.hi);
  result.firstParseMs = performance.now() - t;

  // Warm-up: both texts until V8 has moved the code a parse runs to its optimising tier (in
  // the background, from the calls counted in the foreground: 20 parses left the sample's
  // median about 1.5x its steady value), then a pause for the last optimised code to arrive.
  result.parse = {};
  for (let i = 0; i < WARM_UP; i++) for (const text of Object.values(texts)) parse(text);
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const [lang, text] of Object.entries(texts)) {
    // Timed in batches: without cross-origin isolation the page's clock has 0.1 ms steps.
    const times = [];
    for (let i = 0; i < RUNS / BATCH; i++) {
      const s = performance.now();
      for (let j = 0; j < BATCH; j++) parse(text);
      times.push((performance.now() - s) / BATCH);
    }
    result.parse[lang] = { median: median(times), p90: p90(times), runs: RUNS, bytes: new TextEncoder().encode(text).length };
  }

  // The widget as a site loads it (www/widget.min.js, scripts/build.sh): first render after init
  // (module already imported and the wasm ready), then the same again on fresh elements for a
  // steady figure.
  t = performance.now();
  await import("../www/widget.min.js");
  result.importWidgetMs = performance.now() - t;
  result.widgetFirst = await render(texts.hi);
  const again = [];
  for (let i = 0; i < 20; i++) again.push(await render(texts.hi));
  result.widgetAgain = {
    built: median(again.map((r) => r.built)),
    laidOut: median(again.map((r) => r.laidOut)),
    frame: median(again.map((r) => r.frame)),
    parse: median(again.map((r) => r.parse)),
  };
  return result;
}

run().then(
  (result) => {
    window.benchResult = result;
    document.getElementById("out").textContent = JSON.stringify(result, null, 2);
  },
  (error) => {
    window.benchResult = { error: String(error?.stack || error) };
    document.getElementById("out").textContent = String(error?.stack || error);
  },
);
