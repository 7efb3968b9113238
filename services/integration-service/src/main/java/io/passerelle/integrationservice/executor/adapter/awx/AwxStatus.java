package io.passerelle.integrationservice.executor.adapter.awx;

/**
 * Where a job stands: {@code new}, {@code pending}, {@code waiting}, {@code running} are not final;
 * {@code successful} is; {@code failed}, {@code error}, {@code canceled} fail the deployment.
 */
public sealed interface AwxStatus {

    record Running(String status) implements AwxStatus {
    }

    record Succeeded(long jobId) implements AwxStatus {
    }

    record Failed(String reason) implements AwxStatus {
    }
}
