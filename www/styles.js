// The widget's stylesheet, adopted into each shadow root as a constructable stylesheet: no
// <style> element and no style attribute, so it works under `style-src 'self'` without
// 'unsafe-inline'. Sites restyle it with the custom properties on :host and the ::part names.
export const css = String.raw`
:host {
  --nl-font: system-ui, "Noto Sans", "Noto Sans Devanagari", "Noto Naskh Arabic", sans-serif;
  --nl-font-body: Georgia, "Noto Serif", "Noto Serif Devanagari", "Noto Naskh Arabic", serif;
  --nl-font-size: 1.0625rem;
  --nl-small: .8125rem;
  --nl-radius: 8px;
  --nl-bg: #fff;
  --nl-surface: #f5f6f8;
  --nl-text: #1b1d21;
  --nl-muted: #555b65;
  --nl-border: #dcdfe4;
  --nl-accent: #b3261e;
  --nl-focus: #1a5fd0;
  --nl-quote-direct: #fdeeb9;
  --nl-quote-direct-line: #a86a12;
  --nl-quote-partial: #e9eef6;
  --nl-quote-partial-line: #5b6b82;
  --nl-mention: #cfe3ff;
  --nl-person: #2f6fde;
  --nl-country: #0f8a6a;
  --nl-organization: #8b4fd1;
  --nl-place: #c0621a;
  --nl-group: #c2387a;
  display: block;
  container-type: inline-size;
  color: var(--nl-text);
  background: var(--nl-bg);
  font: var(--nl-font-size)/1.55 var(--nl-font);
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme=light])) {
    --nl-bg: #15171b; --nl-surface: #1f2228; --nl-text: #e8eaed; --nl-muted: #a9afb9;
    --nl-border: #3a3f48; --nl-accent: #ff8f85; --nl-focus: #8ab4ff;
    --nl-quote-direct: #4a3a0c; --nl-quote-direct-line: #e8b64c;
    --nl-quote-partial: #26303f; --nl-quote-partial-line: #9fb2cc; --nl-mention: #1d3d66;
    --nl-person: #7aa7ff; --nl-country: #4cc9a4; --nl-organization: #b58cff; --nl-place: #f0a060; --nl-group: #f07fb0;
  }
}
:host([theme=dark]) {
  --nl-bg: #15171b; --nl-surface: #1f2228; --nl-text: #e8eaed; --nl-muted: #a9afb9;
  --nl-border: #3a3f48; --nl-accent: #ff8f85; --nl-focus: #8ab4ff;
  --nl-quote-direct: #4a3a0c; --nl-quote-direct-line: #e8b64c;
  --nl-quote-partial: #26303f; --nl-quote-partial-line: #9fb2cc; --nl-mention: #1d3d66;
  --nl-person: #7aa7ff; --nl-country: #4cc9a4; --nl-organization: #b58cff; --nl-place: #f0a060; --nl-group: #f07fb0;
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.nl { position: relative; display: flex; flex-direction: column; gap: 1.25rem; padding: 1rem; }
.nl > aside { display: contents; }
header { order: 0; }
.actors { order: 1; }
.toolbar { order: 2; }
.main { order: 3; min-width: 0; }
.relations { order: 4; }
.related { order: 5; }
@container (min-width: 52rem) {
  .nl { display: grid; grid-template-columns: minmax(0, 1fr) 18.5rem; grid-template-rows: auto auto auto auto 1fr; column-gap: 2.25rem; row-gap: 1.25rem; align-items: start; padding: 1.5rem; }
  header { grid-column: 1 / -1; }
  .nl > aside { display: flex; flex-direction: column; gap: 1.5rem; grid-column: 2; grid-row: 2 / -1; }
  .toolbar, .main, .related { grid-column: 1; }
}
.nl.side { display: flex; padding: 1rem; }
.side > aside { display: flex; flex-direction: column; gap: 1.25rem; }
.side .cards { grid-template-columns: 1fr; }
button { font: inherit; color: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--nl-focus); outline-offset: 2px; border-radius: 3px; }
h2, h3, p, ul, figure { margin: 0; }
.kicker { color: var(--nl-accent); font-weight: 700; font-size: var(--nl-small); letter-spacing: .06em; text-transform: uppercase; margin-bottom: .35rem; }
.title { font: 700 clamp(1.5rem, 4.2cqi, 2.35rem)/1.25 var(--nl-font-body); text-wrap: balance; }
.standfirst { margin-top: .6rem; color: var(--nl-muted); }
.meta { margin-top: .75rem; padding-top: .6rem; border-top: 1px solid var(--nl-border); color: var(--nl-muted); font-size: var(--nl-small); display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.meta:first-child { border-top: 0; margin-top: 0; padding-top: 0; }
.h { font-size: var(--nl-small); font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--nl-muted); margin-bottom: .6rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; border-bottom: 1px solid var(--nl-border); padding-bottom: .75rem; }
.seg { display: inline-flex; border: 1px solid var(--nl-border); border-radius: 999px; padding: 2px; background: var(--nl-surface); }
.seg button, .btn { border: 0; background: none; padding: .35rem .9rem; border-radius: 999px; font-size: var(--nl-small); min-height: 2.25rem; }
.seg button[aria-pressed=true] { background: var(--nl-text); color: var(--nl-bg); }
.btn { border: 1px solid var(--nl-border); }
.btn:hover, .seg button:hover:not([aria-pressed=true]) { background: var(--nl-surface); }
.grow { flex: 1; }
@container (max-width: 30rem) { .grow { flex-basis: 100%; height: 0; } }
.count { font-variant-numeric: tabular-nums; opacity: .85; margin-inline-start: .3em; }
details, .lead { border-bottom: 1px solid var(--nl-border); padding-bottom: .5rem; content-visibility: auto; contain-intrinsic-size: auto 30rem; overflow-clip-margin: 8px; }
details { margin-top: .25rem; }
summary { list-style: none; display: flex; align-items: baseline; gap: .6rem; padding: .6rem 0; cursor: pointer; font: 700 1.1875rem/1.35 var(--nl-font-body); }
summary::-webkit-details-marker { display: none; }
summary h3 { font: inherit; }
summary::before { content: ""; flex: none; width: .5rem; height: .5rem; border: solid var(--nl-muted); border-width: 0 2px 2px 0; transform: translateY(-.15rem) rotate(-45deg); transition: transform .15s; }
[dir=rtl] summary::before { transform: translateY(-.15rem) rotate(135deg); }
details[open] > summary::before { transform: translateY(-.3rem) rotate(45deg); }
summary:hover { color: var(--nl-accent); }
.hits { margin-inline-start: auto; font: 700 var(--nl-small)/1.6 var(--nl-font); background: var(--nl-mention); border-radius: 999px; padding: 0 .55rem; }
.body p { font: 1.0625em/1.75 var(--nl-font-body); margin: .5rem 0 .9rem; }
.lead > p:first-child { margin-top: 0; }
[lang|=hi] .body p, [lang|=hi] blockquote { font-size: 1.125em; }
.q { border-radius: 3px; padding: .05em .1em; box-decoration-break: clone; -webkit-box-decoration-break: clone; transition: background-color .15s; }
.q-direct { background: var(--nl-quote-direct); box-shadow: inset 0 -2px 0 var(--nl-quote-direct-line); }
.q-partial { background: var(--nl-quote-partial); text-decoration: underline dashed var(--nl-quote-partial-line) 1.5px; text-underline-offset: .25em; }
.q[tabindex] { cursor: help; }
.q.dim { background: none; box-shadow: none; text-decoration: none; }
.chip { display: inline-block; vertical-align: .1em; margin-inline-start: .3em; padding: 0 .55em; border-radius: 999px; font: 700 var(--nl-small)/1.6 var(--nl-font); background: var(--nl-surface); border: 1px solid var(--nl-border); white-space: nowrap; cursor: pointer; max-width: 14em; overflow: hidden; text-overflow: ellipsis; }
.chip::before { content: "\201C"; color: var(--nl-quote-direct-line); margin-inline-end: .25em; }
.chip.unknown { font-weight: 400; font-style: italic; color: var(--nl-muted); cursor: default; }
.m { border-radius: 2px; cursor: pointer; }
.m:hover { background: var(--nl-mention); }
.title .q, summary .q { background: none; }
.m.on { background: var(--nl-mention); box-shadow: 0 0 0 1px var(--nl-focus); color: var(--nl-text); }
.plain p { white-space: pre-wrap; margin: 0 0 .8rem; font-family: var(--nl-font-body); }
.preview { visibility: hidden; height: 0; overflow: hidden; padding-block: 0; }
.notice { padding: .75rem 1rem; border-radius: var(--nl-radius); background: var(--nl-surface); border-inline-start: 4px solid var(--nl-accent); }
.status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.cards { list-style: none; padding: 0; display: grid; gap: .5rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
.actor { width: 100%; text-align: start; display: grid; grid-template-columns: 1fr auto; gap: .15rem .5rem; padding: .6rem .75rem; border: 1px solid var(--nl-border); border-radius: var(--nl-radius); background: var(--nl-bg); }
.actor:hover { border-color: var(--nl-muted); }
.actor[aria-pressed=true] { border-color: var(--nl-focus); box-shadow: 0 0 0 1px var(--nl-focus); background: var(--nl-surface); }
.name { font-weight: 700; overflow-wrap: anywhere; }
.canon { grid-column: 1; font-size: var(--nl-small); color: var(--nl-muted); }
.kind { grid-column: 2; grid-row: 1; align-self: start; font-size: var(--nl-small); font-weight: 700; line-height: 1.4; padding: 0 .45rem; border-radius: 999px; border: 1px solid var(--nl-border); white-space: nowrap; }
.kind::before { content: ""; display: inline-block; width: .5rem; height: .5rem; border-radius: 50%; background: var(--c); margin-inline-end: .3rem; }
.stats { grid-column: 1 / -1; display: flex; align-items: center; gap: .5rem; font-size: var(--nl-small); color: var(--nl-muted); }
.bar { flex: 1; height: .375rem; border-radius: 999px; background: var(--nl-border); overflow: hidden; min-width: 3rem; }
.bar > span { display: block; height: 100%; width: var(--w); background: var(--c); border-radius: inherit; }
.person { --c: var(--nl-person); } .country { --c: var(--nl-country); } .organization { --c: var(--nl-organization); } .place { --c: var(--nl-place); } .group { --c: var(--nl-group); }
.more { margin-top: .5rem; }
@container (min-width: 40rem) { .more.few { display: none; } }
@container (max-width: 40rem) {
  .cards { grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); }
  .cards:not(.all) > li:nth-child(n+5) { display: none; }
  .actor { grid-template-columns: 1fr; padding: .5rem .6rem; }
  .actor .kind { grid-row: auto; grid-column: 1; justify-self: start; }
  .stats { flex-wrap: wrap; gap: .15rem .5rem; }
  .actor .bar { order: 3; flex-basis: 100%; }
}
.card { position: absolute; z-index: 5; width: min(19rem, calc(100% - 2rem)); padding: .7rem .85rem; border-radius: var(--nl-radius); background: var(--nl-bg); border: 1px solid var(--nl-border); box-shadow: 0 8px 24px rgb(0 0 0 / .18); display: grid; grid-template-columns: 1fr auto; gap: .15rem .5rem; pointer-events: none; }
.card[hidden] { display: none; }
.card .said { grid-column: 1 / -1; font-size: var(--nl-small); color: var(--nl-muted); }
.card .kind { grid-row: 2; }
svg { display: block; width: 100%; height: auto; direction: ltr; }
svg line { stroke: var(--nl-muted); stroke-linecap: round; opacity: .55; }
svg circle { fill: var(--c); stroke: var(--nl-bg); stroke-width: 2; }
svg text { fill: var(--nl-text); font: var(--nl-small) var(--nl-font); }
svg .off { opacity: .15; }
svg line.hot { stroke: var(--nl-focus); opacity: .9; }
.group-q { margin-bottom: 1.25rem; }
.group-q h3 { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; font-size: 1rem; margin-bottom: .4rem; }
.qlist { list-style: none; padding: 0; display: grid; gap: .6rem; }
.qlist li { border-inline-start: 3px solid var(--nl-quote-direct-line); padding: .25rem .9rem; }
.qlist li.partial { border-inline-start-style: dashed; border-color: var(--nl-quote-partial-line); }
blockquote { margin: 0 0 .25rem; font: 1.0625em/1.65 var(--nl-font-body); }
.link { border: 0; background: none; padding: .2rem 0; color: var(--nl-focus); text-decoration: underline; font-size: var(--nl-small); }
.related ul { padding-inline-start: 1.1rem; margin: 0; display: grid; gap: .35rem; }
.related li { font-family: var(--nl-font-body); }
.related li::marker { color: var(--nl-accent); }
.empty { color: var(--nl-muted); font-style: italic; }
svg g { cursor: pointer; }
@media print { .toolbar, .card, aside, .chip { display: none; } .nl { display: block; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
@media (forced-colors: active) { .q, .m.on { border: 1px solid CanvasText; } .bar > span { background: CanvasText; } }
`;
