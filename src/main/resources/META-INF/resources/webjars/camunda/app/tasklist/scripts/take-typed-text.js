/*
 * Camunda Forms in Tasklist take what is typed into a text field 300 ms after the last keystroke (form-js debounces
 * input), or at once when the field loses focus. Until then the text lives only in the page, and any redraw of the
 * form in that time puts back the value the form holds: choosing an option and typing at once into the next field
 * lost the typed text, and Complete submitted the field empty (a CI run lost a contact's e-mail address this way).
 * So each keystroke in a text field is handed to the form at once, as leaving the field would hand it (form-js
 * listens for focusout); the form then always holds what the field shows, and nothing waits for a timer.
 */
function isTextField(target) {
  return (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)
    && target.closest('.fjs-form-field-textfield, .fjs-form-field-textarea') !== null;
}

// Listening as the event bubbles runs this after the field's own handler has taken the keystroke in.
document.addEventListener('input', event => {
  if (isTextField(event.target) && !event.isComposing) {
    event.target.dispatchEvent(new FocusEvent('focusout'));
  }
});

export default [];
