-- The suspects benchmark's projection, written into incident-service's schema (the search path must name it):
-- 250 synthetic services `bench-sus-001` … `bench-sus-250`, each deployed to four environments (dev, staging,
-- production, production-eu), 1 000 deployments per service and environment, 1 000 000 in all. How far back a
-- target's history goes varies by environment, so that the day before "now" holds from 3 to 143 deployments:
-- production-eu's 1 000 span 365 days (about 3 a day), production's 90 days (11 a day), staging's 30 days (33 a day)
-- and dev's 7 days (143 a day, one every 10 minutes: the busiest case). Each began 3 to 15 minutes before it
-- finished; 90 % SUCCEEDED, 10 % FAILED; each under a change of its own, also projected (raised_change): 70 %
-- STANDARD, 25 % NORMAL, 5 % EMERGENCY, risk 0-100. Used by SuspectsBenchmark; suspects-cleanup.sql removes it.
select setseed(0.42);

create temporary table bench_sus_history as
select format('bench-sus-%s', lpad(s::text, 3, '0')) as service, e.name as environment,
       md5(s || '/' || e.name || '/' || i) || left(md5(i || '/' || s), 8) as sha,
       now() - e.span * (i - random()) / 1000 as finished_at,
       random() as roll, random() as kind, random() as risk
from generate_series(1, 250) s,
     (values ('dev', interval '7 days'), ('staging', interval '30 days'), ('production', interval '90 days'),
             ('production-eu', interval '365 days')) as e (name, span),
     generate_series(1, 1000) i;

insert into deployment (deployment_id, service, environment, version, commit_sha, change_id, outcome, started_at,
                        finished_at)
select md5('deployment/' || sha)::uuid, service, environment, left(sha, 12), sha, md5('change/' || sha)::uuid,
       case when roll < 0.9 then 'SUCCEEDED' else 'FAILED' end,
       finished_at - interval '3 minutes' - roll * interval '12 minutes', finished_at
from bench_sus_history;

insert into raised_change (change_id, type, risk_score)
select md5('change/' || sha)::uuid,
       case when kind < 0.7 then 'STANDARD' when kind < 0.95 then 'NORMAL' else 'EMERGENCY' end,
       floor(risk * 101)::int
from bench_sus_history;

drop table bench_sus_history;
analyze deployment;
analyze raised_change;
