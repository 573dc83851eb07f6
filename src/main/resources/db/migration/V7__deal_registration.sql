-- Co-sell deal registration after a win (issue 13): one registration per won referral that the analysts' decision
-- (processes/deal-registration-eligibility.dmn) found eligible, with every round of questions and answers of its review.

create table deal_registration (
  referral_id         varchar(64)    primary key,
  process_instance_id varchar(64)    not null,
  partner_id          varchar(64)    not null,
  location_id         varchar(64)    not null,
  customer_company    varchar(200),
  -- REQUESTED, PENDING_REVIEW, MORE_INFORMATION_REQUESTED, APPROVED, REJECTED, WITHDRAWN
  state               varchar(32)    not null,
  eligible_solutions  varchar(1000),
  solution            varchar(200),
  final_deal_value    decimal(15, 2),
  close_date          date,
  agreement_reference varchar(100),
  partner_role        varchar(32),
  notes               varchar(4000),
  requested_at        timestamp      not null,
  registered_at       timestamp,
  registered_by       varchar(64),
  updated_at          timestamp      not null,
  decided_at          timestamp,
  decided_by          varchar(64),
  reject_reason       varchar(4000)
);

create index deal_registration_partner on deal_registration (partner_id, state);

-- Each question a referral manager asked during the review, and the partner's answer.
create table deal_registration_round (
  referral_id varchar(64)   not null references deal_registration (referral_id),
  round       int           not null,
  question    varchar(4000) not null,
  asked_by    varchar(64),
  asked_at    timestamp     not null,
  answer      varchar(4000),
  answered_by varchar(64),
  answered_at timestamp,
  primary key (referral_id, round)
);
