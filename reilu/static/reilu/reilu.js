// Small progressive enhancements; every page works without them.

// A page that answers a form's POST (the form again, with its errors) becomes a plain address
// in the history: Back and reload then load the page afresh, where Chromium would otherwise
// ask to send the form again ("Confirm form resubmission").
if (document.querySelector("main[data-posted]")) {
  history.replaceState(history.state, "", location.href);
}
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

// Editor rows (duties, stages): add and remove rows of a Django formset. Without this script
// the page still offers the spare rows and a "Remove" checkbox per row.
function formsetTotal(set) {
  return set.querySelector('input[name$="-TOTAL_FORMS"]');
}
function formsetRefresh(set) {
  const max = Number(set.querySelector('input[name$="-MAX_NUM_FORMS"]').value);
  const live = set.querySelectorAll("[data-formset-row]:not([hidden])").length;
  set.querySelector("[data-formset-add]").disabled = live >= max;
}
function formsetEnhance(set) {
  set.querySelectorAll("[data-formset-row]").forEach((row) => {
    const box = row.querySelector('input[name$="-DELETE"]');
    const button = row.querySelector("[data-formset-remove]");
    if (!box || !button) return;
    row.querySelector("[data-formset-delete]").hidden = true;
    button.hidden = false;
    row.hidden = box.checked;
  });
  set.querySelector("[data-formset-add]").hidden = false;
  formsetRefresh(set);
}
document.querySelectorAll("[data-formset]").forEach(formsetEnhance);
document.addEventListener("click", (event) => {
  const add = event.target.closest("[data-formset-add]");
  if (add) {
    const set = add.closest("[data-formset]");
    const total = formsetTotal(set);
    const html = set.querySelector("[data-formset-empty]").innerHTML
      .replace(/__prefix__/g, total.value);
    set.querySelector("[data-formset-rows]").insertAdjacentHTML("beforeend", html);
    total.value = Number(total.value) + 1;
    formsetEnhance(set);
    const rows = set.querySelectorAll("[data-formset-row]");
    rows[rows.length - 1].querySelector("input:not([type=hidden]), select, textarea").focus();
    return;
  }
  const remove = event.target.closest("[data-formset-remove]");
  if (remove) {
    const set = remove.closest("[data-formset]");
    const row = remove.closest("[data-formset-row]");
    const box = row.querySelector('input[name$="-DELETE"]');
    box.checked = true;
    row.hidden = true;
    formsetRefresh(set);
    // The live check listens for changes: a removed duty changes the total.
    box.dispatchEvent(new Event("change", { bubbles: true }));
    set.querySelector("[data-formset-add]").focus();
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

// A form is sent once: a second tap while the first is on its way would apply twice. Forms
// whose own handler took over the submit (htmx, the board) are left alone; coming back to
// the page from the history lets it be sent again.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (event.defaultPrevented || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
  if (form.dataset.sending) {
    event.preventDefault();
    return;
  }
  form.dataset.sending = "1";
});
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-sending]").forEach((form) => { delete form.dataset.sending; });
});

// Application questions that screen on a stated requirement: as soon as an answer is chosen
// that does not meet it, tell the candidate (and offer "apply anyway" where the employer
// allows it). The server checks again on sending; without the script it tells them then.
function knockoutUnmet(box) {
  const rule = JSON.parse(box.dataset.knockout);
  if (rule.kind === "number") {
    const input = box.querySelector("input:not([type=checkbox])");
    const raw = input.value.trim().replace(",", ".").replace(/\s/g, "");
    if (raw === "" || Number.isNaN(Number(raw))) return false;
    return Number(raw) < Number(rule.min.replace(",", "."));
  }
  const chosen = box.querySelector("input[type=radio]:checked");
  return Boolean(chosen) && !rule.accept.includes(chosen.value);
}
function knockoutRefresh(box) {
  const unmet = knockoutUnmet(box);
  box.querySelector("[data-knockout-notice]").hidden = !unmet;
  const anyway = box.querySelector("[data-knockout-anyway]");
  if (anyway) anyway.hidden = !unmet;
}
["change", "input"].forEach((type) => document.addEventListener(type, (event) => {
  const box = event.target.closest("[data-knockout]");
  if (box && !event.target.closest("[data-knockout-anyway]")) knockoutRefresh(box);
}));

// A form that states what its page's address asks for (the job list's filters) shows that
// after Back too: Chromium would bring back what was typed last, from its form restoration
// or with the whole page from the back/forward cache, above results of the address's filter.
// The form's defaults are the address's values, as the server wrote them.
window.addEventListener("pageshow", () => {
  document.querySelectorAll("form[data-address-state]").forEach((form) => { form.reset(); });
});
