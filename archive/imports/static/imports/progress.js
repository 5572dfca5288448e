// Polls an import's status until it has finished, updating the progress bar and the status line.
(function () {
  const box = document.getElementById("import-progress");
  if (!box || box.dataset.finished === "true") return;
  const bar = document.getElementById("import-bar");
  const line = document.getElementById("import-status");
  async function poll() {
    const response = await fetch(box.dataset.statusUrl, { credentials: "same-origin" });
    if (!response.ok) return;
    const job = await response.json();
    bar.max = Math.max(job.total, 1);
    bar.value = job.done;
    line.textContent = `${job.label} · ${job.done} / ${job.total}` + (job.error ? ` · ${job.error}` : "");
    if (!job.finished) setTimeout(poll, 1000);
    else if (job.summary && Object.keys(job.summary).length) window.location.reload();
  }
  poll();
})();
