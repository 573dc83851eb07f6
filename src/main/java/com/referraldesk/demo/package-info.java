/** Demo mode's partners, users and sample referrals: may use every other module, and none may use it. */
package com.referraldesk.demo;
