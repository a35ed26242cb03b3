// Keep the reader on the same section when switching language (the theme's switcher drops #fragments),
// open a collapsed Chinese original when a link points inside it, and print originals open.
// One way to copy text, for the citation buttons and the section and paragraph links: the clipboard API where
// the page is a secure context, else a hidden text area and the copy command.
function siteCopyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  return new Promise(function (resolve, reject) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "site-copy-buffer";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (error) {
      ok = false;
    }
    area.remove();
    if (ok) resolve();
    else reject(new Error("copy refused"));
  });
}

// The words site.js shows in `lang` ("zh" or "en"), from site/lang.py: main.html writes both languages' into
// every page.
function siteWords(lang) {
  try {
    return JSON.parse(document.getElementById("site-words").textContent)[lang] || {};
  } catch (error) {
    return {}; // a page without them (a theme-only build): no words rather than no script
  }
}

(function () {
  "use strict";

  // == Language switch keeps the place ==
  // With a #fragment the switch carries it; without one (the reader scrolled), the nearest section heading or
  // paragraph above the top of the screen is the place (ids are the same in both languages).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    var fragment = window.location.hash || readingPlace();
    if (!fragment) return;
    event.preventDefault();
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.hash = fragment;
    window.location.assign(url.href);
  });

  // "#id" of the last visible heading or paragraph that starts above a line just under the header ("" if none).
  function readingPlace() {
    var header = document.querySelector(".md-header");
    var line = (header ? header.getBoundingClientRect().bottom : 0) + 24;
    var place = "";
    var candidates = document.querySelectorAll(
      "article h2[id], article h3[id], article h4[id], article h5[id], article h6[id], article p.para[id], " +
        "article .pair[data-para]"
    );
    for (var i = 0; i < candidates.length; i++) {
      var rect = candidates[i].getBoundingClientRect();
      if (rect.height === 0) continue; // inside a closed original
      if (rect.top > line) break;
      place = "#" + (candidates[i].dataset.para || candidates[i].id); // a pair's id is on its Chinese
    }
    return place;
  }

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

// ---- Citations (issue 12; the blocks are written by site/cite.py) ----
// Fill in the access date in each format's convention, show the copy buttons, and cite one paragraph: after its
// ¶ is clicked (or the address names it) a "cite this paragraph" link appears beside the ¶ and points every
// citation's URL at that paragraph.
(function () {
  "use strict";

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  function citationDate(style, date) {
    if (style === "apa") return MONTHS[date.getMonth()] + " " + date.getDate() + ", " + date.getFullYear();
    var month = date.getMonth() + 1, day = date.getDate();
    return date.getFullYear() + "-" + (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;
  }

  function setCitationScope(block, paragraphId) {
    var base = block.dataset.url;
    block.querySelectorAll(".cite-url").forEach(function (span) {
      span.textContent = paragraphId ? base + "#" + paragraphId : base;
    });
    var scope = block.querySelector(".cite-scope");
    scope.hidden = !paragraphId;
    scope.querySelector(".cite-scope-text").textContent =
      paragraphId ? block.dataset.paraScope.replace("{id}", paragraphId) : "";
  }

  function setUpCitations(block) {
    var today = new Date();
    block.querySelectorAll(".cite-date").forEach(function (span) {
      span.textContent = citationDate(span.dataset.dateStyle, today);
    });
    var status = block.querySelector(".cite-status");
    block.querySelectorAll("button.cite-copy").forEach(function (button) { button.hidden = false; });
    block.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.classList.contains("cite-whole")) {
        setCitationScope(block, null);
        return;
      }
      var text = document.getElementById(button.dataset.copy);
      if (!text) return;
      siteCopyText(text.textContent).then(function () {
        status.textContent = block.dataset.copied + ": " + button.parentNode.querySelector(".citation-label").textContent;
      }, function () {
        window.getSelection().selectAllChildren(text);  // the reader can still copy by hand
      });
    });

    // One "cite this paragraph" link, moved beside the ¶ of the paragraph the reader is pointing at.
    var action = document.createElement("a");
    action.className = "para-cite";
    action.href = "#cite";
    action.textContent = block.dataset.paraAction;
    action.addEventListener("click", function () {
      if (action.dataset.paragraph) setCitationScope(block, action.dataset.paragraph);
    });
    // `element` is a paragraph, or a translated pair's Chinese (the paragraph's id is on it, issue 13).
    function offerFor(element) {
      if (!element) return;
      var paragraph = element.matches("p.para") ? element : element.querySelector(":scope > p.para");
      var holder = paragraph && (paragraph.id ? paragraph : paragraph.closest(".pair-zh[id]"));
      if (!holder) return;
      action.dataset.paragraph = holder.id;
      var permalink = paragraph.querySelector(".para-link");
      paragraph.insertBefore(action, permalink ? permalink.nextSibling : null);
    }
    document.addEventListener("click", function (event) {
      var permalink = event.target.closest && event.target.closest("a.para-link");
      if (permalink) offerFor(permalink.closest("p.para"));
    });
    function offerForHash() {
      var id;
      try {
        id = decodeURIComponent(window.location.hash.slice(1));
      } catch (error) {
        return;
      }
      if (id) offerFor(document.getElementById(id));
    }
    window.addEventListener("hashchange", offerForHash);
    offerForHash();
  }

  function start() {
    document.querySelectorAll(".citations").forEach(setUpCitations);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

// == Reading aids (issue 12): links that copy, definitions in place, all originals at once ==
(function () {
  "use strict";

  var english = document.documentElement.lang === "en";
  var WORDS = siteWords(english ? "en" : "zh");
  var CHINESE = siteWords("zh"); // the show/hide-all button on English pages names itself in both languages

  // -- A polite status message that disappears by itself.
  var toast = null;
  var toastTimer = 0;
  function say(text) {
    if (!toast) return;
    toast.textContent = text;
    toast.classList.add("site-toast--shown");
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(function () {
      toast.classList.remove("site-toast--shown");
    }, 2500);
  }

  // -- Links that copy: a section's # or a paragraph's ¶ puts the full URL on the clipboard and says so.
  function copyLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.headerlink, a.para-link");
      if (!link) return;
      var fragment = link.getAttribute("href") || "";
      if (fragment.charAt(0) !== "#") return;
      event.preventDefault();
      var url = window.location.origin + window.location.pathname + fragment;
      if (window.location.hash !== fragment) window.location.hash = fragment;
      siteCopyText(url).then(
        function () {
          say(WORDS.copied);
        },
        function () {
          say(WORDS.copyFailed + url);
        }
      );
    });
  }

  // -- Definitions in place: a glossary term shows its entry in a popover (tap on touch; hover or keyboard
  // focus elsewhere). Escape or a tap elsewhere closes it; focus is never moved into it or trapped.
  var popover = null;
  var owner = null;
  var closeTimer = 0;

  function span(className, text, lang) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    if (lang) el.lang = lang;
    return el;
  }

  function buildPopover() {
    popover = document.createElement("div");
    popover.id = "term-popover";
    popover.className = "term-popover";
    popover.setAttribute("role", "dialog");
    popover.hidden = true;
    popover.addEventListener("pointerenter", function () {
      window.clearTimeout(closeTimer);
    });
    popover.addEventListener("pointerleave", function (event) {
      if (event.pointerType === "mouse") closeSoon();
    });
    document.body.appendChild(popover);
  }

  function openTerm(link) {
    if (!popover) return;
    window.clearTimeout(closeTimer);
    if (owner === link && !popover.hidden) return;
    closeTerm();
    var data = link.dataset;
    var head = document.createElement("p");
    head.className = "term-popover__head";
    var main = english ? span("term-popover__term", data.termEn, "en") : span("term-popover__term", data.termZh);
    var other = english ? span("term-popover__other", data.termZh, "zh-Hans") : span("term-popover__other", data.termEn, "en");
    head.appendChild(main);
    head.appendChild(document.createTextNode(" "));
    head.appendChild(english ? other : span("term-popover__pinyin", data.termPinyin, "zh-Latn-pinyin"));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(english ? span("term-popover__pinyin", data.termPinyin, "zh-Latn-pinyin") : other);
    var definition = document.createElement("p");
    definition.className = "term-popover__def";
    definition.textContent = data.termDef;
    var more = document.createElement("a");
    more.className = "term-popover__more";
    more.href = link.href;
    more.textContent = WORDS.glossary + " →";
    popover.replaceChildren(head, definition, more);
    popover.setAttribute("aria-label", link.textContent);
    popover.hidden = false;
    owner = link;
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-describedby", "term-popover");
    place(link);
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = popover.offsetWidth;
    var height = popover.offsetHeight;
    var left = Math.min(Math.max(8, rect.left), window.innerWidth - width - 8);
    var below = rect.bottom + 6;
    var top = below + height > window.innerHeight && rect.top - height - 6 > 0 ? rect.top - height - 6 : below;
    popover.style.left = Math.max(8, left) + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
  }

  function closeTerm() {
    window.clearTimeout(closeTimer);
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    if (owner) {
      owner.setAttribute("aria-expanded", "false");
      owner.removeAttribute("aria-describedby");
    }
    owner = null;
  }

  function closeSoon() {
    window.clearTimeout(closeTimer);
    closeTimer = window.setTimeout(closeTerm, 300);
  }

  function termLink(target) {
    return target && target.closest ? target.closest("a.term[data-term-def]") : null;
  }

  function definitionsInPlace() {
    var terms = document.querySelectorAll("a.term[data-term-def]");
    if (!terms.length) return;
    buildPopover();
    terms.forEach(function (link) {
      link.setAttribute("aria-expanded", "false");
      link.setAttribute("aria-haspopup", "dialog");
    });
    // Mouse: hover opens; leaving the term and the popover closes (the pointer may cross into the popover).
    document.addEventListener("pointerover", function (event) {
      var link = termLink(event.target);
      if (link && event.pointerType === "mouse") openTerm(link);
    });
    document.addEventListener("pointerout", function (event) {
      var link = termLink(event.target);
      if (link && link === owner && event.pointerType === "mouse" && !popover.contains(event.relatedTarget)) {
        closeSoon();
      }
    });
    // Keyboard: focus opens (only when focus is visible, so that a tap is not taken for it); leaving closes.
    document.addEventListener("focusin", function (event) {
      var link = termLink(event.target);
      if (link && link.matches(":focus-visible")) openTerm(link);
      else if (owner && !popover.contains(event.target)) closeTerm();
    });
    // Tap or click: the first opens the definition; a second on the same term follows it to the glossary.
    document.addEventListener("click", function (event) {
      var link = termLink(event.target);
      if (!link) return;
      if (owner === link && !popover.hidden) return;
      event.preventDefault();
      openTerm(link);
    });
    // A tap or click anywhere else closes it.
    document.addEventListener("pointerdown", function (event) {
      if (owner && !popover.contains(event.target) && !termLink(event.target)) closeTerm();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !owner) return;
      var back = popover.contains(document.activeElement) ? owner : null;
      closeTerm();
      if (back) back.focus();
    });
    window.addEventListener("resize", closeTerm);
  }

  // -- Show or hide every Chinese original at once (English chapter pages).
  function allOriginals() {
    var originals = document.querySelectorAll("article details.original");
    if (!english || originals.length < 2) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button originals-toggle";
    function label() {
      var open = Array.prototype.every.call(originals, function (d) {
        return d.open;
      });
      button.replaceChildren(
        document.createTextNode(open ? WORDS.hideAll : WORDS.showAll),
        document.createTextNode(" · "),
        span("", open ? CHINESE.hideAll : CHINESE.showAll, "zh-Hans")
      );
      button.dataset.open = open ? "1" : "";
    }
    button.addEventListener("click", function () {
      var open = button.dataset.open === "1";
      originals.forEach(function (d) {
        d.open = !open;
      });
      label();
    });
    originals.forEach(function (d) {
      d.addEventListener("toggle", label);
    });
    label();
    var first = document.querySelector("article .chapter-meta") || originals[0];
    first.parentNode.insertBefore(button, first.nextSibling);
  }

  function start() {
    toast = document.createElement("div");
    toast.className = "site-toast";
    toast.setAttribute("role", "status");
    toast.setAttribute("aria-live", "polite");
    document.body.appendChild(toast);
    copyLinks();
    definitionsInPlace();
    allOriginals();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// ---- Search that forgives (issue 12) ----
// A pasted query searches (the theme reads the box on keyup only); each result group's top link opens the
// section that matched with the term highlighted (the theme's page link has an empty ?h= when only sections
// matched); a query that finds nothing offers the other language's search (overrides/partials/search.html).
(function () {
  "use strict";

  var input = document.querySelector("[data-md-component='search-query']");
  var result = document.querySelector("[data-md-component='search-result']");
  if (!input || !result) return;

  input.addEventListener("input", function () {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });

  function pointGroupsAtSections() {
    result.querySelectorAll("li.md-search-result__item").forEach(function (group) {
      var links = group.querySelectorAll("a.md-search-result__link");
      if (links.length < 2) return;
      var top = new URL(links[0].href);
      if (top.searchParams.get("h")) return;
      links[0].href = links[1].href;
    });
  }

  var offer = document.querySelector(".md-search__output .search-other-language");
  function offerOtherLanguage() {
    if (!offer) return;
    var query = input.value.trim();
    var none = query && !result.querySelector("li.md-search-result__item");
    var meta = result.querySelector(".md-search-result__meta");
    var ready = meta && !/…|\.\.\./.test(meta.textContent) && query;
    offer.hidden = !(none && ready);
    if (!offer.hidden) {
      var link = offer.querySelector("a");
      link.href = new URL(offer.dataset.href + "?q=" + encodeURIComponent(query), window.location.href).href;
    }
  }

  new MutationObserver(function () {
    pointGroupsAtSections();
    offerOtherLanguage();
  }).observe(result, { childList: true, subtree: true, characterData: true });
})();

// ---- Reading modes of a translated chapter (issue 13; the control is written by site/chapter.py) ----
// English only, English with the Chinese under each paragraph (the default), or side by side on wide screens;
// the choice is kept in localStorage and applies to every translated chapter, and to print.
(function () {
  "use strict";

  var KEY = "clusterdocs.reading-mode";
  var control = document.querySelector(".reading-modes");
  if (!control) return;
  var buttons = control.querySelectorAll("button[data-reading-mode]");
  var modes = Array.prototype.map.call(buttons, function (b) {
    return b.dataset.readingMode;
  });

  function stored() {
    try {
      return window.localStorage.getItem(KEY);
    } catch (error) {
      return null; // storage refused (private mode): the default, not remembered
    }
  }

  function apply(mode) {
    if (modes.indexOf(mode) < 0) mode = "stacked";
    document.documentElement.dataset.readingMode = mode;
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.readingMode === mode ? "true" : "false");
    });
  }

  buttons.forEach(function (b) {
    b.addEventListener("click", function () {
      apply(b.dataset.readingMode);
      try {
        window.localStorage.setItem(KEY, b.dataset.readingMode);
      } catch (error) {
        // not remembered; the page still switches
      }
    });
  });
  apply(stored());
  control.hidden = false;
})();

// ---- The English of a paragraph on the Chinese page (issue 12; the toggles are written by site/chapter.py) ----
// The Chinese page carries only the 英 toggles, each holding a link to its paragraph on the English page. On the
// first opening the English page is fetched (once: later toggles reuse the parsed page) and the toggle is filled
// with the paragraph's English from its pair there; if that fails the link stays, under a short message.
(function () {
  "use strict";

  if (!document.querySelector("details.para-en") || !window.fetch || !window.DOMParser) return;
  var WORDS = siteWords("zh"); // the toggles are on Chinese pages
  var pages = {}; // English page URL -> promise of its parsed document

  function englishPage(url) {
    if (!pages[url]) {
      pages[url] = fetch(url, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + " " + url);
          return response.text();
        })
        .then(function (text) {
          return new DOMParser().parseFromString(text, "text/html");
        });
      pages[url].catch(function () {
        delete pages[url]; // the next opening tries again
      });
    }
    return pages[url];
  }

  // The paragraph's English from the English page, made to fit here: its ¶ (the Chinese paragraph has one) and
  // glossary links (they belong to the English page's popovers) dropped, other links made absolute.
  function englishOf(doc, id, base) {
    var pairs = doc.querySelectorAll(".pair[data-para]");
    for (var i = 0; i < pairs.length; i++) {
      if (pairs[i].dataset.para !== id) continue;
      var english = pairs[i].querySelector(":scope > .pair-en");
      if (!english) return null;
      var copy = document.importNode(english, true);
      copy.querySelectorAll("a.para-link").forEach(function (a) {
        a.remove();
      });
      copy.querySelectorAll("a.term").forEach(function (a) {
        a.replaceWith.apply(a, Array.prototype.slice.call(a.childNodes));
      });
      copy.querySelectorAll("a[href]").forEach(function (a) {
        a.href = new URL(a.getAttribute("href"), base).href;
      });
      return copy;
    }
    return null;
  }

  function fill(details) {
    var box = details.querySelector(".para-en-text");
    var link = box && box.querySelector("a.para-en-link");
    if (!link || details.dataset.state === "loading") return;
    var url = new URL(link.href);
    var id = decodeURIComponent(url.hash.slice(1));
    url.hash = "";
    var status = document.createElement("p");
    status.className = "para-en-status";
    status.setAttribute("role", "status");
    status.textContent = WORDS.paraEnLoading;
    box.querySelectorAll(".para-en-status").forEach(function (old) {
      old.remove();
    });
    box.insertBefore(status, link);
    details.dataset.state = "loading";
    box.setAttribute("aria-busy", "true");
    englishPage(url.href)
      .then(function (doc) {
        var english = englishOf(doc, id, url.href);
        if (!english) throw new Error("no English for " + id);
        box.replaceChildren.apply(box, Array.prototype.slice.call(english.childNodes));
        box.lang = "en";
        details.dataset.state = "filled";
      })
      .catch(function () {
        status.textContent = WORDS.paraEnFailed;
        delete details.dataset.state;
      })
      .then(function () {
        box.removeAttribute("aria-busy");
      });
  }

  // `toggle` does not bubble: one listener on the document, in the capture phase, serves every toggle.
  document.addEventListener(
    "toggle",
    function (event) {
      var details = event.target;
      if (details.open && details.matches("details.para-en") && details.dataset.state !== "filled") fill(details);
    },
    true
  );
})();
