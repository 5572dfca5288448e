// Sends the chosen files one at a time, showing overall progress, each file's result, and the unmatched files.
(function () {
  const box = document.getElementById("bulk-images");
  if (!box) return;
  const form = document.getElementById("bulk-images-form");
  const input = document.getElementById("bulk-images-files");
  const bar = document.getElementById("bulk-images-bar");
  const status = document.getElementById("bulk-images-status");
  const report = document.getElementById("bulk-images-report");
  const unmatchedLine = document.getElementById("bulk-images-unmatched");
  const labels = JSON.parse(document.getElementById("bulk-images-labels").textContent || "{}");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;

  function send(file, onProgress) {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      const body = new FormData();
      body.append("file", file);
      request.open("POST", box.dataset.uploadUrl);
      request.setRequestHeader("X-CSRFToken", csrf);
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
      request.addEventListener("load", () => {
        try { resolve(JSON.parse(request.responseText)); }
        catch { resolve({ filename: file.name, status: "refused", reason: `HTTP ${request.status}` }); }
      });
      request.addEventListener("error", () => resolve({ filename: file.name, status: "refused",
                                                        reason: labels.network || "network error" }));
      request.send(body);
    });
  }

  function addRow(result) {
    const row = report.tBodies[0].insertRow();
    for (const text of [result.filename, labels[result.status] || result.status,
                        result.inventory_number ? `${result.inventory_number} · ${result.item_title}` : "",
                        result.reason || ""]) {
      row.insertCell().textContent = text;
    }
    row.className = `bulk-${result.status}`;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const files = Array.from(input.files);
    if (!files.length) return;
    document.getElementById("bulk-images-progress").hidden = false;
    report.hidden = false;
    bar.max = files.length;
    const unmatched = [];
    for (const [index, file] of files.entries()) {
      const result = await send(file, (fraction) => {
        bar.value = index + fraction;
        status.textContent = `${index + 1} / ${files.length}: ${file.name} ${Math.round(fraction * 100)}%`;
      });
      bar.value = index + 1;
      addRow(result);
      if (result.status !== "attached") unmatched.push(file.name);
    }
    status.textContent = `${files.length} / ${files.length} ${labels.done || "done"}`;
    if (unmatched.length) {
      unmatchedLine.hidden = false;
      unmatchedLine.textContent = `${labels.notAttached || "Not attached"}: ${unmatched.join(", ")}`;
    }
  });
})();
