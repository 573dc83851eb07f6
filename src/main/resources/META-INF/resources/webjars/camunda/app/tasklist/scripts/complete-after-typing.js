/*
 * Camunda Forms in Tasklist take what is typed into a field 300 ms after the last keystroke (form-js debounces
 * input), and Complete submits what the form has taken. A Complete pressed sooner submitted the field without
 * its last text: a partner who typed a contact's name and pressed Complete at once lost the name, and the server
 * refused the form. A press of Complete that comes that soon is held until the form has the text, then let through.
 */
const FORM_TAKES_INPUT_AFTER_MS = 300;
// On a busy machine the form's own 300 ms timer ran late: a margin of 150 ms lost the last text of a field in a CI
// run beside other work. A press that soon is held up to a second, which a person does not notice.
const MARGIN_MS = 700;

let lastInputAt = 0;

document.addEventListener('input', event => {
  if (event.target instanceof Element && event.target.closest('.fjs-container')) {
    lastInputAt = Date.now();
  }
}, true);

document.addEventListener('click', event => {
  const complete = event.target instanceof Element && event.target.closest('button[ng-click="complete()"]');
  const wait = lastInputAt + FORM_TAKES_INPUT_AFTER_MS + MARGIN_MS - Date.now();
  if (complete && wait > 0) {
    event.preventDefault();
    event.stopImmediatePropagation();
    setTimeout(() => complete.click(), wait);
  }
}, true);

export default [];
