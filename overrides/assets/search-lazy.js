// A light first visit (issue 12): the search index and the search worker are loaded only when the reader
// starts to search — focus or a tap on the search box, the theme's search keys (/ s f), an address with ?q= or ?h= —
// not on every page view. Loaded before the theme's bundle, which then runs unchanged: its request for
// search/search_index.json waits here, and its worker is created on the first search.
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var started = false;
  var waiting = [];

  function startSearch() {
    if (started) return;
    started = true;
    document.documentElement.dataset.searchStarted = "";
    waiting.splice(0).forEach(function (run) { run(); });
  }

  // The index request: held until the first search.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.clusterdocsIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.clusterdocsIndex || started) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };

  // The search worker: a stand-in that creates the real worker on the first search and passes messages both ways.
  var RealWorker = window.Worker;
  function LazyWorker(url, options) {
    if (!RealWorker || !WORKER.test(String(url).split(/[?#]/)[0])) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var real = null;
    var queue = [];
    function create() {
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      real.addEventListener("error", function () { standIn.dispatchEvent(new Event("error")); });
      queue.splice(0).forEach(function (message) { real.postMessage(message); });
    }
    standIn.postMessage = function (message) {
      if (real) real.postMessage(message); else queue.push(message);
    };
    standIn.terminate = function () { if (real) real.terminate(); };
    if (started) create(); else waiting.push(create);
    return standIn;
  }
  if (RealWorker) window.Worker = LazyWorker;

  function isSearchBox(element) {
    return element && element.closest && element.closest("[data-md-component='search'], label[for='__search']");
  }
  document.addEventListener("focusin", function (event) { if (isSearchBox(event.target)) startSearch(); });
  document.addEventListener("pointerdown", function (event) { if (isSearchBox(event.target)) startSearch(); });
  document.addEventListener("keydown", function (event) {
    var field = event.target && event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (field || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f" || event.key === "S" || event.key === "F") startSearch();
  }, true);
  // An address with ?q= opens the search; one with ?h= (a search result) highlights the term, which the theme
  // does with the search index: both start the search at once.
  if (/[?&][qh]=/.test(window.location.search)) startSearch();
})();
