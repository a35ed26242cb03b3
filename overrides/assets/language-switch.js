// Keep the reader on the same section when switching language (the theme's switcher drops #fragments),
// and open a collapsed Chinese original when a link points inside it.
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

  function revealTarget() {
    if (!window.location.hash) return;
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target) return;
    var details = target.closest("details");
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }

  window.addEventListener("hashchange", revealTarget);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", revealTarget);
  } else {
    revealTarget();
  }
})();
