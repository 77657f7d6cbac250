// Filters and sorts the lists of the Actors, People and Sources pages by article and by each judgement,
// in the page itself: no request. Each item carries its claims in `data-claims` (for each claim,
// ARTICLE/SOURCE_SEEN/WORDING), its name in `data-name` and its count in `data-count`; the form is in
// the page, hidden, and is shown here. Without this script the list is whole, in the order the page gives.
(function () {
  "use strict";

  function claimsOf(item) {
    return (item.getAttribute("data-claims") || "").split(" ").filter(Boolean).map(function (claim) {
      return claim.split("/");
    });
  }

  function setUp(block) {
    var form = block.querySelector("form.entity-filter");
    var list = block.querySelector("ul.entity-list");
    if (!form || !list) return;
    var status = form.querySelector(".entity-filter-status");
    var items = Array.prototype.slice.call(list.children).map(function (node, position) {
      return {node: node, position: position, claims: claimsOf(node), matching: 0,
              name: node.getAttribute("data-name") || "", count: Number(node.getAttribute("data-count")) || 0};
    });
    var ORDERS = {
      listed: function (a, b) { return a.position - b.position; },
      name: function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : a.position - b.position; },
      count: function (a, b) { return b.count - a.count || a.position - b.position; },
      matching: function (a, b) { return b.matching - a.matching || b.count - a.count || a.position - b.position; }
    };

    function value(name) {
      var field = form.elements.namedItem(name);
      return field ? field.value : "";
    }

    function update() {
      var article = value("article"), seen = value("source_seen"), wording = value("wording");
      var filtered = Boolean(article || seen || wording), shown = 0;
      items.forEach(function (item) {
        item.matching = item.claims.filter(function (claim) {
          return (!article || claim[0] === article) && (!seen || claim[1] === seen) &&
            (!wording || claim[2] === wording);
        }).length;
        item.node.hidden = filtered && item.matching === 0;
        if (!item.node.hidden) shown += 1;
      });
      items.slice().sort(ORDERS[value("sort")] || ORDERS.listed).forEach(function (item) {
        list.appendChild(item.node);
      });
      status.textContent = filtered ? "Showing " + shown + " of " + items.length + ", those with a claim that matches."
        : "Showing all " + items.length + ".";
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }

  document.querySelectorAll(".entity-list-block").forEach(setUp);
})();
