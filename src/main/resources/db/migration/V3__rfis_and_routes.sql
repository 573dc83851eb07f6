-- Customers' RFIs and where each referral of an RFI went, with the score that sent it there.

create table rfi (
  id                    varchar(64)   primary key,
  request_id            varchar(100)  not null unique,
  received_at           timestamp     not null,
  customer_company      varchar(200)  not null,
  customer_contact_name varchar(200),
  customer_email        varchar(254)  not null,
  customer_phone        varchar(64),
  customer_country      varchar(2)    not null,
  customer_company_size varchar(32)   not null,
  customer_industry     varchar(64)   not null,
  customer_language     varchar(16)   not null,
  request_details       varchar(4000) not null,
  contact_requested     boolean       not null,
  source                varchar(32)   not null,
  find_best_matches     boolean       not null
);

-- The customer's keywords and products.
create table rfi_term (
  rfi_id varchar(64)  not null references rfi (id),
  kind   varchar(16)  not null,
  term   varchar(100) not null,
  primary key (rfi_id, kind, term)
);

create table rfi_chosen_partner (
  rfi_id     varchar(64) not null references rfi (id),
  partner_id varchar(64) not null,
  primary key (rfi_id, partner_id)
);

create table referral_route (
  referral_id        varchar(64)  primary key,
  rfi_id             varchar(64)  not null references rfi (id),
  partner_id         varchar(64)  not null,
  location_id        varchar(64)  not null,
  round              int          not null,
  chosen_by_customer boolean      not null,
  score              decimal(7, 4) not null,
  keyword_fit        decimal(7, 4) not null,
  industry_fit       decimal(7, 4) not null,
  size_fit           decimal(7, 4) not null,
  responsiveness     decimal(7, 4) not null,
  track_record       decimal(7, 4) not null,
  routed_at          timestamp    not null
);

create index referral_route_rfi on referral_route (rfi_id, round);
