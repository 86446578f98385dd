// CKEditor's "Browse Server" window: choosing an image sends its address to the editor's image
// dialog and fills the dialog's alt text with the library's.
document.addEventListener("click", (event) => {
  const choice = event.target.closest(".library-choice");
  if (!choice || !window.opener || !window.opener.CKEDITOR) return;
  const funcNum = new URLSearchParams(window.location.search).get("CKEditorFuncNum");
  const alt = choice.dataset.alt;
  window.opener.CKEDITOR.tools.callFunction(funcNum, choice.dataset.url, function () {
    const dialog = this.getDialog && this.getDialog();
    const field = dialog && dialog.getContentElement("info", "txtAlt");
    if (field) field.setValue(alt);
  });
  window.close();
});
