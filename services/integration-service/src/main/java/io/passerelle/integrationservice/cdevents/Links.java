package io.passerelle.integrationservice.cdevents;

import java.util.UUID;

/**
 * Where a person finds what a CDEvent is about: the console's pages (tickets' {@code uri}, approvals'
 * {@code approvalDetailsUrl} and {@code resourceTargetUrl}).
 *
 * @param console the console's base URL, without a trailing slash
 */
public record Links(String console) {

    public Links {
        console = console.endsWith("/") ? console.substring(0, console.length() - 1) : console;
    }

    String change(UUID id) {
        return console + "/changes/" + id;
    }

    String problem(UUID id) {
        return console + "/problems/" + id;
    }

    String deployment(UUID id) {
        return console + "/deployments/" + id;
    }
}
