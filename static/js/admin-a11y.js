/* Small accessibility fixes to widgets Django's admin builds in the browser, run once they
   exist: SelectFilter2 builds on load, Select2 when jQuery is ready (this script is deferred,
   so its handlers come after the admin's own). */
"use strict";
window.addEventListener("load", function () {
  // filter_horizontal (SelectFilter2.js) draws its search icon as a <span> with an aria-label,
  // which ARIA allows only with a role: it is an image with a text alternative.
  document.querySelectorAll(".search-label-icon[aria-label]").forEach(function (icon) {
    icon.setAttribute("role", "img");
  });
});

function nameAutocompletes() {
  // autocomplete_fields (Select2) name their combobox by its current choice only, which is
  // empty until one is made: name it (and its read-only text) by the field's label too.
  document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
    var label = document.querySelector('label[for="' + select.id + '"]');
    var container = select.parentNode;
    if (!label) {
      return;
    }
    label.id = label.id || select.id + "-label";
    container.querySelectorAll(".select2-selection[role=combobox], [role=textbox]")
      .forEach(function (element) {
        var choice = element.id || element.getAttribute("aria-labelledby");
        if (choice && choice.split(" ")[0] === label.id) {
          return;  // named already
        }
        element.setAttribute("aria-labelledby", label.id + (choice ? " " + choice : ""));
      });
  });
}

if (window.django && window.django.jQuery) {
  window.django.jQuery(nameAutocompletes);
}
window.addEventListener("load", nameAutocompletes);
