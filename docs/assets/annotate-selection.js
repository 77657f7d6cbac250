/* Annotate by selecting, under `make serve` only (a draft in mkdocs.yml: never published, nor in the offline
   edition). Select words of an article and a panel offers the YAML of a new annotation: a suggested `id`, `exact`
   (the words as published: the build's own text, read from this page's JSON), `prefix` or `suffix` only when the
   words occur more than once (the fewest words that make them unique, as the check matches them), and the other
   fields as the article file's schema gives them (hooks/annotated_article/site/annotate_selection.py). One click
   copies it. No inline script or style: the page's content policy allows this file as it allows the others. */
(function () {
  "use strict";

  var script = document.currentScript;
  var dataUrl = script && script.getAttribute("data-annotate");
  if (!dataUrl || !window.fetch) {
    return;
  }

  /* Typographic characters the check reads as their plain forms (anchoring._FOLD), one for one. */
  var FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "\u201f": "\"", "\u2033": "\"",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " "
  };
  /* What the annotations add to a paragraph, which is not the article's text. */
  var APPARATUS = ".annotation-marker, .paragraph-link, .address-alias, .claim-card";
  /* Elements that end a block's own running text (a list nested in a list item). */
  var BLOCKS = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DETAILS|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|TABLE|TD|TH|TR|UL)$/;
  /* Inline elements a quote may not start or end inside of, the passages of other annotations among them: the
     check refuses a quote that cuts through one. */
  var WHOLE = "em, strong, b, i, code, a:not(.actor-link), .annotated-passage";
  /* Inline elements a quote may not lie inside of at all. */
  var NEVER_INSIDE = "code, a:not(.actor-link)";
  var STOP_WORDS = ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it",
                    "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "will", "with"];

  var data = null;
  var paragraphs = {};  /* id -> [start, end] in data.text */
  var panel = null;
  var current = null;  /* the quote the panel shows: {exact, prefix, suffix, id, kind} */
  var timer = 0;

  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      out += FOLD[text[i]] || text[i];
    }
    return out;
  }

  function collapsed(text) {
    return fold(text).replace(/\s+/g, " ").trim();
  }

  /* Every place `needle` starts in `haystack`, overlaps included (model.occurrences). */
  function occurrences(haystack, needle) {
    var starts = [];
    var index = haystack.indexOf(needle);
    while (index !== -1) {
      starts.push(index);
      index = haystack.indexOf(needle, index + 1);
    }
    return starts;
  }

  /* anchoring._has_prefix and _has_suffix: the words end where the white space before `start` begins. */
  function hasPrefix(text, start, prefix) {
    while (start > 0 && /\s/.test(text[start - 1])) {
      start -= 1;
    }
    return !prefix || text.slice(0, start).endsWith(prefix);
  }

  function hasSuffix(text, end, suffix) {
    while (end < text.length && /\s/.test(text[end])) {
      end += 1;
    }
    return !suffix || text.startsWith(suffix, end);
  }

  /* The fewest words before (prefix) or after (suffix) the words at `start` that tell them apart from their other
     places; prefix first when both need as many. */
  function context(text, start, end) {
    var folded = fold(text);
    var exact = collapsed(text.slice(start, end));
    var places = occurrences(folded, exact);
    if (places.length <= 1) {
      return {};
    }
    var before = text.slice(0, start).trim().split(/\s+/).filter(Boolean);
    var after = text.slice(end).trim().split(/\s+/).filter(Boolean);
    for (var count = 1; count <= Math.max(before.length, after.length); count++) {
      if (count <= before.length) {
        var prefix = before.slice(-count).join(" ");
        var folding = collapsed(prefix);
        if (places.filter(function (place) { return hasPrefix(folded, place, folding); }).length === 1) {
          return {prefix: prefix};
        }
      }
      if (count <= after.length) {
        var suffix = after.slice(0, count).join(" ");
        var foldingSuffix = collapsed(suffix);
        if (places.filter(function (place) {
          return hasSuffix(folded, place + exact.length, foldingSuffix);
        }).length === 1) {
          return {suffix: suffix};
        }
      }
    }
    return {};
  }

  /* The text a reader sees of a block, as the build reads it (white space collapsed, the apparatus left out, up to
     the first block it holds), with where each node starts and ends in it. */
  function readBlock(block) {
    var text = "";
    var starts = new Map();
    var ends = new Map();
    var inline = [];
    var stopped = false;

    function add(piece) {
      for (var i = 0; i < piece.length; i++) {
        if (/\s/.test(piece[i])) {  /* as Python's \s: a no-break space too */
          if (text.length && text[text.length - 1] !== " ") {
            text += " ";
          }
        } else {
          text += piece[i];
        }
      }
    }

    function walk(node) {
      starts.set(node, text.length);
      if (node.nodeType === Node.TEXT_NODE) {
        var offsets = [];
        for (var i = 0; i < node.data.length; i++) {
          offsets.push(text.length);
          add(node.data[i]);
        }
        starts.set(node, offsets);
      } else if (node.nodeType === Node.ELEMENT_NODE && !node.matches(APPARATUS)) {
        if (node.tagName === "BR") {
          add(" ");
        }
        for (var child = node.firstChild; child && !stopped; child = child.nextSibling) {
          if (child.nodeType === Node.ELEMENT_NODE && BLOCKS.test(child.tagName)) {
            stopped = true;
            break;
          }
          walk(child);
        }
        if (node !== block && node.matches(WHOLE)) {
          inline.push({element: node, start: starts.get(node), end: text.length});
        }
      }
      ends.set(node, text.length);
    }

    walk(block);
    var length = text.replace(/ $/, "").length;

    /* Where a boundary point of a range falls in the block's text: inside the apparatus (a marker's number), where
       the apparatus stands; past the block's own text (in a list it holds), at its end. */
    function position(container, offset) {
      if (!starts.has(container)) {
        var read = container;
        while (read && read !== block && !starts.has(read)) {
          read = read.parentNode;
        }
        return read && read !== block ? Math.min(ends.get(read), length) : length;
      }
      if (container.nodeType === Node.TEXT_NODE) {
        var offsets = starts.get(container);
        return Math.min(offset < offsets.length ? offsets[offset] : ends.get(container), length);
      }
      var child = container.childNodes[offset];
      var found = child ? starts.get(child) : ends.get(container);
      if (typeof found !== "number") {
        found = Array.isArray(found) ? (found.length ? found[0] : ends.get(child)) : length;
      }
      return Math.min(found, length);
    }

    return {text: text.slice(0, length), position: position, inline: inline};
  }

  function isWordCharacter(text, index) {
    var character = text[index];
    if (character === undefined) {
      return false;
    }
    if (/[\p{L}\p{N}]/u.test(character)) {
      return true;
    }  /* an apostrophe or hyphen inside a word */
    return /['\u2019\u2011-]/.test(character) && /[\p{L}\p{N}]/u.test(text[index - 1] || "") &&
      /[\p{L}\p{N}]/u.test(text[index + 1] || "");
  }

  /* The blocks of running text the range takes words of, with where in each. */
  function blocksOf(range) {
    var found = [];
    Object.keys(paragraphs).forEach(function (id) {
      var block = document.getElementById(id);
      if (!block || !range.intersectsNode(block)) {
        return;
      }
      var read = readBlock(block);
      var start = block.contains(range.startContainer) ? read.position(range.startContainer, range.startOffset) : 0;
      var end = block.contains(range.endContainer) ? read.position(range.endContainer, range.endOffset)
        : read.text.length;
      if (range.comparePoint(block, 0) > 0) {  /* the block comes after the range */
        return;
      }
      if (read.text.slice(start, end).trim()) {
        found.push({id: id, block: block, read: read, start: start, end: end});
      }
    });
    return found;
  }

  /* The selection widened to whole words, and to whole emphasis, links and code where it starts or ends inside
     them; trimmed of white space. */
  function widened(read, start, end) {
    var text = read.text;
    while (start < end && /\s/.test(text[start])) {
      start += 1;
    }
    while (end > start && /\s/.test(text[end - 1])) {
      end -= 1;
    }
    while (start > 0 && isWordCharacter(text, start - 1) && isWordCharacter(text, start)) {
      start -= 1;
    }
    while (end < text.length && isWordCharacter(text, end - 1) && isWordCharacter(text, end)) {
      end += 1;
    }
    var changed = true;
    while (changed) {
      changed = false;
      read.inline.forEach(function (item) {
        var within = start >= item.start && end <= item.end;
        var startsInside = start > item.start && start < item.end;
        var endsInside = end > item.start && end < item.end;
        if ((startsInside || endsInside) && !within || within && item.element.matches(NEVER_INSIDE) &&
            (start !== item.start || end !== item.end)) {
          start = Math.min(start, item.start);
          end = Math.max(end, item.end);
          changed = true;
        }
      });
    }
    return [start, end];
  }

  function slug(words) {
    var all = words.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['\u2019]/g, "")
      .match(/[a-z0-9]+/g) || [];
    var kept = all.filter(function (word) { return STOP_WORDS.indexOf(word) === -1; });
    var chosen = (kept.length ? kept : all).slice(0, 4);
    var id = chosen.join("-") || "annotation";
    if (/^p-/.test(id) || id === "p") {
      id = "quote-" + id;
    }
    var taken = new Set(data.taken);
    var candidate = id;
    for (var number = 2; taken.has(candidate) || document.getElementById(candidate); number++) {
      candidate = id + "-" + number;
    }
    return candidate;
  }

  /* A YAML scalar for `text`: plain where YAML reads it back unchanged, else double-quoted (JSON's escapes). */
  function scalar(text) {
    var plain = /^[^\s\-?:,\[\]{}#&*!|>'"%@`]/.test(text) && !/: |\s#|:$|\s$/.test(text) &&
      !/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/
        .test(text) &&
      !/^[-+]?(?:\.?[0-9][0-9_,:.]*(?:[eE][-+]?[0-9]+)?|\.inf|\.nan)$/i.test(text) &&
      !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text);
    return plain ? text : JSON.stringify(text);
  }

  function yaml(quote, speaker, source) {
    var lines = ["  - id: " + quote.id, "    exact: " + scalar(quote.exact)];
    if (quote.prefix) {
      lines.push("    prefix: " + scalar(quote.prefix));
    }
    if (quote.suffix) {
      lines.push("    suffix: " + scalar(quote.suffix));
    }
    var fields = data.fields.replace(/\{speaker\}/g, speaker).replace(/\{source\}/g, source)
      .replace(/\{kind\}/g, quote.kind);
    return lines.concat(fields.split("\n").map(function (line) { return line.replace(/\s+$/, ""); })).join("\n") + "\n";
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function chooser(name, label, entries) {
    var field = element("label", {"class": "annotate-selection__field"}, label + " ");
    var input = element("input", {type: "text", name: name, list: "annotate-selection-" + name, autocomplete: "off",
                                  spellcheck: "false", placeholder: "an id from data/" + name + ".yml"});
    var list = element("datalist", {id: "annotate-selection-" + name});
    entries.forEach(function (entry) {
      list.appendChild(element("option", {value: entry[0], label: entry[1]}));
    });
    field.appendChild(input);
    field.appendChild(list);
    input.addEventListener("input", show);
    return field;
  }

  function makePanel() {
    panel = element("aside", {"class": "annotate-selection", "aria-label": "New annotation", hidden: ""});
    var heading = element("p", {"class": "annotate-selection__title"});
    heading.appendChild(document.createTextNode("New annotation, for "));
    heading.appendChild(element("code", {}, data.data_file));
    var close = element("button", {type: "button", "class": "annotate-selection__close", "aria-label": "Close"}, "×");
    close.addEventListener("click", function () { panel.hidden = true; current = null; });
    var message = element("p", {"class": "annotate-selection__message", role: "status"});
    var people = chooser("people", "Speaker", data.people);
    var sources = chooser("sources", "Source", data.sources);
    var code = element("pre", {"class": "annotate-selection__yaml", tabindex: "0"});
    var copy = element("button", {type: "button", "class": "annotate-selection__copy"}, "Copy YAML");
    copy.addEventListener("click", copyYaml);
    [heading, close, message, people, sources, code, copy].forEach(function (node) { panel.appendChild(node); });
    document.body.appendChild(panel);
  }

  function part(name) {
    return panel.querySelector(name);
  }

  function show() {
    var speaker = part('input[name="people"]').value.trim();
    var source = part('input[name="sources"]').value.trim();
    part(".annotate-selection__yaml").textContent = current ? yaml(current, speaker, source) : "";
    panel.querySelectorAll(".annotate-selection__field, .annotate-selection__yaml, .annotate-selection__copy")
      .forEach(function (node) { node.hidden = !current; });
  }

  function say(text) {
    part(".annotate-selection__message").textContent = text;
  }

  function copyYaml() {
    var text = part(".annotate-selection__yaml").textContent;
    var done = function () { say("Copied: paste it under `annotations:` in " + data.data_file + "."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { copyBySelecting(text, done); });
    } else {
      copyBySelecting(text, done);
    }
  }

  function copyBySelecting(text, done) {
    var area = element("textarea", {"class": "annotate-selection__clipboard", readonly: ""});
    area.value = text;
    panel.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    panel.removeChild(area);
    if (copied) {
      done();
    } else {
      say("Select the YAML and copy it (Ctrl+C or ⌘C).");
    }
  }

  function offer() {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    var range = selection.getRangeAt(0);
    if (panel.contains(range.commonAncestorContainer)) {
      return;
    }
    var content = document.querySelector("article.md-content__inner");
    if (!content || !content.contains(range.commonAncestorContainer) && !range.intersectsNode(content)) {
      return;
    }
    var blocks = blocksOf(range);
    panel.hidden = false;
    current = null;
    if (blocks.length === 0) {
      say("These words are not in a paragraph of the article's text (the headline, the dateline, the footnotes " +
          "and code take no annotation): select words of one paragraph, list item, subheading or table cell.");
    } else if (blocks.length > 1) {
      say("These words run across " + blocks.length + " paragraphs: an annotation quotes words of one paragraph, " +
          "list item, subheading or table cell. Select words of one, or annotate each.");
    } else {
      var found = blocks[0];
      var span = paragraphs[found.id];
      var built = data.text.slice(span[0], span[1]);
      if (found.read.text !== built) {
        say("This page's text differs from the data's: reload the page once the site is rebuilt.");
      } else {
        var bounds = widened(found.read, found.start, found.end);
        var start = span[0] + bounds[0];
        var end = span[0] + bounds[1];
        var exact = data.text.slice(start, end);
        var around = context(data.text, start, end);
        current = {exact: exact, prefix: around.prefix || "", suffix: around.suffix || "", id: slug(exact),
                   kind: /["\u201c\u201d\u201e\u201f]/.test(exact) ? "direct-quote" : "paraphrase"};
        say(around.prefix || around.suffix
          ? "These words occur more than once: the " + (around.prefix ? "prefix" : "suffix") + " tells which."
          : "Fill in the speaker and the source, check every value, then copy.");
      }
    }
    show();
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(offer, 150);
  }

  window.fetch(dataUrl).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (loaded) {
    if (!loaded) {
      return;
    }
    data = loaded;
    data.paragraphs.forEach(function (entry) { paragraphs[entry[0]] = [entry[1], entry[2]]; });
    makePanel();
    document.addEventListener("selectionchange", later);
  });
}());
