// Shows, under an item's "date as written" field, the years the archive reads in it while the editor types.
(function () {
  const script = document.currentScript;
  const url = script && script.dataset.previewUrl;
  if (!url) return;

  function attach(input) {
    const output = document.createElement("p");
    output.className = "help date-preview";
    output.setAttribute("role", "status");
    output.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", output);
    let timer = null;
    const update = () => {
      clearTimeout(timer);
      if (!input.value.trim()) { output.textContent = ""; return; }
      timer = setTimeout(async () => {
        const response = await fetch(`${url}?text=${encodeURIComponent(input.value)}`,
                                     { credentials: "same-origin" });
        if (!response.ok) return;
        const result = await response.json();
        output.textContent = result.message;
        output.classList.toggle("error-message", !result.ok);
      }, 250);
    };
    input.addEventListener("input", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll('input[name="date_text"]').forEach(attach);
  });
})();
