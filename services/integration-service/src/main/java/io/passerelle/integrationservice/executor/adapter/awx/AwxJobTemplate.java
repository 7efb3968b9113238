package io.passerelle.integrationservice.executor.adapter.awx;

/**
 * The job template a service's environment deploys through.
 *
 * @param apiUrl the controller's API root: {@code https://awx.example.com/api} (AWX, AAP 2.4), or
 *        {@code https://aap.example.com/api/controller} (AAP 2.5's gateway); {@code /v2/…} follows it
 */
public record AwxJobTemplate(String apiUrl, long id) {
}
