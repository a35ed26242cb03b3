// Keep the reader on the same section when switching language (the theme's switcher drops #fragments),
// open a collapsed Chinese original when a link points inside it, and print originals open.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link || !window.location.hash) return;
    event.preventDefault();
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.hash = window.location.hash;
    window.location.assign(url.href);
  });

  // The element a #fragment names; a malformed escape (#%E0%A4%A) names none rather than throwing.
  function hashTarget() {
    try {
      return document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    } catch (error) {
      return null;
    }
  }

  function revealTarget() {
    if (!window.location.hash) return;
    var target = hashTarget();
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  window.addEventListener("hashchange", revealTarget);

  // Printing a chapter prints every collapsed Chinese original open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.original:not([open])").forEach(function (d) {
      d.setAttribute("open", "");
      d.dataset.openedForPrint = "1";
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-for-print]").forEach(function (d) {
      d.removeAttribute("open");
      delete d.dataset.openedForPrint;
    });
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", revealTarget);
  } else {
    revealTarget();
  }
})();
