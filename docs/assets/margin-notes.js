// Margin notes: on a screen wide enough for a column beside the text, each claim is shown there,
// beside its passage: its number, who, how the article attributes the words, both judgements and
// its source in a few words, all read from the claim's note at the end of the page. A click on a
// note opens the claim's full card (claim-cards.js). Notes never overlap: where passages are close,
// the notes stack, each group placed as near its passages as it can be (the median of where its
// notes would go alone, which keeps the sum of their distances from their passages least).
//
// The notes repeat what each marker's card and the notes at the end say, for the eye: screen
// readers and the keyboard have those, so the column is hidden from them (and holds no control).
// On narrower screens there is no column, and the cards and the bottom sheet are what there is.
(function () {
  "use strict";

  var WIDE = window.matchMedia("(min-width: 76.25em)");
  var GAP = 8; // pixels between two notes

  var notes = document.querySelector(".annotation-notes");
  var content = notes && notes.parentElement;
  var markers = content ? Array.from(content.querySelectorAll("sup.annotation-marker > a.claim-marker")) : [];
  if (!markers.length) return;

  var column = null, shown = [], laidOut = false;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The text of a part of the note, without its label ("Who: ").
  function said(entry, selector) {
    var part = entry.querySelector(selector);
    if (!part) return "";
    var copy = part.cloneNode(true);
    copy.querySelectorAll(".label, .visually-hidden").forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function badge(entry, selector) {
    var found = entry.querySelector(selector + " .judgement");
    return found ? found.cloneNode(true) : "";
  }

  function noteOf(link) {
    var id = link.parentElement.id.slice("fnref:".length);
    var entry = document.getElementById("cite:" + id), passage = document.getElementById(id);
    if (!entry || !passage) return null;
    var note = element("div", "margin-note");
    note.dataset.claim = id;
    var head = element("p", "margin-note__head");
    head.append(element("span", "margin-note__number", link.textContent.trim()), " ",
                element("span", "margin-note__who", said(entry, ".attribution-who")));
    var judgements = element("p", "margin-note__judgements");
    judgements.append(badge(entry, ".attribution-source-seen"), " ", badge(entry, ".attribution-wording"));
    var source = said(entry, ".claim-source"), how = element("p", "margin-note__how");
    how.append(said(entry, ".attribution-how"));
    if (source) how.append(" · ", element("span", "margin-note__source", source));
    // A corrected or withdrawn claim says so beside its judgements, in a word ("Corrected 7 December 2026" on its card).
    var notice = entry.querySelector(".claim-notice strong");
    if (notice) judgements.append(" ", element("span", "margin-note__notice", notice.textContent.trim().split(" ")[0]));
    note.append(head, judgements, how);
    note.addEventListener("click", function () {
      document.dispatchEvent(new CustomEvent("claimcard:open", { detail: { marker: link } }));
    });
    note.addEventListener("pointerenter", function () { passage.classList.add("annotated-passage--noted"); });
    note.addEventListener("pointerleave", function () { passage.classList.remove("annotated-passage--noted"); });
    return { note: note, passage: passage, link: link };
  }

  function build() {
    column = element("aside", "margin-notes");
    column.setAttribute("aria-hidden", "true");
    shown = markers.map(noteOf).filter(Boolean);
    shown.forEach(function (item) { column.append(item.note); });
    content.append(column);
  }

  // Where each note would go alone: level with the first line of its passage.
  function wanted(item, origin) {
    var first = item.passage.getClientRects()[0] || item.passage.getBoundingClientRect();
    return first.top - origin;
  }

  function layout() {
    var wide = WIDE.matches;
    if (wide && !column) build();
    if (!column) return;
    if (wide !== laidOut) {
      content.classList.toggle("has-margin-notes", wide);
      column.hidden = !wide;
      laidOut = wide;
    }
    if (!wide) return;
    var origin = content.getBoundingClientRect().top;
    var items = shown.map(function (item) {
      return { item: item, want: wanted(item, origin), height: item.note.offsetHeight };
    }).sort(function (a, b) { return a.want - b.want; });
    // Groups of notes stacked without gaps between them but GAP; a group goes where the median of its notes'
    // wishes puts it, and merges with the group above when they would overlap.
    var groups = [];
    items.forEach(function (entry) {
      var group = { items: [entry], height: entry.height };
      group.top = entry.want;
      groups.push(group);
      while (groups.length > 1) {
        var last = groups[groups.length - 1], before = groups[groups.length - 2];
        if (before.top + before.height + GAP <= last.top) break;
        groups.pop();
        before.items = before.items.concat(last.items);
        before.height += GAP + last.height;
        before.top = median(before.items);
      }
    });
    var floor = 0;
    groups.forEach(function (group) {
      var top = Math.max(group.top, floor);
      group.items.forEach(function (entry) {
        entry.item.note.style.top = top + "px";
        top += entry.height + GAP;
      });
      floor = top;
    });
  }

  // The top of a group that puts its notes, stacked, nearest their passages in sum: the median of each note's wish
  // less its offset in the group.
  function median(items) {
    var offset = 0, wishes = items.map(function (entry) {
      var wish = entry.want - offset;
      offset += entry.height + GAP;
      return wish;
    }).sort(function (a, b) { return a - b; });
    return wishes[Math.floor((wishes.length - 1) / 2)];
  }

  document.addEventListener("claimcard", function (event) {
    shown.forEach(function (item) {
      item.note.classList.toggle("margin-note--open", event.detail.open && item.passage === event.detail.passage);
    });
  });

  layout();
  WIDE.addEventListener("change", layout);
  if (window.ResizeObserver) new ResizeObserver(function () { window.requestAnimationFrame(layout); }).observe(content);
  window.addEventListener("load", layout);
})();
