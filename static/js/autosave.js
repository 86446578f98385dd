/* Autosave for the article change form (articles/autosave.py): while the editor types, the
   form is sent privately every few seconds, and once more when they leave the page; coming
   back offers to restore it. Never a save of the article: nothing is published. */
"use strict";
(function () {
  var box = document.querySelector(".autosave[data-autosave-url]");
  var form = document.getElementById("article_form");
  if (!box || !form) {
    return;
  }
  var EVERY_MS = 5000;
  var dirty = false;
  var status = box.querySelector(".autosave-status");

  function editors() {
    return window.CKEDITOR ? Object.values(window.CKEDITOR.instances) : [];
  }

  function formData() {
    editors().forEach(function (editor) { editor.updateElement(); });
    var data = new FormData(form);
    data.delete("hero_image");
    return data;
  }

  function save() {
    if (!dirty) {
      return;
    }
    dirty = false;
    fetch(box.dataset.autosaveUrl, {method: "POST", body: formData(), credentials: "same-origin"})
      .then(function (response) {
        if (response.ok) {
          var now = new Date();
          status.textContent = "Unsaved changes kept for you at " +
            now.toTimeString().slice(0, 5) + ".";
        } else {
          dirty = true;
        }
      })
      .catch(function () { dirty = true; });
  }

  function changed() { dirty = true; }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  window.addEventListener("load", function () {
    editors().forEach(function (editor) { editor.on("change", changed); });
  });
  window.setInterval(save, EVERY_MS);
  // Leaving the page (closing the tab, following a link): one last save that survives it.
  window.addEventListener("pagehide", function () {
    if (dirty && navigator.sendBeacon) {
      navigator.sendBeacon(box.dataset.autosaveUrl, formData());
      dirty = false;
    }
  });
  // Saving the form for real: the server removes the autosave, and nothing more is sent.
  form.addEventListener("submit", function () {
    dirty = false;
  });

  var offer = box.querySelector(".autosave-offer");
  var saved = document.getElementById("autosaved-data");
  if (!offer || !saved) {
    return;
  }
  function post(url) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    return fetch(url, {method: "POST", body: data, credentials: "same-origin"});
  }
  box.querySelector("[data-autosave-restore]").addEventListener("click", function () {
    var values = JSON.parse(saved.textContent);
    Object.keys(values).forEach(function (name) {
      var list = values[name];
      form.querySelectorAll('[name="' + name + '"]').forEach(function (field) {
        if (field.type === "checkbox" || field.type === "radio") {
          field.checked = list.indexOf(field.value) !== -1 || (field.value === "on" && list.length > 0);
        } else if (field.tagName === "SELECT" && field.multiple) {
          Array.from(field.options).forEach(function (option) {
            option.selected = list.indexOf(option.value) !== -1;
          });
        } else {
          field.value = list[0] || "";
        }
        var editor = window.CKEDITOR && window.CKEDITOR.instances[field.id];
        if (editor) {
          editor.setData(list[0] || "");
        }
      });
    });
    offer.textContent = "Your unsaved changes are back in the form. Save to keep them.";
    dirty = true;
  });
  box.querySelector("[data-autosave-discard]").addEventListener("click", function () {
    post(box.dataset.discardUrl).then(function () {
      offer.textContent = "Unsaved changes discarded.";
    });
  });
})();
