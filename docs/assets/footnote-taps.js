// On a touch screen, the first tap on a footnote marker opens the footnote beside the sentence
// (the tooltip a mouse gets by hovering) instead of jumping to the list at the foot of the page;
// a second tap on the same marker follows it to the list. A mouse click and the keyboard keep the
// link's own behaviour. If no tooltip opens for the tapped marker (no aria-controls naming a
// present element soon after the tap, as with a theme that has no tooltips), the tap follows the
// link after all, so every tap still reaches the footnote.
(function () {
  "use strict";

  var MARKERS = 'a[role="doc-noteref"], sup[id^="fnref"] > a';
  var PATIENCE = 400; // milliseconds for a tooltip to open before the tap follows the link

  // What had the focus before this tap: a tap focuses the link it lands on before its click.
  var lastPointer = "", focusedBefore = null;
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    focusedBefore = document.activeElement;
  }, true);

  function tooltipOpen(marker) {
    var id = marker.getAttribute("aria-controls");
    return Boolean(id && document.getElementById(id));
  }

  document.addEventListener("click", function (event) {
    var marker = event.target.closest ? event.target.closest(MARKERS) : null;
    // A click from the keyboard has no pointer (detail 0), whatever the last pointer was.
    if (!marker || event.detail === 0 || (event.pointerType || lastPointer) !== "touch") return;
    if (focusedBefore === marker) return; // the second tap: follow the link
    event.preventDefault();
    marker.focus();
    setTimeout(function () {
      if (!tooltipOpen(marker)) window.location.href = marker.href;
    }, PATIENCE);
  }, true);
})();
