// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("select[data-autosubmit]")) el.form.submit();
});
document.addEventListener("click", (event) => {
  const el = event.target.closest("[data-confirm]");
  if (el && !window.confirm(el.dataset.confirm)) event.preventDefault();
});
document.addEventListener("change", (event) => {
  const el = event.target;
  if (el.matches("input[data-select-all]")) {
    document.querySelectorAll(`input[name="ids"][data-stage="${el.dataset.selectAll}"]`)
      .forEach((box) => { box.checked = el.checked; });
  }
});
// Error summary: move focus to it after a failed submit, and let each link focus its field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-error-summary] a[href^='#']");
  if (!link) return;
  const field = document.getElementById(link.getAttribute("href").slice(1));
  if (!field) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${field.id}"]`);
  (label || field).scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
});
