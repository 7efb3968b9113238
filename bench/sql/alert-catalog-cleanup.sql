-- Removes what alert-catalog.sql wrote (integration-service's schema on the search path).
delete from cataloged_service where service like 'bench-sus-%';
