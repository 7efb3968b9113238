/**
 * POST /webhooks/alertmanager (role monitoring), POST /webhooks/grafana (role monitoring or Grafana's signature), both
 * read tolerantly; PUT /api/v1/alert-sources/{source} (role operator).
 */
@NullMarked
package io.passerelle.integrationservice.alert.adapter.web;

import org.jspecify.annotations.NullMarked;
