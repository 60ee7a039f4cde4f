/*
 * Search in the reader's language, loaded only when the reader uses it.
 * Runs before Material's bundle, which reads its configuration once.
 *
 * - Each language has its own search index (built by the lu-site plugin, sitebuild/plugin.py), so
 *   German pages are searched with the German stemmer, and so on. Material
 *   finds the index at <base>/search/search_index.json: point the base of a
 *   German or English page to its language folder.
 * - Material fetches the index and starts its search worker as every page
 *   loads. Here the index request waits until the reader opens the search
 *   (the header button, a keyboard shortcut, a focus on the search field),
 *   and the worker is a small stand-in that loads the real one with its
 *   first message (workers/search-on-demand.js). A reader who never searches
 *   downloads neither.
 * - Material also fetches the sitemap of every language on every page, to send
 *   a click on the language menu to the same page in the other language. The
 *   menu's links already point there (mkdocs-static-i18n writes them page by
 *   page), and the sitemaps grow with the site: that request is not sent.
 */
(function () {
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  var lang = document.documentElement.lang;
  if (lang === "de" || lang === "en") {
    // a folder URL needs its trailing slash, or "de" would resolve against its parent
    var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
    config.base = new URL(lang + "/", base).href;
  }
  if (config.search) {
    // the worker's address is relative to the page, like any Worker's
    var worker = new URL(config.search, location.href);
    var stub = new URL("search-on-demand.js", worker);
    config.search = stub.pathname + "#" + encodeURIComponent(worker.pathname);
  }
  element.textContent = JSON.stringify(config);

  var waiting = [];
  var used = false;
  function useSearch() {
    if (used) return;
    used = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var deferred = new WeakSet();
  var skipped = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url) {
    if (/\/search\/search_index\.json$/.test(String(url))) deferred.add(this);
    if (/\/sitemap\.xml$/.test(String(url))) skipped.add(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (skipped.has(request)) return undefined; // never answered: Material keeps the menu's own links
    if (used || !deferred.has(request)) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) useSearch();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches("input.md-search__input")) useSearch();
  }, true);
})();
