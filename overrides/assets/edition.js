// The reader's edition (issue 14): offline reading and the "report a problem" link's place.
// - Registers the service worker at the site's root (sw.js, written at build time by site/offline.py), then asks it
//   to keep this page and what it loaded (the first page is loaded before the worker is in charge).
// - The footer's "save for offline reading" asks the worker for every page of this language and shows progress.
// - The report link gets the section or paragraph the reader is at when they follow it.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = script ? new URL("../", script.src).href : null;  // this file is assets/edition.js

  // ---- Offline reading ----
  function sameSiteResources() {
    var urls = [window.location.href];
    performance.getEntriesByType("resource").forEach(function (entry) {
      if (entry.name.indexOf(root) === 0) urls.push(entry.name);
    });
    return urls;
  }

  function keepWhatLoaded(registration) {
    if (registration.active) registration.active.postMessage({ type: "keep", urls: sameSiteResources() });
  }

  function setUpSaveButton(registration) {
    var box = document.querySelector(".offline-save");
    if (!box) return;
    var button = box.querySelector("button");
    var status = box.querySelector(".offline-status");
    var lang = document.documentElement.lang.indexOf("zh") === 0 ? "zh" : "en";
    function fill(template, data) {
      return template.replace("{done}", data.done).replace("{total}", data.total).replace("{failed}", data.failed);
    }
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "offline-progress") {
        status.textContent = fill(box.dataset.saving, data);
      } else if (data.type === "offline-saved") {
        status.textContent = fill(data.failed ? box.dataset.failed : box.dataset.saved, data);
        button.disabled = false;
        box.dataset.state = data.failed ? "failed" : "saved";
      }
    });
    button.addEventListener("click", function () {
      button.disabled = true;
      box.dataset.state = "saving";
      status.textContent = fill(box.dataset.saving, { done: 0, total: "…", failed: 0 });
      navigator.serviceWorker.ready.then(function (ready) {
        ready.active.postMessage({ type: "save", lang: lang });
      });
    });
    box.hidden = false;
  }

  if (root && "serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register(root + "sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      setUpSaveButton(registration);
      keepWhatLoaded(registration);
      // What loaded later (the search index and its worker on the first search) is kept when the reader leaves.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") keepWhatLoaded(registration);
      });
    }).catch(function () { /* no offline reading in this browser: the button stays hidden */ });
  }

  // ---- Report a problem: with the place the reader is at ----
  // The place is the section or paragraph the address names (#s3-p2), else the one holding the text the reader
  // last selected (select the faulty words, then follow the link).
  var selectedPlace = "";
  document.addEventListener("selectionchange", function () {
    var selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.anchorNode) return;
    var node = selection.anchorNode.nodeType === 1 ? selection.anchorNode : selection.anchorNode.parentElement;
    var holder = node && node.closest && node.closest("article [data-para], article [id]");
    if (holder) selectedPlace = "#" + (holder.dataset.para || holder.id);
  });
  function reportHref(link) {
    var place = window.location.hash || selectedPlace;
    var body = link.dataset.body.replace(
      "{place}\n", place ? link.dataset.place.replace("{id}", place) + "\n" : ""
    );
    return link.dataset.issue + "?title=" + encodeURIComponent(link.dataset.title) +
      "&body=" + encodeURIComponent(body);
  }
  ["click", "auxclick", "contextmenu", "focusin"].forEach(function (kind) {
    document.addEventListener(kind, function (event) {
      var link = event.target && event.target.closest && event.target.closest("a.report-problem");
      if (link) link.href = reportHref(link);
    }, true);
  });
})();
