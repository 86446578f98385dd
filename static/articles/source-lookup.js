// Sources inline on the article change form: a DOI or PubMed id, once entered, fills the
// source's empty fields from Crossref or PubMed (through the admin's own JSON endpoint).
// Nothing the editor typed is overwritten; when the service cannot be reached they are told.
"use strict";

document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || !input.dataset.lookupUrl) return;
  const value = input.value.trim();
  const source = input.closest(".inline-related");
  if (!value || !source) return;
  let status = input.parentElement.querySelector(".source-lookup-status");
  if (!status) {
    status = document.createElement("p");
    status.className = "help source-lookup-status";
    status.setAttribute("role", "status");
    input.insertAdjacentElement("afterend", status);
  }
  status.textContent = "Looking it up…";
  const query = new URLSearchParams({ [input.dataset.sourceField]: value });
  fetch(`${input.dataset.lookupUrl}?${query}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
    .then((response) => response.json().then((data) => ({ ok: response.ok, data })))
    .then(({ ok, data }) => {
      if (!ok) {
        status.textContent = data.error || "Nothing found. Type the details in yourself.";
        return;
      }
      const filled = [];
      for (const [name, found] of Object.entries(data.fields || {})) {
        const field = source.querySelector(`[data-source-field="${name}"]`);
        if (field && !field.value && found) {
          field.value = found;
          filled.push(field.labels && field.labels[0] ? field.labels[0].textContent.replace(":", "") : name);
        }
      }
      status.textContent = filled.length
        ? `Filled in: ${filled.join(", ")}. Check them before saving.`
        : "Found it; every field was already filled in.";
    })
    .catch(() => {
      status.textContent = "The lookup service could not be reached. Type the details in yourself.";
    });
});
