-- Each referral as its journey started it: whose it is and who the customer is. The archive and the e-mails
-- read these from here, never from process variables that a task completion could write.

create table referral (
  referral_id         varchar(64)  primary key,
  process_instance_id varchar(64)  not null,
  partner_id          varchar(64)  not null,
  location_id         varchar(64)  not null,
  customer_email      varchar(254) not null,
  customer_language   varchar(16)  not null,
  received_at         timestamp    not null
);
