// Links to a paragraph (¶ at its end) or to a quote (in its card) copy their address instead of
// going there, and say so for a moment. The address copied is the page's canonical one (where the
// site is published) with the paragraph's or quote's fragment: read from disk, the offline edition's
// own address (file:///…) would open for nobody else. Without this script, or where the clipboard cannot be
// written, they are plain links: following one puts the address in the address bar, and the
// paragraph or quote it leads to is highlighted.
(function () {
  "use strict";

  var LINKS = "a.paragraph-link, a.copy-link";
  var status = document.createElement("div");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  document.body.append(status);
  var timer = 0;

  document.querySelectorAll("a.paragraph-link").forEach(function (link) {
    link.setAttribute("aria-label", "Copy link to this paragraph");
  });

  function say(words) {
    clearTimeout(timer);
    status.textContent = words;
    timer = setTimeout(function () { status.textContent = ""; }, 2500);
  }

  // The canonical address of the page (a <link rel="canonical"> of the site's own), with the link's fragment.
  function shared(link) {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!canonical || !/^https?:/.test(canonical.href)) return link.href;
    var address = new URL(canonical.href);
    address.hash = link.hash;
    return address.href;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(LINKS);
    if (!link || !navigator.clipboard || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigator.clipboard.writeText(shared(link)).then(function () {
      say("Link copied");
    }, function () {
      window.location.href = link.href;
    });
  });
})();
