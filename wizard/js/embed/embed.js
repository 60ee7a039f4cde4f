// Iframe embedding: reads ?flow=&lang=&parent=<origin>, shows the wizard, and tells the parent
// page its height and the step/outcome events (never the answers), only at the parent's origin.
import "../wizard-v1.min.js";

// the build (wizard/assets.py) puts here, per language, this page's words and each flow's title
const WORDS = "__EMBED_WORDS__";
// and the languages and flow ids of sitemodel/registry.json
const LANGS = "__WIZARD_LANGUAGES__";
const FLOWS = "__WIZARD_FLOWS__";
const query = new URLSearchParams(location.search);
const asked = { flow: query.get("flow") || "route", lang: (query.get("lang") || "fr").toLowerCase() };
const base = asked.lang.split("-")[0]; // a regional tag (de-LU) speaks its base language
const lang = LANGS.includes(base) ? base : null;
const flow = FLOWS.includes(asked.flow) ? asked.flow : null;
const main = document.getElementById("wizard");

// The parent may read our messages only at the origin it names, and only if it is really our
// parent (the browser's ancestorOrigins, where it exists): never "*".
function parentOrigin() {
  if (window.parent === window) return null;
  const given = query.get("parent") || "";
  let origin = null;
  try { origin = new URL(given).origin; } catch (e) { origin = null; }
  const exact = origin && /^https?:\/\//.test(origin) && (given === origin || given === origin + "/");
  const ancestors = location.ancestorOrigins;
  if (!exact || (ancestors && ancestors.length && ancestors[0] !== origin)) {
    console.warn(`lu-integration-wizard: no message is sent to the parent page: the parameter parent=${JSON.stringify(given)} `
      + "must be the exact origin of the page that holds this iframe, e.g. parent=https://www.example.lu");
    return null;
  }
  return origin;
}
const target = parentOrigin();
function post(message) {
  if (target) window.parent.postMessage(Object.assign({ source: "lu-integration-wizard", flow, lang }, message), target);
}

function text(tag, content, attrs) {
  const node = document.createElement(tag);
  node.textContent = content;
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

if (!lang || !flow) {
  // a clear error, in the language asked for, or in every language when that one is unknown
  const langs = lang ? [lang] : LANGS;
  document.documentElement.lang = langs[0];
  document.title = langs.map((l) => WORDS[l].embed_title).join(" / ");
  for (const l of langs) {
    const words = WORDS[l];
    const problem = lang ? words.embed_error_flow.replace("{flow}", asked.flow).replace("{flows}", FLOWS.join(", "))
      : words.embed_error_lang.replace("{lang}", asked.lang).replace("{langs}", LANGS.join(", "));
    const box = text("div", "", { lang: l, role: "alert", class: "error" });
    box.append(text("h1", words.embed_title), text("p", problem));
    main.appendChild(box);
  }
  post({ type: "error", reason: lang ? "flow" : "lang" });
} else {
  document.documentElement.lang = lang;
  document.title = `${WORDS[lang].flows[flow]} – ${WORDS[lang].embed_title}`;
  main.appendChild(text("h1", WORDS[lang].flows[flow], { class: "title" }));
  const wizard = document.createElement("lu-integration-wizard");
  wizard.setAttribute("flow", flow);
  wizard.setAttribute("lang", lang);
  const today = query.get("today");
  if (today && /^\d{4}-\d{2}-\d{2}$/.test(today)) wizard.setAttribute("today", today);
  main.appendChild(wizard);
  for (const kind of ["lu-wizard-step", "lu-wizard-outcome"]) {
    wizard.addEventListener(kind, (event) => {
      const d = event.detail;
      post({ type: kind === "lu-wizard-step" ? "step" : "outcome", question: d.question, step: d.step, outcome: d.outcome });
    });
  }
}

// The height of the content, not of the frame: it grows and shrinks with each step.
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(main.getBoundingClientRect().height);
  if (height !== last) { last = height; post({ type: "height", height }); }
}).observe(main);
