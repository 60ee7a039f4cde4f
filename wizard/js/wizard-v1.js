/*! lu-integration-wizard v1.1.0 | embed API 1.1 | no dependencies */
// One file: the engine (pure functions, also run by Node in the tests) and the
// <lu-integration-wizard> custom element (defined only where customElements exists).
// The engine mirrors wizard/engine.py; see its docstring for the rule language.

const SKIPPED = { skipped: true };
const CMP = ["eq", "ne", "lt", "le", "gt", "ge", "in"];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^\d{1,12}$/;
const MAX_STATE = 2000;
const own = (obj, key) => obj != null && Object.prototype.hasOwnProperty.call(obj, key);

function isoValid(text) {
  if (typeof text !== "string" || !ISO.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) && y >= 1;
}
function daysIn(y, m) {
  return [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}
const pad = (n, w) => String(n).padStart(w, "0");
function addMonths(iso, months) {
  const [y, m, d] = iso.split("-").map(Number);
  const index = y * 12 + m - 1 + months;
  const year = Math.floor(index / 12), month = index - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysIn(year, month)), 2)}`;
}

function ref(value, ctx) {
  if (typeof value !== "string" || value.indexOf(":") < 0) return value;
  const i = value.indexOf(":"), kind = value.slice(0, i), name = value.slice(i + 1);
  if (kind === "fact") { if (!own(ctx.facts, name)) throw new Error("unknown fact " + name); return ctx.facts[name]; }
  if (kind === "param") { if (!own(ctx.params, name)) throw new Error("unknown parameter " + name); return ctx.params[name]; }
  if (kind === "answer") return own(ctx.status, name) ? ctx.status[name] : null;
  return value;
}

function compute(expr, ctx) {
  if (expr === null || typeof expr !== "object" || Array.isArray(expr)) {
    const v = ref(expr, ctx);
    return v === SKIPPED || v === undefined ? null : v;
  }
  const op = expr.op;
  if (op === "add_years" || op === "add_months") {
    const date = compute(expr.date, ctx), n = compute(op === "add_years" ? expr.years : expr.months, ctx);
    if (date === null || n === null) return null;
    return addMonths(date, op === "add_years" ? n * 12 : n);
  }
  if (op === "sum" || op === "mul" || op === "min" || op === "max") {
    const args = expr.args.map((a) => compute(a, ctx));
    if (args.some((a) => a === null)) return null;
    if (op === "sum") return args.reduce((a, b) => a + b, 0);
    if (op === "mul") return args.reduce((a, b) => a * b, 1);
    return op === "min" ? Math.min(...args) : Math.max(...args);
  }
  if (op === "pick") {
    const key = compute(expr.key, ctx);
    if (key === null) return null;
    if (!own(expr.map, key)) throw new Error("pick has no entry for " + key);
    return compute(expr.map[key], ctx);
  }
  throw new Error("unknown operation " + op);
}

function compare(left, op, right) {
  if (op === "eq") return left === right;
  if (op === "ne") return left !== right;
  if (op === "in") return Array.isArray(right) && right.includes(left);
  if (typeof left !== typeof right) throw new Error("cannot compare");
  return op === "lt" ? left < right : op === "le" ? left <= right : op === "gt" ? left > right : left >= right;
}

function answersIn(node, out = new Set()) {
  if (typeof node === "string" && node.startsWith("answer:")) out.add(node.slice(7));
  else if (Array.isArray(node)) node.forEach((n) => answersIn(n, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "answer" && typeof v === "string") out.add(v); else answersIn(v, out);
    }
  }
  return out;
}

function check(cond, ctx) {
  if (own(cond, "all") || own(cond, "any")) {
    const isAll = own(cond, "all");
    const results = (isAll ? cond.all : cond.any).map((c) => check(c, ctx));
    const decisive = !isAll;
    if (results.includes(decisive)) return decisive;
    return results.includes(null) ? null : !decisive;
  }
  if (own(cond, "not")) { const r = check(cond.not, ctx); return r === null ? null : !r; }
  const ops = CMP.filter((k) => own(cond, k));
  if (ops.length !== 1) throw new Error("bad condition");
  const op = ops[0];
  let left;
  if (own(cond, "answer")) {
    left = own(ctx.status, cond.answer) ? ctx.status[cond.answer] : null;
    if (left === null) return null;
    if (left === SKIPPED) return false;
  } else {
    left = compute(cond.value, ctx);
    if (left === null) return [...answersIn(cond.value)].some((n) => ctx.status[n] === SKIPPED) ? false : null;
  }
  const right = compute(cond[op], ctx);
  return right === null ? null : compare(left, op, right);
}

function parseAnswer(q, raw, ctx) {
  if (typeof raw === "number" && Number.isInteger(raw)) raw = String(raw);
  if (typeof raw !== "string") raw = "";
  if (q.type === "choice" || q.type === "yesno") {
    const allowed = q.type === "choice" ? q.options : ["yes", "no"];
    if (!allowed.includes(raw)) throw new Error("choose");
    return raw;
  }
  let value;
  if (q.type === "number") {
    if (!DIGITS.test(raw)) throw new Error("number");
    value = Number(raw);
  } else {
    if (!isoValid(raw)) throw new Error("date");
    value = raw;
  }
  const low = compute(own(q, "min") ? q.min : null, ctx), high = compute(own(q, "max") ? q.max : null, ctx);
  if ((low !== null && value < low) || (high !== null && value > high)) throw new Error("range");
  return value;
}

function used(status) {
  const out = {};
  for (const [k, v] of Object.entries(status)) if (v !== SKIPPED) out[k] = v;
  return out;
}

/** Where raw answers lead: {outcome, question, path, answers, values, notes, error, dead_end}. */
function evaluate(flow, answers, facts, params) {
  const status = Object.create(null);
  const ctx = { facts, params, status };
  const path = [];
  const result = (extra) => Object.assign({ outcome: null, question: null, path, answers: used(status), values: {}, notes: [], error: null, dead_end: false, rule: null, why: [] }, extra);
  for (;;) {
    for (let number = 1; number <= flow.rules.length; number++) {
      const row = flow.rules[number - 1];
      const truth = check(row.when, ctx);
      if (truth === null) break;
      if (truth) {
        const outcome = flow.outcomes[row.outcome];
        if ((outcome.notes || []).some((n) => check(n.when, ctx) === null)) break;
        const values = {};
        for (const item of outcome.values || []) values[item.id] = compute(item.expr, ctx);
        const notes = (outcome.notes || []).filter((n) => check(n.when, ctx) === true).map((n) => n.id);
        // "why this result": the row that decided, and the answers it looked at
        const lookedAt = answersIn(row.when);
        return result({ outcome: row.outcome, values, notes, rule: number, why: path.filter((q) => lookedAt.has(q)) });
      }
    }
    const q = flow.questions.find((x) => !own(status, x.id));
    if (!q) return result({ dead_end: true });
    const skip = q.skip_if ? check(q.skip_if, ctx) : false;
    if (skip === null) throw new Error("skip_if looks ahead");
    if (skip) { status[q.id] = SKIPPED; continue; }
    if (!own(answers, q.id)) return result({ question: q.id });
    try { status[q.id] = parseAnswer(q, answers[q.id], ctx); } catch (e) { return result({ question: q.id, error: e.message }); }
    path.push(q.id);
  }
}

/** Read "wizard=<flow>&a=q:v,q:v" strictly; anything unknown or malformed is dropped. */
function parseState(flow, text) {
  if (typeof text !== "string" || text.length > MAX_STATE) return {};
  const fields = Object.create(null);
  for (const part of text.replace(/^#/, "").split("&")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const key = part.slice(0, i);
    if ((key === "wizard" || key === "a") && !(key in fields)) fields[key] = part.slice(i + 1);
  }
  if (fields.wizard !== flow.id || !("a" in fields)) return {};
  const answers = Object.create(null);
  for (const pair of fields.a.split(",")) {
    const i = pair.indexOf(":");
    if (i < 0) continue;
    const qid = pair.slice(0, i), value = pair.slice(i + 1);
    const q = flow.questions.find((x) => x.id === qid);
    if (!q || own(answers, qid) || !wellFormed(q, value)) continue;
    answers[qid] = value;
  }
  return answers;
}
function wellFormed(q, v) {
  if (q.type === "choice") return q.options.includes(v);
  if (q.type === "yesno") return v === "yes" || v === "no";
  if (q.type === "number") return DIGITS.test(v);
  return isoValid(v);
}
function formatState(flow, answers, path) {
  return `wizard=${flow.id}&a=${path.filter((q) => own(answers, q)).map((q) => `${q}:${answers[q]}`).join(",")}`;
}

// ---- formatting: same output as sitemodel.facts.format_value ----
function formatNumber(value, fmt) {
  const sign = value < 0 ? "-" : "";
  const digits = String(Math.abs(value));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += fmt.sep;
    out += digits[i];
  }
  return sign + out;
}
function formatValue(type, value, fmt) {
  if (type === "date") {
    const [y, m, d] = value.split("-").map(Number);
    const day = d === 1 && fmt.first_day ? fmt.first_day : String(d);
    return fmt.date.replace("{d}", day).replace("{m}", fmt.months[m - 1]).replace("{y}", String(y));
  }
  const n = formatNumber(value, fmt);
  if (type === "money") return fmt.money[0] + n + fmt.money[1] + (value > 1 ? fmt.money[2] : "");
  if (own(fmt.units, type)) return n + "\u00a0" + fmt.units[type][value === 1 ? 0 : 1];
  return n;
}

// ---- "why this result" (flows): the deciding answers, the rule's link, the assessment date ----
function answerText(q, raw, data) {
  if (q.type === "choice") return q.option_labels[raw];
  if (q.type === "yesno") return data.ui[raw];
  if (q.type === "date") return formatValue("date", raw, data.format);
  return formatValue("number", Number(raw), data.format);
}
/** The rules page's address for one decision row. The data gives it (wizard/rules_text.py
 * rules_url): absolute when the site's address was known at build time, otherwise relative to
 * the data file, which sits beside the runtime (base) in wizard-data/. */
function ruleUrl(data, rule, base) {
  const dataFile = new URL(`wizard-data/${data.flow}.${data.lang}.json`, base);
  return new URL(`${data.rules_url}#rule-${rule}`, dataFile).href;
}
/** {items: [[label, answer]], rule, href, assessed}: plain data, so Node tests can check it. */
function whyOf(data, r, answers, today, base) {
  const items = r.why.map((qid) => {
    const q = data.questions.find((x) => x.id === qid);
    return [q.label, answerText(q, answers[qid], data)];
  });
  return { items, rule: r.rule, href: ruleUrl(data, r.rule, base), assessed: formatValue("date", today, data.format) };
}

// ---- the custom element ----
// Public API 1.1 (documented in wizard/docs/integrators.*.md; keep both in step):
// - attributes, each mirrored by a property: flow, lang (region tags such as fr-LU use their base
//   language; an unsupported one falls back to French, says so, and fires lu-wizard-error "lang"),
//   today (YYYY-MM-DD), url-state (boolean: the element keeps its state in the page address, as
//   "wizard[-<id>]=<flow>.<q>:<v>,…" in the hash, one history entry per question, and sets the
//   page title per step), share-answers (boolean: events carry the answers), heading-level (1-6,
//   default 2), lang-links (with url-state: CSS selector of the page's language links, whose hash
//   gets the state). Properties: flow, lang, today, urlState, shareAnswers, headingLevel,
//   langLinks; read-only version; method restart().
// - events (bubbling, composed; detail always has flow and lang): lu-wizard-ready {restored,
//   version}, lu-wizard-step {question, step, restored}, lu-wizard-outcome {outcome, restored},
//   lu-wizard-error {reason: network|data|version|flow|rules|state|lang, message}.
// - parts: container, heading, progress, question, hint, option, field, error-summary,
//   error-message, error, notice, result, next-steps, answers, assessed, link, button,
//   button-primary, back, change, copy, restart.
// - custom properties: see wizard.css (--luw-*).
// - children of the element (a no-JavaScript form) show while loading and after a failure.
// The build (wizard/site.py runtime_assets) puts wizard.css here as a JSON string. In it, the
// host page keeps control of the element's box (display, size, margins: nothing is !important);
// everything inside starts from `all: initial`, so the page's inherited fonts and colours stop
// at the container. Every colour is a documented --luw-* property; the defaults follow the
// page's color-scheme (light, or dark when the page allows it and the reader asks for it).
const VERSION = "__WIZARD_VERSION__"; // the build (wizard/assets.py) puts wizard/js/package.json's version here
const DATA_VERSION = 1; // the "v" field of wizard/export.py's data this runtime reads

// The styles are wizard-v1.css beside this script: a file of its own, cached, fetched once per
// page while the data loads (so the script stays small); the first render waits for both.
let sheet = null, styled = null;
function styleFor(root, base) {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      styled = fetch(new URL("wizard-v1.css", base).href, { credentials: "omit" })
        .then((r) => (r.ok ? r.text() : "")).then((css) => sheet.replace(css)).catch(() => {});
    }
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    styled = styled || Promise.resolve();
    // older browsers: a stylesheet file beside the script (no inline style, CSP-safe)
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("wizard-v1.css", base).href;
    root.appendChild(link);
  }
}

const BASE = import.meta.url;
const FLOW_RE = /^[a-z]{1,20}$/;
const LANGS = "__WIZARD_LANGUAGES__"; // the build writes sitemodel/registry.json's languages here
const ATTRS = ["flow", "lang", "today", "url-state", "share-answers", "heading-level", "lang-links"];
const FLAGS = ["url-state", "share-answers"];
// The only words not in the flow's data: they are shown when that data is missing or does not fit.
const WORDS = {
  fr: {
    network: "L'assistant n'a pas pu être chargé. Réessayez plus tard.",
    data: "Les données de l'assistant sont illisibles.",
    version: "Ce script ne correspond pas à la version des données. Rechargez la page.",
    flow: "Cet assistant n'existe pas (attribut flow).",
    rules: "L'assistant n'a pas pu calculer de réponse.",
    state: "Le lien n'a pas pu être lu entièrement\u00a0: vérifiez les réponses.",
    // an unsupported language falls back to French, so only French says so
    lang: "Cet assistant n'existe pas en «\u00a0{lang}\u00a0»\u00a0; il s'affiche en français.",
    link: "Comment l'assistant décide",
  },
  de: {
    network: "Der Assistent konnte nicht geladen werden. Versuchen Sie es später.",
    data: "Die Daten des Assistenten sind unlesbar.",
    version: "Dieses Skript passt nicht zur Version der Daten. Laden Sie die Seite neu.",
    flow: "Diesen Assistenten gibt es nicht (Attribut flow).",
    rules: "Der Assistent konnte keine Antwort berechnen.",
    state: "Der Link konnte nicht vollständig gelesen werden: Prüfen Sie die Antworten.",
    link: "Wie der Assistent entscheidet",
  },
  en: {
    network: "The wizard could not be loaded. Try again later.",
    data: "The wizard's data cannot be read.",
    version: "This script does not match the version of the data. Reload the page.",
    flow: "This wizard does not exist (flow attribute).",
    rules: "The wizard could not work out an answer.",
    state: "The link could not be read completely: check the answers.",
    link: "How the wizard decides",
  },
};
const cache = new Map(); // data URL -> checked data, shared by every element of the page

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) node.append(c);
  return node;
}
// A cited source: a foreign-language title and the headings quoted from it carry lang (WCAG 3.1.2)
function cited(s, link) {
  const title = link && s.url ? el("a", { href: s.url, text: s.title, lang: s.title_lang, hreflang: s.title_lang })
    : s.title_lang ? el("span", { lang: s.title_lang, text: s.title }) : s.title;
  const parts = (s.locator_parts || [{ text: s.locator }]).map((p) => (p.lang ? el("span", { lang: p.lang, text: p.text }) : p.text));
  return [title, s.note || "", ", ", ...parts];
}
function todayIso() {
  const d = new Date();
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}
/** Text with the names of organisations and platforms (data "links": {name: https URL}) as links. */
function linked(text, links) {
  const out = [];
  for (let rest = text, best; rest; rest = best ? rest.slice(best[0] + best[1].length) : "") {
    best = null;
    for (const [name, url] of Object.entries(links || {})) {
      const i = rest.indexOf(name);
      if (i >= 0 && /^https:\/\//.test(url) && (!best || i < best[0])) best = [i, name, url];
    }
    out.push(best ? rest.slice(0, best[0]) : rest);
    if (best) out.push(el("a", { href: best[2], part: "link", text: best[1] }));
  }
  return out;
}
function paragraphs(text, links) {
  return text.split(/\n\s*\n/).map((p) => el("p", {}, ...linked(p.trim(), links)));
}
const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (own(values, k) ? values[k] : m));

// ---- URL state (only with the url-state attribute) ----
// The hash is a list of "&"-separated parts; the wizard owns one part, "<key>=<flow>.<q>:<v>,…",
// and leaves every other part alone. A hash router's route ("#/path", "#!/path") keeps its
// path: the wizard's part goes into the route's own "?query".
function splitHash(raw) {
  const q = raw.indexOf("?");
  if (q >= 0) return [raw.slice(0, q), "?", raw.slice(q + 1).split("&")];
  if (/^[/!]/.test(raw)) return [raw, "?", []];
  return ["", "", raw ? raw.split("&") : []];
}
function findPart(raw, key) {
  const hit = splitHash(raw)[2].find((p) => p.startsWith(key + "="));
  return hit === undefined ? null : hit.slice(key.length + 1);
}
/** [value, unreadable] of the wizard's part, or null when the hash has none. */
function readPart(raw, key) {
  let value = findPart(raw, key);
  if (value === null && raw.includes("%")) { // a mail client encoded the whole address
    try { raw = decodeURIComponent(raw); } catch (e) { return raw.includes(key) ? [null, true] : null; }
    value = findPart(raw, key);
  }
  if (value === null) return null;
  if (key === "wizard" && !value.includes(".")) { // links of version 1.0: "wizard=<flow>&a=…"
    const a = findPart(raw, "a");
    value += "." + (a || "");
  }
  try { return [decodeURIComponent(value), false]; } catch (e) { return [null, true]; }
}
function withPart(raw, key, value) {
  if (findPart(raw, key) === null && raw.includes("%")) {
    try { const plain = decodeURIComponent(raw); if (findPart(plain, key) !== null) raw = plain; } catch (e) { /* keep */ }
  }
  const [head, sep, parts] = splitHash(raw);
  const legacy = parts.some((p) => p.startsWith(key + "=") && !p.includes("."));
  const kept = parts.filter((p) => p && !p.startsWith(key + "=") && !(legacy && p.startsWith("a=")));
  kept.push(key + "=" + value);
  return head + (head ? sep : "") + kept.join("&");
}

// "Why this result": the answers that decided it and the rule's row on the rules page (the
// assessment date is shown once, at the end of the result)
function whyBox(why, ui, colon, heading) {
  const list = el("ul", { class: "why" }, ...why.items.map(([label, text]) => el("li", { text: `${label}${colon}${text}` })));
  return el("div", { part: "why" }, heading(ui.why_heading), list,
    el("p", {}, el("a", { href: why.href, part: "link", text: `${ui.rule_ref} (${ui.col_rule} ${why.rule})` })));
}

function defineElement() {
  class LuIntegrationWizard extends HTMLElement {
    static get observedAttributes() { return ATTRS; }
    static get version() { return VERSION; }
    get version() { return VERSION; }
    constructor() {
      super();
      this._root = this.attachShadow({ mode: "open" });
      styleFor(this._root, BASE);
      this._live = el("p", { class: "sr", role: "status" });
      this._main = el("div", { class: "w", part: "container" });
      this._root.append(this._main, this._live);
      this._answers = Object.create(null);
      this._gen = 0;
      this._onUrl = () => this._fromUrl(false);
    }
    connectedCallback() {
      // properties set before the script defined the element
      for (const name of ATTRS.map(camel)) {
        if (own(this, name)) { const v = this[name]; delete this[name]; this[name] = v; }
      }
      this._listen(this._urlOn());
      this._schedule();
    }
    disconnectedCallback() {
      this._listen(false);
      if (this._ctl) this._ctl.abort();
      this._ctl = null;
      this._gen++; // a load still under way is forgotten; reconnecting starts it again
      if (this._title0 != null) { document.title = this._title0; this._title0 = null; }
    }
    attributeChangedCallback(name, old, value) {
      if (old === value) return;
      if (name === "url-state") this._listen(this.isConnected && value !== null);
      this._schedule();
    }
    /** Start again from the first question (the answers are forgotten). */
    restart() {
      this._answers = Object.create(null);
      this._editing = null;
      if (this._data) this._render({ push: true, focus: true, announce: true });
    }

    _urlOn() { return this.hasAttribute("url-state"); }
    _key() { return /^[\w-]{1,40}$/.test(this.id) ? "wizard-" + this.id : "wizard"; }
    _listen(on) {
      for (const type of ["popstate", "hashchange"]) {
        window.removeEventListener(type, this._onUrl);
        if (on) window.addEventListener(type, this._onUrl);
      }
    }
    _schedule() {
      // several attribute changes in a row (flow, then lang) make one update; the latest wins
      if (this._queued || !this.isConnected) return;
      this._queued = true;
      queueMicrotask(() => { this._queued = false; if (this.isConnected) this._update(); });
    }
    _langs() {
      const asked = (this.getAttribute("lang") || "fr").toLowerCase(), base = asked.split(/[-_]/)[0];
      return [LANGS.includes(base) ? base : "fr", asked];
    }
    _update() {
      const flow = this.getAttribute("flow") || "", [lang] = this._langs();
      const data = this._data;
      if (data && data.flow === flow && data.lang === lang && !this._failed) {
        if (!this._fromUrl(true)) this._render({});
      } else this._load(flow, lang);
    }
    async _load(flow, lang) {
      if (this._ctl) this._ctl.abort();
      const ctl = (this._ctl = new AbortController()), gen = ++this._gen;
      this._data = null;
      this._failed = false;
      // while loading, the page's own fallback (children of the element) stays visible
      this._main.replaceChildren(el("slot", {}, el("p", { text: "…" })));
      this._main.setAttribute("aria-busy", "true");
      if (!FLOW_RE.test(flow)) { this._fail("flow"); return; }
      const url = new URL(`wizard-data/${flow}.${lang}.json`, BASE).href;
      let data = cache.get(url), reason = "network";
      try {
        if (!data) {
          const response = await fetch(url, { credentials: "omit", signal: ctl.signal });
          if (!response.ok) throw new Error(response.status);
          reason = "data";
          data = await response.json();
          if (!data || typeof data !== "object") throw new Error("data");
          if (data.v !== DATA_VERSION) reason = "version";
          if (data.v !== DATA_VERSION || data.flow !== flow || data.lang !== lang) throw new Error(reason);
          cache.set(url, data);
        }
      } catch (e) {
        if (gen === this._gen) this._fail(reason);
        return;
      }
      await styled;
      if (gen !== this._gen) return; // removed, or a newer flow or language was asked for meanwhile
      this._ctl = null;
      this._main.removeAttribute("aria-busy");
      if (this._flowId !== flow) { this._answers = Object.create(null); this._editing = null; }
      this._flowId = flow;
      this._data = data;
      const [, asked] = this._langs();
      this._langNote = asked.split(/[-_]/)[0] !== lang ? fill(WORDS[lang].lang, { lang: asked }) : null;
      const restored = this._fromUrl(true);
      if (!restored) this._render({});
      this._emit("lu-wizard-ready", { restored, version: VERSION });
      if (this._langNote) this._error("lang");
    }
    _fail(reason) {
      const [lang] = this._langs(), words = WORDS[lang], flow = this.getAttribute("flow") || "";
      const rules = new URL(`../../${lang === "fr" ? "" : lang + "/"}wizard/${FLOW_RE.test(flow) ? flow + "-rules" : "integrators"}/`, BASE).href;
      this._failed = true;
      this._main.removeAttribute("aria-busy");
      this._main.lang = lang;
      this._main.replaceChildren(
        el("div", { class: "err", part: "error", role: "alert" }, el("p", { text: words[reason] }),
          el("p", {}, el("a", { href: rules, part: "link", text: words.link }))),
        el("slot"));
      this._error(reason);
    }
    _error(reason) {
      const [lang, asked] = this._langs(), message = fill(WORDS[lang][reason], { lang: asked });
      console.warn(`lu-integration-wizard: ${reason}: ${message}`);
      this.dispatchEvent(new CustomEvent("lu-wizard-error", { bubbles: true, composed: true,
        detail: { reason, flow: this.getAttribute("flow"), lang, message } }));
    }
    _params() {
      const t = this.getAttribute("today");
      return { today: isoValid(t) ? t : todayIso() };
    }
    _emit(kind, detail) {
      const d = Object.assign({ flow: this._data.flow, lang: this._data.lang }, detail);
      if (this.hasAttribute("share-answers") && this._result) d.answers = Object.assign({}, this._result.answers);
      this.dispatchEvent(new CustomEvent(kind, { detail: d, bubbles: true, composed: true }));
    }

    /** Read the wizard's part of the address; false when there is none (a page anchor, a route). */
    _fromUrl(initial) {
      if (!this._data || !this._urlOn()) return false;
      const found = readPart(location.hash.slice(1), this._key());
      if (!found) return false; // not ours: the answers stay as they are
      const data = this._data, [text] = found;
      let bad = found[1], answers = Object.create(null);
      if (!bad) {
        const dot = text.indexOf("."), pairs = text.slice(dot + 1);
        if (dot < 0 || text.slice(0, dot) !== data.flow) bad = true;
        else {
          answers = parseState(data, `wizard=${data.flow}&a=${pairs}`);
          bad = Object.keys(answers).length < pairs.split(",").filter(Boolean).length;
        }
      }
      if (!initial && !bad && text === this._state) return true; // already shown
      // Back to an earlier question: the later answers this page still holds stay on offer
      const kept = !initial && !bad && Object.keys(answers).every((k) => this._answers[k] === answers[k]);
      this._editing = null;
      if (kept) {
        let r = null;
        try { r = evaluate(data, answers, data.facts, this._params()); } catch (e) { /* shown below */ }
        if (r && r.question && own(this._answers, r.question)) this._editing = r.question;
        answers = Object.assign(Object.create(null), this._answers, answers);
      }
      this._answers = answers;
      this._stateNote = bad;
      this._render({ restored: true, focus: !initial && document.activeElement === this, announce: !initial });
      if (bad) this._error("state");
      return true;
    }
    _write() {
      const key = this._key(), raw = location.hash.slice(1), base = location.href.split("#")[0];
      if (readPart(raw, key) && readPart(raw, key)[0] === this._state) return;
      if (!this._marked && !readPart(raw, key)) {
        // the entry the reader started from becomes the first question: Back returns to it
        history.replaceState(history.state, "", base + "#" + withPart(raw, key, this._data.flow + "."));
      }
      this._marked = true;
      history.pushState(history.state, "", base + "#" + withPart(raw, key, this._state));
    }
    _shareUrl() {
      return location.href.split("#")[0] + "#" + withPart(location.hash.slice(1), this._key(), this._state);
    }
    _langLinks() {
      const selector = this.getAttribute("lang-links");
      if (!selector || !this._urlOn()) return;
      let links = [];
      try { links = document.querySelectorAll(selector); } catch (e) { return; }
      for (const a of links) if (a.href) a.hash = withPart(a.hash.slice(1), this._key(), this._state);
    }

    _level() {
      const n = parseInt(this.getAttribute("heading-level"), 10);
      return n >= 1 && n <= 6 ? n : 2;
    }
    _shown() {
      const shown = Object.assign(Object.create(null), this._answers);
      if (this._editing) delete shown[this._editing];
      return shown;
    }
    _render(o) {
      const data = this._data, ui = data.ui;
      let r;
      try { r = evaluate(data, this._shown(), data.facts, this._params()); } catch (e) { this._fail("rules"); return; }
      if (!r.outcome && !r.question) { this._fail("rules"); return; }
      this._result = r;
      this._state = data.flow + "." + r.path.filter((q) => own(this._answers, q)).map((q) => `${q}:${this._answers[q]}`).join(",");
      if (o.push && this._urlOn()) { this._stateNote = false; this._write(); }
      const level = this._level();
      const view = r.outcome ? this._outcome(r, level) : this._question(r, level, o.error);
      const notes = [this._langNote, this._stateNote && WORDS[data.lang].state].filter(Boolean)
        .map((text) => el("p", { class: "flag", part: "notice", text }));
      this._main.replaceChildren(...notes, view);
      this._main.lang = data.lang;
      if (this._urlOn()) {
        if (this._title0 == null) this._title0 = document.title;
        document.title = `${o.error ? ui.error_prefix + data.format.colon : ""}${this._title} \u2013 ${this._title0}`;
        this._langLinks();
      }
      if (o.focus) (this._root.querySelector("[part~=error-summary]") || this._root.querySelector("[part~=heading]")).focus();
      if (o.announce) this._live.textContent = r.outcome ? ui.result : this._progress;
      const view_id = r.outcome ? "o" + r.outcome : "q" + r.question + r.path.length;
      if (view_id !== this._view || o.restored) {
        this._view = view_id;
        if (r.outcome) this._emit("lu-wizard-outcome", { outcome: r.outcome, restored: !!o.restored });
        else this._emit("lu-wizard-step", { question: r.question, step: r.path.length + 1, restored: !!o.restored });
      }
    }
    _heading(level, text) {
      return el("h" + level, { tabindex: "-1", part: "heading", text });
    }
    _change(qid) {
      this._editing = qid;
      this._render({ push: true, focus: true, announce: true });
    }
    _answerText(q, raw) {
      const data = this._data, ui = data.ui;
      return q.type === "choice" ? q.option_labels[raw] : q.type === "yesno" ? ui[raw]
        : q.type === "date" ? formatValue("date", raw, data.format) : formatValue("number", Number(raw), data.format);
    }
    _summary(r, sub) {
      // "check your answers": each answer with a Change button
      const data = this._data, ui = data.ui, colon = data.format.colon;
      const list = el("dl", { part: "answers" });
      for (const qid of r.path) {
        const q = data.questions.find((x) => x.id === qid);
        list.append(el("div", { class: "row" }, el("dt", { text: q.label }), el("dd", { text: this._answerText(q, this._answers[qid]) }),
          el("dd", {}, el("button", { type: "button", class: "link", part: "button change", "aria-label": `${ui.change}${colon}${q.label}`,
            text: ui.change, on: { click: () => this._change(qid) } }))));
      }
      return r.outcome ? [el("h" + sub, { class: "s", text: ui.your_answers }), list]
        : [el("details", {}, el("summary", { text: `${ui.your_answers} (${r.path.length})` }), list)];
    }
    _bounds(q, r) {
      const ctx = { facts: this._data.facts, params: this._params(), status: Object.assign(Object.create(null), r.answers) };
      try {
        return [own(q, "min") ? compute(q.min, ctx) : null, own(q, "max") ? compute(q.max, ctx) : null];
      } catch (e) { return [null, null]; }
    }
    _message(q, r, code) {
      const ui = this._data.ui, fmt = this._data.format;
      if (code === "choose" || code === "part" || code === "real") return code === "choose" ? ui.error_choose : ui["error_date_" + code];
      const [min, max] = this._bounds(q, r), type = q.type === "date" ? "date" : "number";
      const kind = min !== null && max !== null ? "_between" : min !== null ? "_min" : max !== null ? "_max" : "";
      const show = (v) => (v === null ? "" : type === "date" ? formatValue("date", v, fmt) : formatNumber(v, fmt));
      return fill(ui["error_" + type + kind], { min: show(min), max: show(max) });
    }
    _question(r, level, error) {
      const data = this._data, ui = data.ui, colon = data.format.colon;
      const q = data.questions.find((x) => x.id === r.question);
      const n = r.path.length + 1, total = r.path.length + data.questions.length - data.questions.indexOf(q);
      this._progress = fill(ui.progress, { n, total });
      this._title = `${ui.question} ${n}${colon}${q.text}`;
      const heading = this._heading(level, q.text);
      heading.id = "qh";
      const described = [q.hint && "hint", error && "err"].filter(Boolean).join(" ") || null;
      const fieldset = el("fieldset", { part: "question", "aria-describedby": q.type === "number" ? null : described },
        el("legend", {}, el("span", { class: "muted", part: "progress", text: this._progress }), heading));
      if (q.hint) fieldset.append(el("p", { class: "hint", id: "hint", part: "hint", text: q.hint }));
      if (error) fieldset.append(el("p", { class: "err", id: "err", part: "error-message" }, el("span", { class: "sr", text: ui.error_prefix + colon }), error.message));
      const known = own(this._answers, q.id) ? this._answers[q.id] : null;
      const typed = error ? error.typed : known;
      const invalid = (id) => (error && (!error.bad || error.bad.includes(id)) ? "true" : null);
      let read, first;
      if (q.type === "choice" || q.type === "yesno") {
        const opts = q.type === "choice" ? q.options.map((o) => [o, q.option_labels[o]]) : [["yes", ui.yes], ["no", ui.no]];
        const inputs = opts.map(([value, label], i) => {
          const input = el("input", { type: "radio", name: "a", value, id: `o${i}`, "aria-invalid": invalid(`o${i}`) });
          input.checked = typed === value;
          fieldset.append(el("label", { class: "opt", for: `o${i}`, part: "option" }, input, el("span", { text: label })));
          return input;
        });
        first = "o0";
        read = () => { const c = inputs.find((x) => x.checked); return c ? { value: c.value } : { code: "choose", field: "o0" }; };
      } else if (q.type === "number") {
        const input = el("input", { type: "text", class: "n", id: "v", part: "field", inputmode: "numeric", spellcheck: "false", autocomplete: "off",
          "aria-labelledby": "qh", "aria-describedby": described, "aria-invalid": invalid("v") });
        if (typed !== null) input.value = String(typed);
        fieldset.append(input);
        first = "v";
        read = () => {
          // "40 000", "40.000", "40,000": thousands separators of any of the three languages
          const typedNow = input.value.trim();
          const value = /^\d{1,3}([\s.,']\d{3})+$/.test(typedNow) ? typedNow.replace(/\D/g, "") : typedNow;
          return DIGITS.test(value) ? { value } : { code: "number", field: "v", typed: input.value };
        };
      } else {
        // GOV.UK date input: day, month and year fields in the page's order, leading zeros optional
        const parts = Array.isArray(typed) ? typed : typeof typed === "string" ? typed.split("-").reverse().map((p) => String(Number(p))) : ["", "", ""];
        const inputs = ["d", "m", "y"].map((id, i) => el("input", { type: "text", id, class: id, part: "field", inputmode: "numeric", autocomplete: "off",
          spellcheck: "false", "aria-invalid": invalid(id), value: parts[i] }));
        fieldset.append(el("div", { class: "date" }, ...inputs.map((input, i) =>
          el("label", { for: input.id }, el("span", { text: ui[["day", "month", "year"][i]] }), input))));
        first = "d";
        read = () => {
          const [d, m, y] = inputs.map((i) => i.value.trim()), typedNow = [d, m, y];
          const empty = ["d", "m", "y"].filter((id, i) => !typedNow[i]);
          if (empty.length) return { code: "part", field: empty[0], bad: empty, typed: typedNow };
          const iso = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
          return /^\d{4}$/.test(y) && /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && isoValid(iso) ? { value: iso, typed: typedNow }
            : { code: "real", field: "d", typed: typedNow };
        };
      }
      const wrap = el("div", { class: error ? "fe" : null }, fieldset);
      const form = el("form", { novalidate: true }, wrap);
      const bar = el("div", { class: "bar" }, el("button", { type: "submit", class: "primary", part: "button button-primary", text: ui.next }));
      if (r.path.length) bar.append(el("button", { type: "button", part: "button back", text: ui.back, on: { click: () => this._change(r.path[r.path.length - 1]) } }));
      form.append(bar);
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const got = read();
        const fail = (code, field, extra) => this._render({ focus: true, error: Object.assign({ field, message: this._message(q, r, code) }, got, extra) });
        if (got.code) { fail(got.code, got.field); return; }
        const trial = Object.assign(Object.create(null), this._answers, { [q.id]: got.value });
        let next;
        try { next = evaluate(data, trial, data.facts, this._params()); } catch (e) { this._fail("rules"); return; }
        if (next.error && next.question === q.id) { fail(next.error === "date" ? "real" : next.error, first, { code: next.error, value: undefined, typed: got.typed || got.value }); return; }
        // keep the answers that still apply: those on the new path, and those still ahead of it
        const ahead = next.question ? data.questions.slice(data.questions.findIndex((x) => x.id === next.question)).map((x) => x.id) : [];
        this._answers = Object.create(null);
        for (const id of [...next.path, ...ahead]) if (own(trial, id)) this._answers[id] = trial[id];
        this._editing = null;
        this._render({ push: true, focus: true, announce: true });
      });
      const nodes = [];
      if (error) {
        nodes.push(el("div", { class: "sum", part: "error-summary", role: "alert", tabindex: "-1", "aria-labelledby": "sh" },
          el("h" + level, { id: "sh", text: ui.error_summary }),
          el("ul", {}, el("li", {}, el("a", { href: "#" + error.field, text: error.message, on: { click: (e) => {
            e.preventDefault(); // a fragment link would change the host's address
            this._root.getElementById(error.field).focus();
          } } })))));
      }
      nodes.push(form);
      if (r.path.length) nodes.push(...this._summary(r, Math.min(level + 1, 6)));
      return el("div", {}, ...nodes);
    }
    _outcome(r, level) {
      const data = this._data, ui = data.ui, o = data.outcomes[r.outcome], sub = Math.min(level + 1, 6);
      const h = (text) => el("h" + sub, { class: "s", text });
      this._title = `${ui.result}${data.format.colon}${o.title}`;
      const box = el("div", { part: "result" }, el("p", { class: "muted", text: ui.result }), this._heading(level, o.title));
      box.append(...paragraphs(o.body, data.links));
      if (o.values.length) {
        const dl = el("dl");
        for (const v of o.values) dl.append(el("dt", { text: v.label }), el("dd", { text: formatValue(v.type, r.values[v.id], data.format) }));
        box.append(dl);
      }
      for (const n of o.notes) if (r.notes.includes(n.id)) box.append(el("p", { part: "notice", class: "flag" }, ...linked(n.text, data.links)));
      box.append(whyBox(whyOf(data, r, this._answers, this._params().today, BASE), data.ui, data.format.colon, h));
      box.append(h(ui.next_steps), el("ol", { part: "next-steps" }, ...o.next.map((t) => el("li", {}, ...linked(t, data.links)))));
      if (o.dated) {
        const flag = el("div", { class: "flag", part: "notice" }, el("p", { text: ui.dated }));
        if (o.changes.length) flag.append(el("p", { text: ui.changed_since }), el("ul", {}, ...o.changes.map((c) => el("li", {}, `${c.text} (`, ...cited(c, false), ")"))));
        box.append(flag);
      }
      box.append(h(ui.sources), el("ul", {}, ...o.sources.map((s) => el("li", {}, ...cited(s, true)))));
      box.append(...this._summary(r, sub));
      box.append(el("p", { class: "muted", part: "assessed", text: fill(ui.assessed, { date: formatValue("date", this._params().today, data.format) }) }));
      const bar = el("div", { class: "bar" });
      if (this._urlOn()) {
        const said = el("span", { role: "status", class: "copy" });
        bar.append(el("button", { type: "button", part: "button copy", text: ui.copy_link, on: { click: () => {
          const url = this._shareUrl(), done = () => { said.textContent = ui.link_copied; };
          const show = () => {
            const field = el("input", { id: "link", readonly: true, value: url });
            said.replaceChildren(el("label", { for: "link", text: ui.copy_failed }), field);
            field.select();
          };
          try { navigator.clipboard.writeText(url).then(done, show); } catch (e) { show(); }
        } } }), said);
      }
      bar.append(el("button", { type: "button", part: "button back", text: ui.back, on: { click: () => this._change(r.path[r.path.length - 1]) } }));
      bar.append(el("button", { type: "button", class: "primary", part: "button button-primary restart", text: ui.restart, on: { click: () => this.restart() } }));
      box.append(bar);
      return box;
    }
  }
  for (const name of ATTRS) {
    if (name === "lang") continue; // HTMLElement's own lang property already mirrors it
    const flag = FLAGS.includes(name);
    Object.defineProperty(LuIntegrationWizard.prototype, camel(name), {
      configurable: true,
      get() { return flag ? this.hasAttribute(name) : this.getAttribute(name); },
      set(v) {
        if (flag) this.toggleAttribute(name, !!v);
        else if (v === null || v === undefined) this.removeAttribute(name);
        else this.setAttribute(name, String(v));
      },
    });
  }
  if (!customElements.get("lu-integration-wizard")) customElements.define("lu-integration-wizard", LuIntegrationWizard);
}
function camel(name) { return name.replace(/-(\w)/g, (m, c) => c.toUpperCase()); }
if (typeof customElements !== "undefined" && typeof HTMLElement !== "undefined") defineElement();

export { evaluate, parseState, formatState, formatValue, parseAnswer, addMonths, isoValid, whyOf };
