// The compare tray (search/templates/search/compare_tray.html): items chosen with "Add to compare" on result
// cards and item pages are kept in localStorage, so the tray follows the visitor from page to page (and
// tab to tab). It shows their thumbnails, a remove button for each and "Compare", which opens
// /compare/?items=A,B. Adds and removals are announced in a live region. Where this script does not run
// (or storage is refused) nothing of it shows, and the result cards' Compare boxes still work.
(function () {
  "use strict";
  var KEY = "archive-compare";
  var tray = document.getElementById("compare-tray");
  var status = document.getElementById("compare-tray-status");
  if (!tray || !status || !storageWorks()) return;
  var text = JSON.parse(document.getElementById(tray.dataset.strings).textContent);
  var max = Number(tray.dataset.max);
  var list = tray.querySelector("[data-tray-items]");
  var go = tray.querySelector("[data-tray-go]");
  var hint = tray.querySelector("[data-tray-hint]");
  var pageLanguage = document.documentElement.lang;

  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + "-probe", "1");
      window.localStorage.removeItem(KEY + "-probe");
      return true;
    } catch (e) {
      return false;
    }
  }

  function load() {
    try {
      var items = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(items) ? items.filter(function (item) { return item && item.id; }).slice(0, max) : [];
    } catch (e) {
      return [];
    }
  }

  function save(items) {
    try { window.localStorage.setItem(KEY, JSON.stringify(items)); } catch (e) {}
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  function announce(message) {
    // Emptied first, so the same words said twice in a row are announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function fromSlot(slot) {
    var data = slot.dataset;
    return { id: data.compareItem, title: data.compareTitle, lang: data.compareLang, thumb: data.compareThumb };
  }

  function indexOf(items, id) {
    for (var i = 0; i < items.length; i += 1) if (items[i].id === id) return i;
    return -1;
  }

  function add(item) {
    var items = load();
    if (indexOf(items, item.id) >= 0) return;
    if (items.length >= max) { announce(fill(text.full, { max: max })); return; }
    items.push(item);
    save(items);
    render();
    announce(fill(text.added, { title: item.title, count: items.length, max: max }));
  }

  function remove(id) {
    var items = load();
    var index = indexOf(items, id);
    if (index < 0) return;
    var item = items.splice(index, 1)[0];
    save(items);
    render();
    announce(items.length ? fill(text.removed, { title: item.title }) : text.cleared);
  }

  function clear() {
    save([]);
    render();
    announce(text.cleared);
    focusAfterEmptying();
  }

  function focusAfterEmptying() {
    var target = document.querySelector(".compare-add") || document.getElementById("main");
    if (target) target.focus();
  }

  function trayEntry(item) {
    var entry = document.createElement("li");
    entry.className = "compare-tray-item";
    if (item.thumb) {
      var image = document.createElement("img");
      image.src = item.thumb;
      image.alt = "";
      image.width = 48;
      image.height = 48;
      entry.appendChild(image);
    } else {
      var blank = document.createElement("span");
      blank.className = "compare-tray-noimage";
      entry.appendChild(blank);
    }
    var name = document.createElement("span");
    name.className = "compare-tray-name";
    name.textContent = item.title;
    if (item.lang && item.lang !== pageLanguage) name.lang = item.lang;
    entry.appendChild(name);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "compare-tray-remove";
    button.dataset.compareRemove = item.id;
    button.setAttribute("aria-label", fill(text.removeItem, { title: item.title }));
    button.innerHTML = '<span aria-hidden="true">×</span>';
    entry.appendChild(button);
    return entry;
  }

  function render() {
    var items = load();
    list.replaceChildren.apply(list, items.map(trayEntry));
    tray.querySelector("[data-tray-count]").textContent = "(" + fill(text.count, { count: items.length, max: max }) + ")";
    var enough = items.length >= 2;
    go.hidden = !enough;
    hint.hidden = enough;
    go.href = tray.dataset.compareUrl + "?items=" + items.map(function (item) {
      return encodeURIComponent(item.id);
    }).join(",");
    tray.hidden = items.length === 0;
    // The page ends above the tray, so the tray never covers the last lines or the footer.
    document.body.style.paddingBottom = tray.hidden ? "" : tray.offsetHeight + "px";
    document.querySelectorAll(".compare-add").forEach(function (button) {
      var chosen = indexOf(items, button.dataset.compareFor) >= 0;
      button.querySelector("[data-when-out]").hidden = chosen;
      button.querySelector("[data-when-in]").hidden = !chosen;
      button.classList.toggle("is-chosen", chosen);
    });
  }

  function addButton(slot) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "compare-add";
    button.dataset.compareFor = slot.dataset.compareItem;
    var out = document.createElement("span");
    out.dataset.whenOut = "";
    out.textContent = text.add;
    var chosen = document.createElement("span");
    chosen.dataset.whenIn = "";
    chosen.textContent = text.remove;
    var which = document.createElement("span");
    which.className = "visually-hidden";
    which.textContent = ": " + slot.dataset.compareTitle;
    button.append(out, chosen, which);
    button.addEventListener("click", function () {
      if (indexOf(load(), slot.dataset.compareItem) >= 0) remove(slot.dataset.compareItem);
      else add(fromSlot(slot));
    });
    slot.appendChild(button);
  }

  // An item already in the tray takes this page's title, language and thumbnail (the visitor may have
  // switched language since adding it).
  function refresh(slots) {
    var items = load();
    var changed = false;
    slots.forEach(function (slot) {
      var index = indexOf(items, slot.dataset.compareItem);
      if (index >= 0 && items[index].lang !== slot.dataset.compareLang) {
        items[index] = fromSlot(slot);
        changed = true;
      }
    });
    if (changed) save(items);
  }

  function removeFromTray(event) {
    var button = event.target.closest("[data-compare-remove]");
    if (!button) return;
    var entries = Array.from(list.querySelectorAll("[data-compare-remove]"));
    var position = entries.indexOf(button);
    remove(button.dataset.compareRemove);
    var left = list.querySelectorAll("[data-compare-remove]");
    if (left.length) left[Math.min(position, left.length - 1)].focus();
    else focusAfterEmptying();
  }

  var slots = Array.from(document.querySelectorAll("[data-compare-item]"));
  slots.forEach(addButton);
  // The boxes and their form are the way without this script; the buttons and the tray replace them.
  document.querySelectorAll("[data-compare-fallback]").forEach(function (element) { element.hidden = true; });
  refresh(slots);

  var clearButton = document.createElement("button");
  clearButton.type = "button";
  clearButton.className = "compare-tray-clear";
  clearButton.textContent = text.clear;
  clearButton.addEventListener("click", clear);
  tray.querySelector("[data-tray-actions]").appendChild(clearButton);
  list.addEventListener("click", removeFromTray);
  window.addEventListener("storage", function (event) { if (event.key === KEY) render(); });
  window.addEventListener("resize", function () {
    if (!tray.hidden) document.body.style.paddingBottom = tray.offsetHeight + "px";
  });
  render();
})();
