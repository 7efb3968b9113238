package io.passerelle.integrationservice.executor.adapter.argocd;

import org.jspecify.annotations.Nullable;

/**
 * The Argo CD application a service's environment deploys through.
 *
 * @param url Argo CD's base URL ({@code https://argocd.example.com}), where {@code /api/v1} answers
 * @param project the application's project, sent with the sync when set (Argo CD checks it)
 */
public record ArgoCdApplication(String url, String name, @Nullable String project) {
}
