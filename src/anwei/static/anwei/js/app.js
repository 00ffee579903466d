// 安維: the only script of our own (the Content-Security-Policy allows scripts from our static files
// only, so pages carry no inline handlers). Every page works without it.

// A filter's choice list marked data-autosubmit shows its result as soon as a choice is made;
// without JavaScript the form's own button does the same.
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.matches("[data-autosubmit]") && field.form) {
    field.form.requestSubmit();
  }
});
