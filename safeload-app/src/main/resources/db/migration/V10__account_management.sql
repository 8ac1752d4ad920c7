-- Accounts can be managed: the last sign-in through the sign-in page is shown, and a password an
-- administrator has reset must be changed by its owner at the next sign-in.
alter table app_user add column last_sign_in_at timestamp with time zone;
alter table app_user add column must_change_password boolean default false not null;
