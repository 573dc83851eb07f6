/*
 * Tasklist's configuration for Referral Desk: Camunda's default (shortcuts) plus the scripts below.
 * Served in place of the one in Camunda's webjar, as the application's own resource comes first.
 */
export default {
  customScripts: [
    // Hands each keystroke in a text field to the form at once, so Complete sends what it shows (see the script).
    'scripts/take-typed-text',
    // Links to Referral Desk's pages; Create task and Start process only for those who may (see the script).
    'scripts/referral-desk-pages'
  ],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
