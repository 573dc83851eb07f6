-- The classic journey (Journey B of the 2017 pages) beside the engagements journey (A).

-- The journey each referral was routed to, as its location's profile said when it was routed: a change of a
-- location's journey applies to new referrals only. Every referral before this one ran journey A.
alter table referral_route add column journey varchar(32) default 'engagements' not null;

-- The classic journey's timestamps: when the partner showed interest (and saw the customer's contact details) and
-- when it accepted. Journey A's referrals are accepted when they are answered.
alter table archived_referral add column interested_at timestamp;
alter table archived_referral add column accepted_at timestamp;
update archived_referral set accepted_at = responded_at where engagement_name is not null;

-- A classic referral skipped, missed or closed before the partner showed interest never held the customer's
-- contact details: its archive row has none.
alter table archived_referral alter column customer_email drop not null;

-- Who was shown a customer's contact details of which referral, and when: written when a partner says
-- "I'm interested" on a classic referral.
create table contact_reveal (
  referral_id varchar(64) primary key,
  partner_id  varchar(64) not null,
  revealed_to varchar(64),
  revealed_at timestamp   not null
);
