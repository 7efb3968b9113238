package io.passerelle.changeservice.change.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.passerelle.changeservice.change.ApprovalPolicy;
import io.passerelle.changeservice.change.ChangeType;
import io.passerelle.changeservice.change.port.ApprovalPolicies;
import io.passerelle.platform.domain.RuleViolationException;
import io.passerelle.platform.persistence.SqlTime;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every version of every approval policy; a service-wide policy is stored with service ''. */
@Repository
class JdbcApprovalPolicies implements ApprovalPolicies {

    private static final String COLUMNS = """
            environment, service, change_type, version, approvals_required, approver_roles, any_rejection_rejects,
            defined_by, defined_at""";

    private final JdbcClient jdbc;

    JdbcApprovalPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApprovalPolicy> current(String environment, @Nullable String service, ChangeType changeType) {
        return jdbc.sql("select " + COLUMNS + " from approval_policy where environment = :environment"
                        + " and service = :service and change_type = :type order by version desc limit 1")
                .param("environment", environment).param("service", service == null ? "" : service)
                .param("type", changeType.name())
                .query(JdbcApprovalPolicies::policy).optional();
    }

    @Override
    public List<ApprovalPolicy> all() {
        return jdbc.sql("select distinct on (environment, service, change_type) " + COLUMNS
                        + " from approval_policy order by environment, service, change_type desc, version desc")
                .query(JdbcApprovalPolicies::policy).list();
    }

    @Override
    public void add(ApprovalPolicy policy) {
        try {
            jdbc.sql("insert into approval_policy (" + COLUMNS + ") values (:environment, :service, :type,"
                            + " :version, :approvals, cast(:roles as text[]), :anyRejection, :by, :at)")
                    .param("type", policy.changeType().name())
                    .param("environment", policy.environment())
                    .param("service", policy.service() == null ? "" : policy.service())
                    .param("version", policy.version())
                    .param("approvals", policy.approvalsRequired())
                    .param("roles", "{" + String.join(",", policy.approverRoles().stream().sorted().toList()) + "}")
                    .param("anyRejection", policy.anyRejectionRejects())
                    .param("by", policy.definedBy())
                    .param("at", SqlTime.of(policy.definedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw RuleViolationException.conflict("Version " + policy.version() + " of the " + policy.changeType()
                    + " approval policy of " + policy.environment() + " was defined by someone else meanwhile; read it again and retry");
        }
    }

    private static ApprovalPolicy policy(ResultSet rs, int n) throws SQLException {
        var service = rs.getString("service");
        Array roles = rs.getArray("approver_roles");
        return new ApprovalPolicy(rs.getString("environment"), service.isEmpty() ? null : service,
                ChangeType.valueOf(rs.getString("change_type")), rs.getInt("version"), rs.getInt("approvals_required"), Set.of((String[]) roles.getArray()),
                rs.getBoolean("any_rejection_rejects"), rs.getString("defined_by"), SqlTime.instant(rs, "defined_at"));
    }
}
