/** POST /webhooks/gitlab: the raw body, GitLab's payloads read tolerantly, the refusals as problems. */
@NullMarked
package io.passerelle.integrationservice.gitlab.adapter.web;

import org.jspecify.annotations.NullMarked;
