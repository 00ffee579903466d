// 安維: the only script of our own (the Content-Security-Policy allows scripts from our static files
// only, so pages carry no inline handlers). Every page works without it.
document.documentElement.classList.add("js");

// A filter's choice list marked data-autosubmit shows its result as soon as a choice is made;
// without JavaScript the form's own button does the same.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.matches("[data-autosubmit]") && field.form) {
    field.form.requestSubmit();
  }
});

// Phones: one button opens the menu (and the account links under it).
document.addEventListener("click", (event) => {
  const toggle = event.target.closest(".menu-toggle");
  if (!toggle) return;
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  document.querySelectorAll(".mainnav, .whoami").forEach((el) => el.classList.toggle("open", open));
});

// After a failed submit the summary of what to fix takes the focus (screen readers read it first).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

// After an htmx swap the focus goes to what replaced the old part (not to the top of the page), and the
// new part's messages are read out through the page's live region.
document.addEventListener("htmx:afterSwap", (event) => {
  // Only after the person's own submit or click: a polling refresh must never take the focus away.
  const cause = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
  if (!cause || !["submit", "click"].includes(cause.type)) return;
  let target = event.detail.target;
  // An outerHTML swap replaced the target itself: the new element carries the same id.
  if (target instanceof HTMLElement && !target.isConnected && target.id) target = document.getElementById(target.id);
  if (!(target instanceof HTMLElement)) return;
  const focusable = target.querySelector("[role=alert], .errorlist, .messages, h2, h3") || target;
  if (!focusable.hasAttribute("tabindex") && !focusable.matches("a, button, input, select, textarea")) {
    focusable.setAttribute("tabindex", "-1");
  }
  focusable.focus({ preventScroll: false });
  const said = target.querySelector(".messages, [role=status], [data-announce]");
  const live = document.getElementById("live");
  if (said && live) live.textContent = said.textContent.trim();
});
