/*
 * Cockpit's configuration for Referral Desk: Camunda's default (everything commented out there) plus the Referrals
 * plugin. Served in place of the one in Camunda's webjar, as the application's own resource comes first.
 */
export default {
  customScripts: [
    // The managers' view of the business: a dashboard tile, a navigation entry and a page (see the script).
    'scripts/referrals'
  ]
};
