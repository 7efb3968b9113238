package io.passerelle.integrationservice.executor.adapter.argocd;

import java.util.Optional;

import io.passerelle.integrationservice.api.ExecutorsApi;
import io.passerelle.integrationservice.api.model.NotificationReceipt;
import io.passerelle.integrationservice.executor.NotificationTokens;
import io.passerelle.integrationservice.executor.ReceiveNotification;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Argo CD's notifications (the {@value ArgoCdNotification#TEMPLATE} template), implemented by hand like the other
 * intakes that authenticate before the body is read: the service's notification token first
 * ({@link NotificationTokens}, {@code permitAll()}: Argo CD has no bearer token; {@code passerelle.security.public-paths}),
 * then the body, read against the sync Passerelle started for the deployment it names.
 */
@RestController
class ArgoCdNotificationController {

    private final NotificationTokens tokens;
    private final ReceiveNotification notifications;
    private final ArgoCdNotification reader;

    ArgoCdNotificationController(NotificationTokens tokens, ReceiveNotification notifications, JsonMapper json) {
        this.tokens = tokens;
        this.notifications = notifications;
        this.reader = new ArgoCdNotification(json);
    }

    @PostMapping(path = ExecutorsApi.PATH_RECEIVE_ARGO_CD_NOTIFICATION, consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("permitAll()")
    @Transactional
    public ResponseEntity<NotificationReceipt> receiveArgoCdNotification(
            @RequestHeader(name = NotificationTokens.SERVICE, required = false) @Nullable String service,
            @RequestHeader(name = NotificationTokens.TOKEN, required = false) @Nullable String token,
            @RequestBody byte[] body) {
        tokens.verify(ArgoCdExecutor.TYPE, service, token);
        var deploymentId = reader.deploymentOf(body);
        if (deploymentId.isEmpty()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new NotificationReceipt(
                    NotificationReceipt.ResultEnum.IGNORED).reason("the operation carries no "
                            + ArgoCdStatus.DEPLOYMENT_INFO + " info: Passerelle did not start it"));
        }
        var result = notifications.receive(new ReceiveNotification.Notice(ArgoCdExecutor.TYPE, deploymentId.get(),
                java.util.Objects.requireNonNull(service), null, dispatch -> {
                    if (dispatch.reference() == null) {
                        return Optional.empty(); // not started yet: this is not about the sync Passerelle asked for
                    }
                    var application = ArgoCdExecutor.application(dispatch.target());
                    return Optional.of(ArgoCdExecutor.observed(reader.read(body, new ArgoCdOperation(
                            application.name(), dispatch.reference(), deploymentId.get())).status(),
                            dispatch.reference()));
                }));
        var receipt = new NotificationReceipt().deploymentId(deploymentId.get());
        return switch (result) {
            case ReceiveNotification.Result.Recorded recorded -> ResponseEntity.ok(receipt
                    .result(NotificationReceipt.ResultEnum.RECORDED)
                    .state(NotificationReceipt.StateEnum.fromValue(recorded.outcome().name())));
            case ReceiveNotification.Result.AlreadyRecorded known -> ResponseEntity.ok(receipt
                    .result(NotificationReceipt.ResultEnum.ALREADY_RECORDED)
                    .state(NotificationReceipt.StateEnum.fromValue(known.outcome().name())));
            case ReceiveNotification.Result.Ignored ignored -> ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt
                    .result(NotificationReceipt.ResultEnum.IGNORED).reason(ignored.reason()));
        };
    }
}
