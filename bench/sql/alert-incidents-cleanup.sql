-- Removes the incidents the alert benchmark opened (incident-service's schema on the search path): every row that
-- names one of them (its timeline, suspects, suggestions, links: any table of the schema with an incident_id column),
-- then the incidents. They are all resolved already; their events were published and stay published.
do $$
declare
    t record;
begin
    create temporary table bench_incident on commit drop as
        select id from incident where service like 'bench-sus-%';
    for t in select c.table_name from information_schema.columns c
             where c.table_schema = current_schema() and c.column_name = 'incident_id'
               and c.table_name <> 'incident'
    loop
        execute format('delete from %I where incident_id in (select id from bench_incident)', t.table_name);
    end loop;
    delete from incident where id in (select id from bench_incident);
end $$;
