// The search page's filters (search/templates/search/filters.html), once JavaScript runs:
// - ticking a facet box or choosing an order searches at once, so the Apply buttons are hidden
//   (they stay for readers without JavaScript) and a hint says so (WCAG 3.2.2);
// - the box just ticked has the focus again on the new page, so a keyboard carries on from there;
// - on wide screens the facets are an open sidebar; on phones a "Filters (n)" disclosure, closed.
(function () {
  const form = document.getElementById("search-form");
  const filters = document.getElementById("search-filters");
  if (!form || !filters) return;
  const FOCUS_KEY = "search-focus";

  document.querySelectorAll("[data-apply]").forEach(function (button) { button.hidden = true; });
  document.querySelectorAll("[data-instant-hint]").forEach(function (hint) { hint.hidden = false; });

  document.addEventListener("change", function (event) {
    const control = event.target;
    if (control.form !== form) return;
    if (control.type === "checkbox" || control.tagName === "SELECT") {
      try { sessionStorage.setItem(FOCUS_KEY, control.name + "=" + control.value); } catch (e) {}
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }
  });

  // Years left empty stay out of the address, which is shared and cited.
  form.addEventListener("formdata", function (event) {
    ["from", "to"].forEach(function (name) {
      if (event.formData.get(name) === "") event.formData.delete(name);
    });
  });

  const wide = window.matchMedia("(min-width: 60rem)");
  function fit() { filters.open = wide.matches; }
  filters.classList.add("is-enhanced");
  fit();
  wide.addEventListener("change", fit);

  let focused = null;
  try { focused = sessionStorage.getItem(FOCUS_KEY); sessionStorage.removeItem(FOCUS_KEY); } catch (e) {}
  if (focused) {
    const [name, value] = focused.split("=");
    const control = Array.from(document.getElementsByName(name))
      .find(function (input) { return input.value === value; });
    // Without scrolling: the new results stay in view; the next Tab brings the sidebar along.
    if (control && control.offsetParent !== null) control.focus({ preventScroll: true });
  }
})();
