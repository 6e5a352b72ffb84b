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
// Staff menu: on narrow screens one Menu button shows and hides it; on wide screens the
// group dropdowns close on Escape, on a click elsewhere, and when another one opens.
// Without JavaScript the menu stays expanded and its groups open as plain <details>.
document.querySelectorAll("[data-staff-nav]").forEach((nav) => {
  const toggle = nav.querySelector(".menu-toggle");
  const groups = [...nav.querySelectorAll("details[data-nav-group]")];
  const wide = () => window.matchMedia("(min-width: 901px)").matches;
  nav.setAttribute("data-collapsible", "");
  toggle.hidden = false;
  const setOpen = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("open", open);
  };
  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
  groups.forEach((group) => group.addEventListener("toggle", () => {
    if (group.open && wide()) groups.forEach((other) => { if (other !== group) other.open = false; });
  }));
  document.addEventListener("click", (event) => {
    if (wide() && !nav.contains(event.target)) groups.forEach((group) => { group.open = false; });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = groups.find((group) => group.open);
    if (open && wide()) {
      open.open = false;
      open.querySelector("summary").focus();
    } else if (nav.classList.contains("open")) {
      setOpen(false);
      toggle.focus();
    }
  });
});
