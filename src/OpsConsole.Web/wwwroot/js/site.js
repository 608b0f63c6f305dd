// Progressive enhancement only: every page reads and works without JavaScript.
// Copy buttons: <button type="button" data-copy-target="id-of-element">Copy</button>
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const target = document.getElementById(button.dataset.copyTarget);
  if (!target || !navigator.clipboard) return;
  navigator.clipboard.writeText(target.textContent.trim()).then(() => {
    const original = button.textContent;
    button.textContent = button.dataset.copiedLabel || "✓";
    setTimeout(() => { button.textContent = original; }, 1500);
  });
});
document.querySelectorAll("[data-copy-target]").forEach((b) => { b.hidden = false; });
