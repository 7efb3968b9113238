package io.passerelle.changeservice.change.adapter.web;

import java.util.List;
import java.util.stream.Collectors;

import io.passerelle.changeservice.api.ApprovalPoliciesApi;
import io.passerelle.changeservice.api.model.ApprovalPolicy;
import io.passerelle.changeservice.api.model.ApprovalPolicyDefinition;
import io.passerelle.changeservice.api.model.ApproverRole;
import io.passerelle.changeservice.change.ChangeType;
import io.passerelle.changeservice.change.DefineApprovalPolicy;
import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The approval policies: change managers define them, change managers and CAB members read them. */
@RestController
class ApprovalPoliciesController implements ApprovalPoliciesApi {

    private final DefineApprovalPolicy definePolicy;
    private final ApprovalPolicies policies;

    ApprovalPoliciesController(DefineApprovalPolicy definePolicy, ApprovalPolicies policies) {
        this.definePolicy = definePolicy;
        this.policies = policies;
    }

    @Override
    @PreAuthorize("hasAnyRole('" + Roles.CHANGE_MANAGER + "', '" + Roles.CAB_MEMBER + "')")
    @Transactional(readOnly = true)
    public ResponseEntity<List<ApprovalPolicy>> listApprovalPolicies() {
        return ResponseEntity.ok(policies.all().stream().map(Representations::policy).toList());
    }

    @Override
    @PreAuthorize("hasRole('" + Roles.CHANGE_MANAGER + "')")
    @Transactional
    public ResponseEntity<ApprovalPolicy> defineApprovalPolicy(String environment, ApprovalPolicyDefinition body) {
        var changeType = body.getChangeType() == null ? ChangeType.NORMAL : ChangeType.valueOf(body.getChangeType().getValue());
        var policy = definePolicy.define(environment, body.getService(), changeType, body.getApprovalsRequired(),
                body.getApproverRoles().stream().map(ApproverRole::getValue).collect(Collectors.toSet()),
                body.getAnyRejectionRejects(), SecurityContextHolder.getContext().getAuthentication().getName());
        return ResponseEntity.ok(Representations.policy(policy));
    }
}
