-- An API token expires (30 days to a year after it is made) and may be limited to reading.
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column read_only boolean default false not null;
