-- The dashboard joins the engine's open tasks to their referrals by process instance.
create index referral_process_instance on referral (process_instance_id);
