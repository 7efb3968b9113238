package io.passerelle.incidentservice.deployment;

/** How a deployment ended. A FAILED one was rolled back or never took traffic. */
public enum Outcome {
    SUCCEEDED, FAILED
}
