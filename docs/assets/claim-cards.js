// A card per claim. Hovering, focusing (keyboard) or tapping a footnote marker opens a card that
// says what the footnote list says about that one claim: the quoted words, who, how, both
// judgements (where the source was seen, how the article's words compare with it, each with what
// it means), what was said beside the article's words, the editor's note, the source with its best
// link, a link to copy and a link to the full footnote. Everything is read from the page's own
// markup: the passage (its id is the claim's), the claim's entry in the list (`cite:` + that id) and
// the keys to the judgements at the top of the list. Other footnotes (`a.footnote-ref`, as Markdown
// writes them) get a card with their note.
//
// On a narrow screen the card is a sheet at the bottom, the passage is kept in view above it, and a
// close button, Esc or a tap outside it (which then does nothing else) closes it. Esc closes any
// card and returns the focus to its marker; the pointer can move from the marker onto the card.
// A mouse click, Enter, or a second tap on the marker follows its link to the claim in the list,
// which is what the marker does without this script.
(function () {
  "use strict";

  var MARKERS = "a.claim-marker, a.footnote-ref";
  var OPEN_DELAY = 150, CLOSE_DELAY = 300; // milliseconds of hovering before a card opens or closes
  var SHEET = window.matchMedia("(max-width: 44.9375em)");

  var card, title, body, marker = null, pinned = false, hovering = false, returning = false, timer = 0;
  var lastPointer = "";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function build() {
    card = element("div", "claim-card");
    card.id = "claim-card";
    card.setAttribute("role", "dialog");
    card.setAttribute("aria-labelledby", "claim-card-title");
    card.hidden = true;
    var bar = element("div", "claim-card__bar");
    title = element("span", "claim-card__title");
    title.id = "claim-card-title";
    var close = element("button", "claim-card__close", "Close");
    close.type = "button";
    close.addEventListener("click", function () { hide(true); });
    bar.append(title, close);
    body = element("div", "claim-card__body");
    card.append(bar, body);
  }

  // The element the marker's link leads to. Its hash holds the id percent-encoded where the id has characters an
  // address cannot (`fn:%C3%A9`), or as it is where a `%` is not followed by two hex digits (`fn:50%`), which
  // decodeURIComponent refuses with an exception.
  function target(link) {
    var id = link.hash.slice(1), decoded = id;
    try {
      decoded = decodeURIComponent(id);
    } catch (error) {
      if (!(error instanceof URIError)) throw error;
    }
    return document.getElementById(decoded) || document.getElementById(id);
  }

  // The passage's words without the markers inside it, shortened to about forty words.
  function quotedWords(passage) {
    var copy = passage.cloneNode(true);
    copy.querySelectorAll(".annotation-marker, .claim-card, .paragraph-link").forEach(function (node) { node.remove(); });
    var words = copy.textContent.trim().split(/\s+/);
    return words.length > 40 ? words.slice(0, 36).join(" ") + " …" : words.join(" ");
  }

  function line(className, children) {
    var node = element("div", className);
    node.append.apply(node, children);
    return node;
  }

  function cloned(selector, within) {
    var found = within && within.querySelector(selector);
    return found ? [found.cloneNode(true)] : [];
  }

  // The source's citation with only its first (best) link.
  function source(entry) {
    var citation = entry.parentElement.closest("li");
    citation = citation && citation.querySelector(".source-citation");
    if (!citation) return [];
    var copy = citation.cloneNode(true);
    var links = copy.querySelector(".source-links");
    if (links) {
      var best = links.querySelector("a"), kind = best.nextElementSibling;
      links.replaceChildren("Read: ", best);
      if (kind && kind.matches(".link-kind")) links.append(" ", kind);
      links.append(".");
    }
    return [line("claim-card__source", [element("span", "label", "Source:"), " "].concat(Array.from(copy.childNodes)))];
  }

  // A judgement's badge, cloned from the entry, with what it means from the key ("judgement--VALUE").
  function judgement(entry, selector) {
    var found = cloned(selector, entry), badge = found[0] && found[0].querySelector(".judgement");
    var key = badge && document.querySelector(".judgement-key ." + badge.classList[1]);
    var words = key && key.nextElementSibling;
    return words ? found.concat([" ", element("span", "claim-card__meaning", "(" + words.textContent + ")")]) : found;
  }

  function claimCard(link, entry) {
    var id = entry.id.slice("cite:".length), passage = document.getElementById(id);
    var parts = [
      passage ? line("claim-card__quote", [quotedWords(passage)]) : null,
      line("", cloned(".claim-notices", entry)),
      line("", cloned(".attribution-who", entry)),
      line("", cloned(".attribution-how", entry)),
      line("", judgement(entry, ".attribution-source-seen")),
      line("", judgement(entry, ".attribution-wording")),
      line("", cloned(".said", entry)),
      line("", cloned(".editor-note", entry))
    ].concat(source(entry));
    var copy = element("a", "copy-link", "Copy link to this quote");
    copy.href = "#" + id;
    var full = element("a", "", "Full footnote " + link.getAttribute("aria-label").replace(/^Footnote /, ""));
    full.href = "#" + entry.id;
    parts.push(line("claim-card__actions", [copy, " ", full]));
    return parts.filter(function (part) { return part && part.childNodes.length; });
  }

  function noteCard(entry) {
    var copy = entry.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll(".footnote-backref").forEach(function (node) { node.remove(); });
    return [line("", Array.from(copy.childNodes))];
  }

  function show(link, isPinned) {
    var entry = target(link);
    if (!entry) return;
    clearTimeout(timer);
    if (!card) build();
    if (marker && marker !== link) marker.setAttribute("aria-expanded", "false");
    marker = link;
    pinned = isPinned;
    title.textContent = link.getAttribute("aria-label") || "Footnote " + link.textContent;
    body.replaceChildren.apply(body, link.matches(".claim-marker") ? claimCard(link, entry) : noteCard(entry));
    link.parentElement.after(card);
    link.setAttribute("aria-controls", card.id);
    link.setAttribute("aria-expanded", "true");
    card.hidden = false;
    place();
  }

  function hide(returnFocus) {
    clearTimeout(timer);
    if (!card || card.hidden) return;
    var focusWasInside = card.contains(document.activeElement);
    card.hidden = true;
    marker.setAttribute("aria-expanded", "false");
    if (returnFocus || focusWasInside) {
      returning = true; // the focus comes back to the marker: that does not open its card again
      marker.focus({ preventScroll: true });
      returning = false;
    }
  }

  function isOpen() {
    return card && !card.hidden;
  }

  // Below the marker (above it if there is no room), inside the window; or a sheet at the bottom.
  function place() {
    var sheet = SHEET.matches;
    card.classList.toggle("claim-card--sheet", sheet);
    card.style.left = card.style.top = card.style.maxHeight = "";
    if (sheet) {
      var passage = document.getElementById(marker.parentElement.id.replace(/^fnref:/, ""));
      marker.style.scrollMarginBottom = card.offsetHeight + 16 + "px";
      (passage || marker).scrollIntoView({ block: "nearest", behavior: "instant" });
      marker.scrollIntoView({ block: "nearest", behavior: "instant" });
      return;
    }
    card.style.maxHeight = "";
    var at = marker.getBoundingClientRect(), origin = card.offsetParent.getBoundingClientRect();
    var below = window.innerHeight - at.bottom - 12, above = at.top - 12, height = card.offsetHeight;
    var downwards = height <= below || below >= above;
    if (height > (downwards ? below : above)) { // the card's own content scrolls: it never leaves the window
      card.style.maxHeight = (downwards ? below : above) + "px";
      height = card.offsetHeight;
    }
    var left = Math.max(8, Math.min(at.left - 16, document.documentElement.clientWidth - card.offsetWidth - 8));
    card.style.left = left - origin.left + "px";
    card.style.top = (downwards ? at.bottom + 4 : at.top - 4 - height) - origin.top + "px";
  }

  // A card stays open while the pointer is on its marker or on it, or the focus is in either;
  // a card opened by a tap stays until it is closed, or its marker is scrolled out of view.
  function closeUnlessInUse() {
    if (!isOpen() || pinned || hovering) return;
    var focused = document.activeElement;
    if (focused !== marker && !card.contains(focused)) hide(false);
  }

  function later(action, delay) {
    clearTimeout(timer);
    timer = setTimeout(action, delay);
  }

  function inCardOrMarker(node) {
    return Boolean(node && node.closest && (node.closest(MARKERS) === marker || (card && card.contains(node))));
  }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    var link = event.target.closest(MARKERS);
    if (link && link !== marker || link && !isOpen()) {
      hovering = true;
      later(function () { show(link, false); }, OPEN_DELAY);
    } else if (inCardOrMarker(event.target)) {
      hovering = true;
      clearTimeout(timer);
    }
  });

  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || inCardOrMarker(event.relatedTarget)) return;
    if (event.target.closest(MARKERS) || inCardOrMarker(event.target)) {
      hovering = false;
      later(closeUnlessInUse, CLOSE_DELAY);
    }
  });

  document.addEventListener("focusin", function (event) {
    var link = event.target.closest && event.target.closest(MARKERS);
    if (link && !returning && link.matches(":focus-visible") && !(link === marker && isOpen())) show(link, false);
  });

  document.addEventListener("focusout", function () {
    setTimeout(closeUnlessInUse, 0);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      event.stopPropagation();
      hide(true);
    }
  }, true);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(MARKERS);
    if (link) {
      // A click from the keyboard has no pointer (detail 0); a second tap follows the link.
      if (event.detail !== 0 && lastPointer === "touch" && !(link === marker && isOpen())) {
        event.preventDefault();
        show(link, true);
        link.focus({ preventScroll: true });
      } else {
        hide(false);
      }
    } else if (isOpen() && !card.contains(event.target)) {
      if (lastPointer === "touch") {
        event.preventDefault(); // the tap closes the card, and follows no link under it
        event.stopPropagation();
      }
      hide(false);
    }
  }, true);

  window.addEventListener("scroll", function () {
    if (!isOpen()) return;
    var at = marker.getBoundingClientRect();
    var bottom = card.classList.contains("claim-card--sheet") ? card.getBoundingClientRect().top : window.innerHeight;
    if (at.bottom < 0 || at.top > bottom) hide(false);
  }, { passive: true });

  window.addEventListener("resize", function () {
    if (isOpen()) place();
  });
})();
