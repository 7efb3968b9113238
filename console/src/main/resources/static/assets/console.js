// Passerelle console: the little script the pages need beyond htmx (no inline script: the CSP forbids it).
(function () {
  "use strict";
  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : null;
  }
  // every htmx request carries the session's CSRF token (forms also carry it as a hidden field)
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrf();
    if (token) { event.detail.headers["X-CSRF-TOKEN"] = token; }
  });
  // the language selector submits itself when changed (it has a button without JavaScript)
  document.addEventListener("change", function (event) {
    if (event.target.matches("select[data-autosubmit]")) { event.target.form.submit(); }
  });
  // after a boosted navigation, move the focus to the new page's heading region for screen readers
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.boosted) {
      var main = document.getElementById("main");
      if (main) { main.focus({ preventScroll: true }); }
    }
  });
  // confirmation for destructive actions: <button data-confirm="...">
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) { event.preventDefault(); event.stopPropagation(); }
  }, true);
})();
