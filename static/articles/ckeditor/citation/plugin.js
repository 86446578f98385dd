// "Cite a source": inserts a [1]-style marker at the cursor. The number is the source's "No."
// in the Sources list under the editor; the server checks every marker against that list.
/* global CKEDITOR */
"use strict";

CKEDITOR.plugins.add("citation", {
  init(editor) {
    editor.addCommand("insertCitation", {
      exec(target) {
        const answer = window.prompt("Cite source number(s), as in the Sources list (e.g. 1, or 1, 3):", "1");
        if (answer === null) return;
        const numbers = answer.split(",").map((part) => part.trim()).filter(Boolean);
        if (!numbers.length || !numbers.every((number) => /^\d{1,3}$/.test(number))) {
          window.alert("Type source numbers only, such as 2 or 1, 3.");
          return;
        }
        target.insertText(` [${numbers.join(", ")}]`);
      },
    });
    editor.ui.addButton("Citation", {
      label: "Cite a source: insert [1]",
      command: "insertCitation",
      toolbar: "insert",
      icon: "numberedlist",
    });
  },
});
