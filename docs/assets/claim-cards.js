// A card per claim. Hovering, focusing (keyboard) or tapping a claim's marker opens a card that leads
// with what the claim's note leads with (who, how the article attributes the words, both judgements
// with what they mean), then, behind "Details", the rest of the note (what was said beside the
// article's words, the editor's note, further reading, the source with its best link), a link to
// copy and a link to the full note. Everything is read from the page's own markup: the passage (its
// id is the claim's), the claim's note (`cite:` + that id, whose `.claim-lead` and `.claim-details`
// the card shows), the source's entry in the list and the keys to the judgements above the list.
// Other footnotes (`a.footnote-ref`, as Markdown writes them) get a card with their note.
//
// While a card is open, its passage (exactly the quoted words) is highlighted. On a desktop the card
// goes below or above the passage, never over it nor under the page's fixed header; on a narrow
// screen it is a sheet at the bottom, the passage kept in view above it, and a close button, Esc or
// a tap outside it (which then does nothing else) closes it.
//
// The keyboard: focusing a marker opens its card, whose links stay out of the Tab order until the
// reader enters the card (Enter or an arrow key on the marker, as a disclosure); then Tab moves
// within the card and Esc leaves it, the focus back on the marker. A mouse click or a second tap on
// the marker follows its link to the claim's note, which is what the marker does without this script.
//
// Landing on the page from a search result that names no place in it (`?h=words`, the theme's search
// highlighting), the first passage or paragraph of the text holding the words is brought into view
// and highlighted.
(function () {
  "use strict";

  var MARKERS = "a.claim-marker, a.footnote-ref";
  var FOCUSABLE = "a[href], button, summary, input, [tabindex]";
  var OPEN_DELAY = 150, CLOSE_DELAY = 300; // milliseconds of hovering before a card opens or closes
  var GAP = 8; // pixels between a card and its passage, and the edges of the window
  var SHEET = window.matchMedia("(max-width: 44.9375em)");

  var card, title, body, marker = null, passage = null, pinned = false, hovering = false, returning = false;
  var entered = false, timer = 0, lastPointer = "";

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

  function line(className, children) {
    var node = element("div", className);
    node.append.apply(node, children);
    return node;
  }

  function cloned(selector, within) {
    var found = within && within.querySelector(selector);
    return found ? [found.cloneNode(true)] : [];
  }

  // The source's citation, from the list of sources, with only its first (best) link.
  function source(entry) {
    var link = entry.querySelector(".claim-source a[href^='#']");
    var item = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
    var citation = item && item.querySelector(".source-citation");
    if (!citation) return cloned(".claim-source", entry);
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

  // "Corrected 7 December 2026" (or "Withdrawn …") for each of a claim's notices: the lead says that it changed, the
  // details say what and why.
  function noticeHeads(entry) {
    var heads = Array.from(entry.querySelectorAll(".claim-notice > strong"), function (strong) {
      return strong.textContent.trim();
    });
    return heads.length ? [heads.join("; ") + " (what and why: details)"] : [];
  }

  // The card of a claim: its lead, then its details behind a disclosure, then the links to copy and to the note.
  function claimCard(link, entry) {
    var id = entry.id.slice("cite:".length);
    var lead = [
      line("", cloned(".attribution-who", entry)),
      line("", cloned(".attribution-how", entry)),
      line("", judgement(entry, ".attribution-source-seen")),
      line("", judgement(entry, ".attribution-wording")),
      line("claim-card__notice", noticeHeads(entry))
    ];
    var details = entry.querySelector(".claim-details"), more = cloned(".claim-notices", entry);
    if (details) {
      Array.from(details.children).forEach(function (part) {
        if (!part.matches(".claim-source")) more.push(part.cloneNode(true));
      });
      more = more.concat(source(entry));
    }
    var parts = lead.concat(more.length ? [disclosure(more)] : []);
    var copy = element("a", "copy-link", "Copy link to this quote");
    copy.href = "#" + id;
    var full = element("a", "", "Full note " + link.textContent.trim());
    full.href = "#" + entry.id;
    parts.push(line("claim-card__actions", [copy, " ", full]));
    return parts.filter(function (part) { return part && part.childNodes.length; });
  }

  function disclosure(parts) {
    var details = element("details", "claim-card__details");
    details.addEventListener("toggle", function () { if (isOpen()) place(); }); // a longer card: placed again
    var summary = element("summary", "", "Details: what was said, the note, the source");
    details.append(summary);
    parts.forEach(function (part) { details.append(part); });
    return details;
  }

  function noteCard(entry) {
    var copy = entry.cloneNode(true);
    copy.removeAttribute("id");
    copy.querySelectorAll(".footnote-backref").forEach(function (node) { node.remove(); });
    return [line("", Array.from(copy.childNodes))];
  }

  // The card's controls join the Tab order only once the reader has entered the card.
  function enter(isEntered) {
    entered = isEntered;
    card.querySelectorAll(FOCUSABLE).forEach(function (node) {
      if (isEntered) node.removeAttribute("tabindex"); else node.setAttribute("tabindex", "-1");
    });
  }

  function focusables() {
    return Array.from(card.querySelectorAll(FOCUSABLE)).filter(function (node) {
      var closed = node.closest("details:not([open])"); // a closed disclosure: its summary alone
      return (!closed || node.parentElement === closed && node.matches("summary")) && node.getClientRects().length > 0;
    });
  }

  function passageOf(link) {
    var sup = link.parentElement;
    return sup && sup.id && sup.id.indexOf("fnref:") === 0 ? document.getElementById(sup.id.slice(6)) : null;
  }

  function show(link, isPinned) {
    var entry = target(link);
    if (!entry) return;
    clearTimeout(timer);
    if (!card) build();
    if (marker && marker !== link) marker.setAttribute("aria-expanded", "false");
    if (passage) passage.classList.remove("annotated-passage--open");
    marker = link;
    pinned = isPinned;
    title.textContent = link.getAttribute("aria-label") || "Footnote " + link.textContent;
    body.replaceChildren.apply(body, link.matches(".claim-marker") ? claimCard(link, entry) : noteCard(entry));
    link.parentElement.after(card);
    link.setAttribute("aria-controls", card.id);
    link.setAttribute("aria-expanded", "true");
    passage = passageOf(link);
    if (passage) passage.classList.add("annotated-passage--open");
    enter(false);
    card.hidden = false;
    place();
    document.dispatchEvent(new CustomEvent("claimcard", { detail: { open: true, passage: passage } }));
  }

  function hide(returnFocus) {
    clearTimeout(timer);
    if (!card || card.hidden) return;
    var focusWasInside = card.contains(document.activeElement);
    card.hidden = true;
    enter(false);
    marker.setAttribute("aria-expanded", "false");
    if (passage) passage.classList.remove("annotated-passage--open");
    document.dispatchEvent(new CustomEvent("claimcard", { detail: { open: false, passage: passage } }));
    passage = null;
    if (returnFocus || focusWasInside) {
      returning = true; // the focus comes back to the marker: that does not open its card again
      marker.focus({ preventScroll: true });
      returning = false;
    }
  }

  function isOpen() {
    return card && !card.hidden;
  }

  // The bottom of whatever is fixed or sticky at the top of the window (the page's header), 0 if nothing is.
  function headerBottom() {
    var bottom = 0;
    document.querySelectorAll("header").forEach(function (header) {
      var position = getComputedStyle(header).position, box = header.getBoundingClientRect();
      if ((position === "fixed" || position === "sticky") && box.top <= 0 && box.bottom > bottom) bottom = box.bottom;
    });
    return bottom;
  }

  // The box of the passage's words (or of the marker alone), in the window's coordinates.
  function wordsBox() {
    var rects = Array.from((passage || marker).getClientRects());
    return rects.reduce(function (box, rect) {
      return { top: Math.min(box.top, rect.top), bottom: Math.max(box.bottom, rect.bottom),
               left: Math.min(box.left, rect.left), right: Math.max(box.right, rect.right) };
    }, marker.getBoundingClientRect());
  }

  // Below the passage (above it if there is more room there), inside the window and below its header, never
  // over the words; or a sheet at the bottom.
  function place() {
    var sheet = SHEET.matches;
    card.classList.toggle("claim-card--sheet", sheet);
    card.style.left = card.style.top = card.style.maxHeight = "";
    if (sheet) {
      marker.style.scrollMarginBottom = card.offsetHeight + 16 + "px";
      (passage || marker).scrollIntoView({ block: "nearest", behavior: "instant" });
      marker.scrollIntoView({ block: "nearest", behavior: "instant" });
      return;
    }
    var words = wordsBox(), origin = card.offsetParent.getBoundingClientRect(), top = headerBottom();
    var below = window.innerHeight - words.bottom - 2 * GAP, above = words.top - top - 2 * GAP;
    var height = card.offsetHeight, downwards = height <= below || below >= above;
    if (height > (downwards ? below : above)) { // the card's own content scrolls: it never leaves the window
      card.style.maxHeight = Math.max(downwards ? below : above, 0) + "px";
      height = card.offsetHeight;
    }
    var at = marker.getBoundingClientRect();
    var left = Math.max(GAP, Math.min(at.left - 16, document.documentElement.clientWidth - card.offsetWidth - GAP));
    card.style.left = left - origin.left + "px";
    card.style.top = (downwards ? words.bottom + GAP : words.top - GAP - height) - origin.top + "px";
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

  var ENTER_KEYS = ["Enter", "ArrowDown", "ArrowRight"];

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var link = event.target.closest && event.target.closest(MARKERS);
    if (event.key === "Escape" && isOpen()) {
      event.stopPropagation();
      hide(true);
    } else if (link && ENTER_KEYS.indexOf(event.key) >= 0 && !event.shiftKey) {
      // Into the card, as into a disclosure: open it if it is not, then focus its first control.
      event.preventDefault();
      if (!(link === marker && isOpen())) show(link, true);
      enter(true);
      var first = focusables()[1] || focusables()[0]; // the first control of its body, else Close
      if (first) first.focus();
    } else if (event.key === "Tab" && entered && isOpen() && card.contains(event.target)) {
      var controls = focusables(), index = controls.indexOf(event.target);
      var next = controls[(index + (event.shiftKey ? -1 : 1) + controls.length) % controls.length];
      if (next) {
        event.preventDefault();
        next.focus();
      }
    }
  }, true);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(MARKERS);
    if (link) {
      // A click with no pointer (a screen reader's) or a mouse click follows the link; a first tap opens the card.
      if (event.detail !== 0 && lastPointer === "touch" && !(link === marker && isOpen())) {
        event.preventDefault();
        show(link, true);
        link.focus({ preventScroll: true });
      } else {
        hide(false);
      }
    } else if (isOpen() && card.contains(event.target)) {
      pinned = true; // a card the reader works in has been entered: it stays open until closed
      if (!entered) enter(true);
    } else if (isOpen()) {
      if (lastPointer === "touch") {
        event.preventDefault(); // the tap closes the card, and follows no link under it
        event.stopPropagation();
      }
      hide(false);
    }
  }, true);

  // Another script (the margin notes) opens a claim's card, as a tap does.
  document.addEventListener("claimcard:open", function (event) {
    var link = event.detail && event.detail.marker;
    if (link && link.matches(MARKERS)) show(link, true);
  });

  window.addEventListener("scroll", function () {
    if (!isOpen()) return;
    var at = marker.getBoundingClientRect();
    var bottom = card.classList.contains("claim-card--sheet") ? card.getBoundingClientRect().top : window.innerHeight;
    if (at.bottom < 0 || at.top > bottom) hide(false);
  }, { passive: true });

  window.addEventListener("resize", function () {
    if (isOpen()) place();
  });

  // Landing from a search result on the page itself: onto the first passage or paragraph that holds the words.
  function landOnSearchedWords() {
    var words = (new URLSearchParams(window.location.search).get("h") || "").toLowerCase().split(/[\s\-]+/)
      .filter(function (word) { return word.length > 1; });
    if (!words.length || window.location.hash) return;
    var notes = document.querySelector(".annotation-notes");
    var content = notes && notes.parentElement;
    if (!content) return;
    var candidates = content.querySelectorAll(":scope > p[id], :scope > ul > li, :scope > ol > li, .annotated-passage");
    var found = null;
    for (var i = 0; i < candidates.length && !found; i++) {
      var text = candidates[i].textContent.toLowerCase();
      if (words.some(function (word) { return text.indexOf(word) >= 0; })) found = candidates[i];
    }
    if (!found) return;
    var inner = found.querySelector && Array.from(found.querySelectorAll(".annotated-passage")).filter(function (node) {
      var text = node.textContent.toLowerCase();
      return words.some(function (word) { return text.indexOf(word) >= 0; });
    })[0];
    found = inner || found;
    found.classList.add("search-landed");
    found.scrollIntoView({ block: "center", behavior: "instant" });
  }

  // Paper has no disclosure to open: what the editors know of the article's provenance prints whole.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.dateline-details").forEach(function (details) { details.open = true; });
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", landOnSearchedWords);
  else landOnSearchedWords();
})();
