-- The DORA query benchmark's history, written into release-service's schema (the search path must name it):
-- 100 synthetic services `bench-dora-001` … `bench-dora-100`, each with one environment, production, and 10 000
-- deployments spread over the last 365 days (about 830 a service-month: a busy, elite service), each of its own
-- release: 85 % SUCCEEDED, 10 % FAILED, 5 % CANCELLED; head commits up to 3 days before. 1 000 000 deployments in
-- all. Used by infra/bin/bench (on the running stack) and DoraQueryBenchmark (on a test database);
-- dora-cleanup.sql removes it.
select setseed(0.42);

insert into service (name, repository, default_branch, webhook_secret_sealed, registered_at)
select format('bench-dora-%s', lpad(s::text, 3, '0')), format('bench-dora/s%s', s), 'main', 'not-sealed',
       now() - interval '400 days'
from generate_series(1, 100) s;

insert into environment (service, name, promotion_order, requires_approval, target_type, target_url)
select format('bench-dora-%s', lpad(s::text, 3, '0')), 'production', 1, false, 'webhook',
       'https://deploy.example/bench-dora'
from generate_series(1, 100) s;

create temporary table bench_dora_history as
select format('bench-dora-%s', lpad(s::text, 3, '0')) as service,
       md5(s || '/' || i) || left(md5(i || '/' || s), 8) as sha,
       now() - interval '365 days' + i * interval '52 minutes 33 seconds' + random() * interval '50 minutes'
           as finished_at,
       random() as roll
from generate_series(1, 100) s, generate_series(1, 10000) i;

insert into release (id, service, version, commit_sha, requested_by, recorded_at, head_commit_at)
select md5('release/' || sha)::uuid, service, left(sha, 12), sha, 'pipeline:bench', finished_at - interval '1 hour',
       finished_at - interval '1 hour' - random() * interval '3 days'
from bench_dora_history;

insert into deployment (id, release_id, service, environment, version, commit_sha, requires_approval, executor,
                        requested_by, state, reason, planned_at, started_at, finished_at)
select md5('deployment/' || sha)::uuid, md5('release/' || sha)::uuid, service, 'production', left(sha, 12), sha,
       false, 'PIPELINE', 'pipeline:bench',
       case when roll < 0.85 then 'SUCCEEDED' when roll < 0.95 then 'FAILED' else 'CANCELLED' end,
       case when roll >= 0.85 and roll < 0.95 then 'bench failure' end,
       finished_at - interval '20 minutes', finished_at - interval '10 minutes', finished_at
from bench_dora_history;

drop table bench_dora_history;
analyze release;
analyze deployment;
