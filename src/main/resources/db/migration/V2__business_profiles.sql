-- Business profiles: what each partner location wants, for routing and Find a partner.

alter table partner_location add column journey varchar(32) default 'engagements' not null;

-- Keywords and expertise a location is found by.
create table location_term (
  location_id varchar(64)  not null references partner_location (id),
  kind        varchar(16)  not null,
  term        varchar(100) not null,
  primary key (location_id, kind, term)
);

-- Industries a location serves (excluded = false) or refuses (excluded = true).
create table location_industry (
  location_id varchar(64) not null references partner_location (id),
  industry    varchar(64) not null,
  excluded    boolean     not null,
  primary key (location_id, industry)
);

-- Customer company sizes a location prefers or excludes; sizes not listed are welcome.
create table location_company_size (
  location_id  varchar(64) not null references partner_location (id),
  company_size varchar(32) not null,
  preference   varchar(16) not null,
  primary key (location_id, company_size)
);
