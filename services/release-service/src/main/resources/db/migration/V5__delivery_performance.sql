-- release-service: what the DORA delivery figures read (docs/decisions/0013-dora-delivery-metrics.md).

-- The head commit's time, the start of a change's lead time, is release.head_commit_at (V4).

-- The deployments of a service's environment that finished in a range, by outcome (the figures' one query), and, for
-- each failure, the first success after it (its recovery: state = 'SUCCEEDED' and finished_at > x, limit 1).
create index if not exists deployment_finished
    on deployment (service, environment, state, finished_at)
    where state in ('SUCCEEDED', 'FAILED');

-- A release's deployments: the foreign key from deployment had no index of its own since V2 made the unique one
-- partial, so deleting releases (the DORA benchmark's cleanup) scanned every deployment once per release.
create index if not exists deployment_by_release on deployment (release_id);
