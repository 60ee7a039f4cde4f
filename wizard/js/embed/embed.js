// Iframe embedding: reads ?flow=&lang=(&parent=<origin>), shows the wizard and
// tells the parent page its height and the step/outcome events (never the answers).
import "../wizard-v1.js";

const query = new URLSearchParams(location.search);
const flow = "__WIZARD_FLOWS__".includes(query.get("flow")) ? query.get("flow") : "route"; // the build writes the flow ids here
const lang = "__WIZARD_LANGUAGES__".includes(query.get("lang")) ? query.get("lang") : "fr"; // and the languages here
// the parent's origin, when given, restricts who may read our messages
const parentParam = query.get("parent") || "";
let target = "*";
try {
  const origin = new URL(parentParam).origin;
  if (/^https?:\/\//.test(origin)) target = origin;
} catch (e) { /* no or bad origin: messages carry no personal data, so "*" is acceptable */ }

document.documentElement.lang = lang;
const wizard = document.createElement("lu-integration-wizard");
wizard.setAttribute("flow", flow);
wizard.setAttribute("lang", lang);
if (query.get("today") && /^\d{4}-\d{2}-\d{2}$/.test(query.get("today"))) wizard.setAttribute("today", query.get("today"));
document.getElementById("wizard").appendChild(wizard);

function post(message) {
  if (window.parent !== window) window.parent.postMessage(Object.assign({ source: "lu-integration-wizard", flow, lang }, message), target);
}
let last = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== last) { last = height; post({ type: "height", height }); }
}).observe(document.body);
for (const kind of ["lu-wizard-step", "lu-wizard-outcome"]) {
  wizard.addEventListener(kind, (event) => {
    const d = event.detail;
    post({ type: kind === "lu-wizard-step" ? "step" : "outcome", question: d.question, step: d.step, outcome: d.outcome });
  });
}
