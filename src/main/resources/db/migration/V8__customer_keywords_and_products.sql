-- The customer's keywords and products as written (rfi_term keeps them normalized for matching), joined by ', ':
-- carried on each referral, shown in its forms and e-mails, kept in the archive. 20 terms of 100 characters at most.

alter table rfi add column customer_keywords varchar(2100);
alter table rfi add column customer_products varchar(2100);
alter table archived_referral add column customer_keywords varchar(2100);
alter table archived_referral add column customer_products varchar(2100);

-- Earlier RFIs: their normalized terms, which is all that was kept of them.
update rfi set
  customer_keywords = coalesce((select string_agg(t.term, ', ' order by t.term) from rfi_term t
                                where t.rfi_id = rfi.id and t.kind = 'keyword'), ''),
  customer_products = coalesce((select string_agg(t.term, ', ' order by t.term) from rfi_term t
                                where t.rfi_id = rfi.id and t.kind = 'product'), '');

-- Earlier archive rows of referrals that came from an RFI.
update archived_referral set
  customer_keywords = (select r.customer_keywords from rfi r join referral_route rr on rr.rfi_id = r.id
                       where rr.referral_id = archived_referral.referral_id),
  customer_products = (select r.customer_products from rfi r join referral_route rr on rr.rfi_id = r.id
                       where rr.referral_id = archived_referral.referral_id);
