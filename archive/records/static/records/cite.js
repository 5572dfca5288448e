// Copy buttons of the cite panel: copy the text of the element named by data-copy-target.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copyTarget);
  const status = document.querySelector(".cite-panel .copy-status");
  try {
    await navigator.clipboard.writeText(source.textContent.trim());
    if (status) status.textContent = status.dataset.copied;
  } catch (error) {
    // Without clipboard access, select the text so the visitor can copy it by hand.
    window.getSelection().selectAllChildren(source);
  }
});
