-- Each referral's journey hands its outcome back to its RFI when it ends: how it ended, whether the partner took
-- the customer on, and when. The RFI process assesses a round from these, not from the archive.

alter table referral_route add column outcome varchar(16);
alter table referral_route add column accepted boolean;
alter table referral_route add column ended_at timestamp;

-- The chosen partners an RFI could not go to, and why; and the order the customer chose them in.
alter table rfi_chosen_partner add column unavailable_reason varchar(200);
alter table rfi_chosen_partner add column position int;
update rfi_chosen_partner set unavailable_reason = 'no profile of this partner may serve this customer'
where not exists (select 1 from referral_route r
                  where r.rfi_id = rfi_chosen_partner.rfi_id and r.partner_id = rfi_chosen_partner.partner_id);

-- Referrals that ended before their journeys handed outcomes back: their outcome as the archive has it.
update referral_route
set outcome  = (select a.final_state from archived_referral a where a.referral_id = referral_route.referral_id),
    accepted = (select a.engagement_name is not null from archived_referral a where a.referral_id = referral_route.referral_id),
    ended_at = (select a.closed_at from archived_referral a where a.referral_id = referral_route.referral_id)
where exists (select 1 from archived_referral a where a.referral_id = referral_route.referral_id);
