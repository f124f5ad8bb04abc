// Citizen surveys: a question that depends on an answer of the same page is hidden (and not sent) while that answer
// does not call for it. Without script the page shows it with a hint, and the server evaluates the conditions.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('survey-form');
  if (!form) {
    return;
  }
  const dependents = Array.from(form.querySelectorAll('[data-condition-name]'));
  const update = () => {
    dependents.forEach((fieldset) => {
      const codes = fieldset.getAttribute('data-condition-codes').split(',');
      const chosen = Array.from(form.querySelectorAll('[name="' + CSS.escape(fieldset.getAttribute('data-condition-name')) + '"]'))
        .filter((input) => !input.disabled && input.checked)
        .map((input) => input.value);
      const applies = chosen.some((value) => codes.includes(value));
      fieldset.hidden = !applies;
      fieldset.querySelectorAll('input, textarea, select').forEach((input) => { input.disabled = !applies; });
    });
  };
  if (dependents.length > 0) {
    form.addEventListener('change', update);
    update();
  }
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
});
