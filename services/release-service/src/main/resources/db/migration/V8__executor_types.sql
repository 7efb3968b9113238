-- release-service (issue 8): a deploy target is one of the executors integration-service runs
-- (docs/decisions/0014-deploy-edge.md, "The executor SPI"): webhook, argocd, github, jenkins or awx, with the settings
-- its type takes and, for every type but webhook, the credential the executor calls the vendor with, sealed
-- (AES-256-GCM, passerelle.secrets.key) like the webhook secret. The domain (catalog.DeployTarget) checks which
-- settings each type needs; the table only keeps the types and the credential rule.
alter table environment drop constraint environment_target_type_check;
alter table environment
    add column target_settings          jsonb not null default '{}',
    add column target_credential_sealed text,
    add constraint environment_target_type_check
        check (target_type in ('webhook', 'argocd', 'github', 'jenkins', 'awx')),
    add constraint environment_target_credential_check
        check ((target_type = 'webhook') = (target_credential_sealed is null));

-- Copied onto the deployment when it is planned, like the URL: a deployment is carried out as planned.
alter table deployment
    add column target_settings          jsonb,
    add column target_credential_sealed text;
update deployment set target_settings = '{}' where target_type is not null;
alter table deployment add constraint deployment_target_settings_check
    check ((target_type is null) = (target_settings is null));

comment on column environment.target_credential_sealed is
    'the executor''s credential for the vendor (bearer token, API token), sealed; never returned by the API';
comment on column deployment.target_credential_sealed is
    'the environment''s sealed executor credential when the deployment was planned; travels sealed in deployment.requested.v1';
