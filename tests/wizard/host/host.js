// The portal's own script (served from its own origin, allowed by its CSP):
// collects the wizard's events and resizes the iframe from its messages.
window.__events = [];
window.__frameMessages = [];
for (const type of ["lu-wizard-ready", "lu-wizard-step", "lu-wizard-outcome", "lu-wizard-error"]) {
  document.addEventListener(type, (e) => window.__events.push({ type: e.type, id: e.target.id, detail: e.detail }));
}
window.addEventListener("message", (event) => {
  // only trust messages from the origin that serves the wizard iframe
  if (event.origin !== window.location.origin) return;
  const data = event.data;
  if (!data || data.source !== "lu-integration-wizard") return;
  window.__frameMessages.push(data);
  if (data.type !== "height") return;
  for (const frame of document.querySelectorAll("iframe[data-lu-wizard]")) {
    if (frame.contentWindow === event.source) frame.style.height = Math.min(Math.max(Number(data.height) || 0, 50), 5000) + "px";
  }
});
// the iframe posts only to the exact origin given as parent (embed v1.1), here this page's own;
// only index.html holds the iframe (the router and blank hosts share this script)
document.addEventListener("DOMContentLoaded", () => {
  const frame = document.getElementById("frame");
  if (frame) frame.src = "/assets/wizard/embed/index.html?flow=subsidy&lang=de&parent=" + encodeURIComponent(location.origin);
});
