-- An account may be linked to a worker, and so to the worker's team: a social worker or team
-- manager sees the children of that team (and a social worker their own cases) and no others.
alter table app_user add column worker_id bigint references worker (id);
