-- The alert benchmark's services, catalogued in integration-service's projection of service.registered.v1 (the search
-- path must name its schema) with the environments of suspects-seed.sql, so that their alerts are attributed: the 250
-- synthetic services `bench-sus-001` … `bench-sus-250`. Nothing is registered in release-service: no event is
-- published, and alert-catalog-cleanup.sql removes them.
insert into cataloged_service (service, repository, default_branch, webhook_secret_sealed, registered_at, environments)
select format('bench-sus-%s', lpad(s::text, 3, '0')), format('bench-sus/s%s', s), 'main', 'not-sealed', now(),
       array['dev', 'staging', 'production', 'production-eu']
from generate_series(1, 250) s
on conflict (service) do nothing;
