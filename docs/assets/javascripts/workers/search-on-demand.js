/*
 * A stand-in for Material's search worker (see search-language.js): it
 * costs a few hundred bytes on every page, and loads the real worker (lunr
 * and its stemmers) only when the first message arrives, that is once the
 * reader has used the search and the index has been fetched. It lives in
 * workers/ beside the real one because the real one finds the stemmers at
 * "../lunr", relative to the worker's own address.
 */
self.onmessage = function (event) {
  self.onmessage = null;
  importScripts(decodeURIComponent(self.location.hash.slice(1)));
  self.dispatchEvent(new MessageEvent("message", { data: event.data }));
};
