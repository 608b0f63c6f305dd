// Service engagement: opens the pending-item editor as a modal <dialog id="item-editor">.
// Progressive enhancement only: without JavaScript each item links to its plain form page
// (/service-engagement/{device}/items/{item_id}) and a refused save re-renders the form inline.
(() => {
  const dialog = document.getElementById("item-editor");
  if (!dialog || typeof dialog.showModal !== "function") return;
  const forms = Array.from(dialog.querySelectorAll("[data-editor-item]"));
  let opener = null;

  const formFor = (itemId) => forms.find((f) => f.dataset.editorItem === itemId);

  function open(itemId, from) {
    const form = formFor(itemId);
    if (!form) return;
    forms.forEach((f) => { f.hidden = f !== form; });
    opener = from || null;
    if (dialog.open) dialog.close();
    dialog.showModal();
    const first = form.querySelector("[aria-invalid='true']") || form.querySelector("select, input:not([type=hidden]), textarea");
    if (first) first.focus();
  }

  document.querySelectorAll("[data-open-editor]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => open(button.dataset.openEditor, button));
  });
  document.querySelectorAll("[data-editor-link]").forEach((link) => { link.hidden = true; });
  dialog.querySelectorAll("[data-close-editor]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => dialog.close());
  });
  // Escape closes the dialog natively; focus goes back to the button that opened it.
  dialog.addEventListener("close", () => { if (opener && opener.isConnected) opener.focus(); });

  // The server re-rendered a refused save with the dialog open: show it as a real modal.
  if (dialog.hasAttribute("open")) {
    const current = dialog.dataset.currentItem;
    const from = document.querySelector(`[data-open-editor="${CSS.escape(current || "")}"]`);
    dialog.close();
    open(current, from);
  }
})();
