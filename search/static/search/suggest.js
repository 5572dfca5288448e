// Fill the query box's <datalist> with matching titles while the visitor types (native, accessible).
(function () {
  const input = document.getElementById("search-q");
  const list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  let timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.suggestUrl + "&q=" + encodeURIComponent(text))
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          list.replaceChildren(...data.suggestions.map(function (title) {
            const option = document.createElement("option");
            option.value = title;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
