// Give every dialog an accessible name, now and whenever one appears (the theme's search box).
// Works on ARIA attributes alone:
// - a dialog opened by a control (aria-controls) is named after that control ("Footnote 2");
// - otherwise it is named after the first labelled form field inside it ("Search").
(function () {
  "use strict";

  function nameOf(dialog) {
    if (dialog.id) {
      var opener = document.querySelector('[aria-controls="' + CSS.escape(dialog.id) + '"]');
      var label = opener && (opener.getAttribute("aria-label") || opener.textContent.trim());
      if (label) return label;
    }
    var field = dialog.querySelector("input[aria-label], textarea[aria-label], select[aria-label]");
    return field ? field.getAttribute("aria-label") : "";
  }

  function nameDialogs() {
    var dialogs = document.querySelectorAll(
      '[role="dialog"]:not([aria-label]):not([aria-labelledby]), ' +
      '[role="alertdialog"]:not([aria-label]):not([aria-labelledby])'
    );
    for (var i = 0; i < dialogs.length; i++) {
      var name = nameOf(dialogs[i]);
      if (name) dialogs[i].setAttribute("aria-label", name);
    }
  }

  nameDialogs();
  new MutationObserver(nameDialogs).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["aria-controls"]
  });
})();
