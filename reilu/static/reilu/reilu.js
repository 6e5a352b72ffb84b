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
