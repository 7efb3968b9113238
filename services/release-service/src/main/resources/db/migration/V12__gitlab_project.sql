-- A service may name a GitLab project (group/project) beside its repository (issue 11, ADR 0022): GitLab pipeline
-- hooks for that project make its releases too. One service per project, compared without case.
alter table service add column gitlab_project text;
create unique index service_gitlab_project on service (lower(gitlab_project)) where gitlab_project is not null;
