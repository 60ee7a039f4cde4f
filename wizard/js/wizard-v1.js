/*! lu-integration-wizard v1 | embed API 1.0 | no dependencies */
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
  const result = (extra) => Object.assign({ outcome: null, question: null, path, answers: used(status), values: {}, notes: [], error: null, dead_end: false }, extra);
  for (;;) {
    for (const row of flow.rules) {
      const truth = check(row.when, ctx);
      if (truth === null) break;
      if (truth) {
        const outcome = flow.outcomes[row.outcome];
        if ((outcome.notes || []).some((n) => check(n.when, ctx) === null)) break;
        const values = {};
        for (const item of outcome.values || []) values[item.id] = compute(item.expr, ctx);
        const notes = (outcome.notes || []).filter((n) => check(n.when, ctx) === true).map((n) => n.id);
        return result({ outcome: row.outcome, values, notes });
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

// ---- the custom element ----
// the build (wizard/site.py runtime_assets) puts wizard.css here as a JSON string
const CSS = "__WIZARD_CSS__";

let sheet = null;
function styleFor(root, base) {
  try {
    if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(CSS); }
    root.adoptedStyleSheets = [sheet];
  } catch (e) {
    // older browsers: a stylesheet file beside the script (no inline style, CSP-safe)
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("wizard-v1.css", base).href;
    root.appendChild(link);
  }
}

const BASE = import.meta.url;
const FLOW_RE = /^[a-z]{1,20}$/;
const LANGS = ["fr", "de", "en"];
const LOAD_ERROR = {
  fr: "L'assistant n'a pas pu être chargé. Rechargez la page ou réessayez plus tard.",
  de: "Der Assistent konnte nicht geladen werden. Laden Sie die Seite neu oder versuchen Sie es später.",
  en: "The wizard could not be loaded. Reload the page or try again later.",
};
const cache = new Map();

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) node.appendChild(c);
  return node;
}
function todayIso() {
  const d = new Date();
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
}
function paragraphs(text) {
  return text.split(/\n\s*\n/).map((p) => el("p", { text: p.trim() }));
}

function defineElement() {
  class LuIntegrationWizard extends HTMLElement {
    static get observedAttributes() { return ["flow", "lang"]; }
    constructor() {
      super();
      this._root = this.attachShadow({ mode: "open" });
      styleFor(this._root, BASE);
      this._live = el("p", { class: "sr", role: "status", "aria-live": "polite" });
      this._main = el("div", { class: "w", part: "container" });
      this._root.append(this._main, this._live);
      this._answers = Object.create(null);
      this._data = null;
      this._prefill = null;
    }
    connectedCallback() { this._load(); }
    attributeChangedCallback(name, old, value) { if (old !== null && old !== value && this.isConnected) this._load(); }

    async _load() {
      const flow = this.getAttribute("flow") || "";
      let lang = (this.getAttribute("lang") || "fr").toLowerCase();
      if (!LANGS.includes(lang)) lang = "fr";
      this._main.replaceChildren(el("p", { text: "…" }));
      if (!FLOW_RE.test(flow)) { this._fail(lang); return; }
      const url = new URL(`wizard-data/${flow}.${lang}.json`, BASE).href;
      try {
        if (!cache.has(url)) cache.set(url, fetch(url, { credentials: "omit" }).then((r) => { if (!r.ok) throw new Error(r.status); return r.json(); }));
        const data = await cache.get(url);
        if (data.flow !== flow) throw new Error("data");
        this._data = data;
      } catch (e) { cache.delete(url); this._fail(lang); return; }
      this._answers = this._urlState() ? parseState(this._data, location.hash) : Object.create(null);
      this._render(false);
    }
    _fail(lang) {
      // the only words not in the flow's data: that data is what could not be loaded
      this._main.replaceChildren(el("p", { class: "err", part: "error", role: "alert", text: LOAD_ERROR[lang] }));
    }
    _urlState() { return !this.hasAttribute("no-url-state"); }
    _params() {
      const t = this.getAttribute("today");
      return { today: isoValid(t) ? t : todayIso() };
    }
    _emit(kind, detail) {
      const d = Object.assign({ flow: this._data.flow, lang: this._data.lang }, detail);
      if (this.hasAttribute("share-answers")) d.answers = Object.assign({}, this._result.answers);
      this.dispatchEvent(new CustomEvent(kind, { detail: d, bubbles: true, composed: true }));
    }
    _render(moveFocus) {
      const data = this._data;
      let r;
      try { r = evaluate(data, this._answers, data.facts, this._params()); } catch (e) { this._fail(); return; }
      this._result = r;
      if (this._urlState() && window.history && window.history.replaceState) {
        const hash = "#" + formatState(data, this._answers, r.path);
        if (location.hash !== hash) history.replaceState(history.state, "", hash);
      }
      if (r.outcome) this._showOutcome(r); else if (r.question) this._showQuestion(r); else this._fail();
      if (moveFocus) { const h = this._main.querySelector("h2"); if (h) h.focus(); }
    }
    _showQuestion(r) {
      const data = this._data, ui = data.ui;
      const q = data.questions.find((x) => x.id === r.question);
      const number = r.path.length + 1;
      const errId = "err", hintId = "hint";
      const heading = el("h2", { tabindex: "-1", part: "heading", text: q.text });
      const fieldset = el("fieldset", { part: "question" }, el("legend", {}, el("span", { class: "muted", text: `${ui.question} ${number}` }), heading));
      if (q.hint) fieldset.appendChild(el("p", { class: "hint", id: hintId, text: q.hint }));
      const error = el("p", { class: "err", id: errId, part: "error", hidden: true });
      fieldset.appendChild(error);
      const prefill = this._prefill !== null ? this._prefill : (own(this._answers, q.id) ? this._answers[q.id] : null);
      this._prefill = null;
      const describedBy = [q.hint ? hintId : null, errId].filter(Boolean).join(" ");
      let read;
      if (q.type === "choice" || q.type === "yesno") {
        const opts = q.type === "choice" ? q.options.map((o) => [o, q.option_labels[o]]) : [["yes", ui.yes], ["no", ui.no]];
        const inputs = opts.map(([value, label], i) => {
          const input = el("input", { type: "radio", name: q.id, value, id: `o${i}`, "aria-describedby": describedBy });
          if (prefill === value) input.checked = true;
          fieldset.appendChild(el("label", { class: "opt", for: `o${i}`, part: "option" }, input, el("span", { text: label })));
          return input;
        });
        read = () => { const c = inputs.find((x) => x.checked); return c ? c.value : ""; };
      } else {
        const input = el("input", { type: q.type === "date" ? "date" : "text", id: "v", name: q.id, inputmode: q.type === "number" ? "numeric" : null,
          autocomplete: "off", "aria-describedby": describedBy, "aria-labelledby": "qlabel" });
        heading.id = "qlabel";
        if (prefill !== null) input.value = String(prefill);
        fieldset.appendChild(input);
        read = () => input.value.trim();
      }
      const form = el("form", { novalidate: true }, fieldset);
      const bar = el("div", { class: "bar" });
      bar.appendChild(el("button", { type: "submit", class: "primary", part: "button button-primary", text: ui.next }));
      if (r.path.length) bar.appendChild(el("button", { type: "button", part: "button", text: ui.back, on: { click: () => this._goTo(r.path[r.path.length - 1]) } }));
      form.appendChild(bar);
      const showError = (code) => {
        error.textContent = ui["error_" + code] || ui.error_choose;
        error.hidden = false;
        for (const i of form.querySelectorAll("input")) i.setAttribute("aria-invalid", "true");
        this._live.textContent = error.textContent;
        const first = form.querySelector("input"); if (first) first.focus();
      };
      form.addEventListener("submit", (ev) => {
        ev.preventDefault();
        const value = read();
        if (value === "") { showError(q.type === "choice" || q.type === "yesno" ? "choose" : q.type); return; }
        this._answers[q.id] = value;
        const next = evaluate(data, this._answers, data.facts, this._params());
        if (next.error && next.question === q.id) { delete this._answers[q.id]; this._prefill = value; showError(next.error); return; }
        this._render(true);
        this._announce();
      });
      if (r.error) { this._main.replaceChildren(form); showError(r.error); }
      else this._main.replaceChildren(form);
      this._emit("lu-wizard-step", { question: q.id, step: number });
    }
    _announce() {
      const r = this._result, data = this._data;
      if (r.outcome) this._live.textContent = `${data.ui.result_announce} ${data.outcomes[r.outcome].title}`;
      else if (r.question) this._live.textContent = `${data.ui.question} ${r.path.length + 1}${data.format.colon}${data.questions.find((x) => x.id === r.question).text}`;
    }
    _goTo(qid) {
      // keep the answers before this question; offer the old answer again
      const r = this._result, keep = Object.create(null);
      for (const id of r.path) { if (id === qid) break; keep[id] = this._answers[id]; }
      this._prefill = own(this._answers, qid) ? this._answers[qid] : null;
      this._answers = keep;
      this._render(true);
      this._announce();
    }
    _restart() {
      this._answers = Object.create(null);
      this._render(true);
      this._announce();
    }
    _showOutcome(r) {
      const data = this._data, ui = data.ui, o = data.outcomes[r.outcome];
      const box = el("div", { part: "result" }, el("p", { class: "muted", text: ui.result }), el("h2", { tabindex: "-1", part: "heading", text: o.title }));
      paragraphs(o.body).forEach((p) => box.appendChild(p));
      if (o.values.length) {
        const dl = el("dl");
        for (const v of o.values) dl.append(el("dt", { text: v.label }), el("dd", { text: formatValue(v.type, r.values[v.id], data.format) }));
        box.appendChild(dl);
      }
      for (const n of o.notes) if (r.notes.includes(n.id)) box.appendChild(el("p", { part: "notice", class: "flag", text: n.text }));
      box.appendChild(el("h3", { text: ui.next_steps }));
      box.appendChild(el("ol", {}, ...o.next.map((t) => el("li", { text: t }))));
      if (o.dated) {
        const flag = el("div", { class: "flag", part: "notice" }, el("p", { text: ui.dated }));
        if (o.changes.length) {
          flag.appendChild(el("p", { text: ui.changed_since }));
          flag.appendChild(el("ul", {}, ...o.changes.map((c) => el("li", { text: `${c.text} (${c.title}, ${c.locator})` }))));
        }
        box.appendChild(flag);
      }
      box.appendChild(el("h3", { text: ui.sources }));
      box.appendChild(el("ul", {}, ...o.sources.map((s) => el("li", { text: `${s.title}, ${s.locator}` }))));
      box.appendChild(el("h3", { text: ui.your_answers }));
      const list = el("ul", { class: "answers" });
      for (const qid of r.path) {
        const q = data.questions.find((x) => x.id === qid), raw = this._answers[qid];
        const shown = q.type === "choice" ? q.option_labels[raw] : q.type === "yesno" ? ui[raw] : q.type === "date" ? formatValue("date", raw, data.format) : formatValue("number", Number(raw), data.format);
        const colon = data.format.colon;
        list.appendChild(el("li", {}, el("span", { text: `${q.label}${colon}${shown} ` }),
          el("button", { type: "button", class: "link", part: "button", "aria-label": `${ui.change}${colon}${q.label}`, text: ui.change, on: { click: () => this._goTo(qid) } })));
      }
      box.appendChild(list);
      const bar = el("div", { class: "bar" });
      if (this._urlState()) bar.appendChild(el("a", { href: "#" + formatState(data, this._answers, r.path), part: "link", text: ui.share }));
      bar.appendChild(el("button", { type: "button", part: "button", text: ui.back, on: { click: () => this._goTo(r.path[r.path.length - 1]) } }));
      bar.appendChild(el("button", { type: "button", class: "primary", part: "button button-primary", text: ui.restart, on: { click: () => this._restart() } }));
      box.appendChild(bar);
      this._main.replaceChildren(box);
      this._emit("lu-wizard-outcome", { outcome: r.outcome });
    }
  }
  LuIntegrationWizard.version = "__WIZARD_VERSION__"; // the build (wizard/assets.py) puts the package version here
  if (!customElements.get("lu-integration-wizard")) customElements.define("lu-integration-wizard", LuIntegrationWizard);
}
if (typeof customElements !== "undefined" && typeof HTMLElement !== "undefined") defineElement();

export { evaluate, parseState, formatState, formatValue, parseAnswer, addMonths, isoValid };
