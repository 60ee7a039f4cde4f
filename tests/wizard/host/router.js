// A minimal hash router like those of single-page portals: "#/<route>?<query>" picks a view.
window.__routes = [];
function route() {
  const path = location.hash.slice(1).split("?")[0] || "/";
  window.__routes.push(path);
  const view = document.getElementById("view");
  if (view) view.textContent = path === "/eligibility" ? "Eligibility view" : path === "/contact" ? "Contact view" : "Not found: " + path;
}
window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", route);
