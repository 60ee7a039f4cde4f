/*
 * Each language has its own search index (built by sitebuild/hooks.py), so
 * German pages are searched with the German stemmer, and so on. Material
 * finds the index at <base>/search/search_index.json: point the base of a
 * German or English page to its language folder. Runs before Material's
 * bundle, which reads this configuration once at start.
 */
(function () {
  var element = document.getElementById("__config");
  var lang = document.documentElement.lang;
  if (!element || (lang !== "de" && lang !== "en")) return;
  var config = JSON.parse(element.textContent);
  // a folder URL needs its trailing slash, or "de" would resolve against its parent
  var base = new URL(config.base.replace(/\/?$/, "/"), location.href);
  config.base = new URL(lang + "/", base).href;
  element.textContent = JSON.stringify(config);
})();
