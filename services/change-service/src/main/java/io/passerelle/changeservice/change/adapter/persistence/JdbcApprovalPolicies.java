package io.passerelle.changeservice.change.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.passerelle.changeservice.change.ApprovalPolicy;
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
            environment, service, version, approvals_required, approver_roles, any_rejection_rejects, defined_by,
            defined_at""";

    private final JdbcClient jdbc;

    JdbcApprovalPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ApprovalPolicy> current(String environment, @Nullable String service) {
        return jdbc.sql("select " + COLUMNS + " from approval_policy"
                        + " where environment = :environment and service = :service order by version desc limit 1")
                .param("environment", environment).param("service", service == null ? "" : service)
                .query(JdbcApprovalPolicies::policy).optional();
    }

    @Override
    public List<ApprovalPolicy> all() {
        return jdbc.sql("select distinct on (environment, service) " + COLUMNS
                        + " from approval_policy order by environment, service, version desc")
                .query(JdbcApprovalPolicies::policy).list();
    }

    @Override
    public void add(ApprovalPolicy policy) {
        try {
            jdbc.sql("insert into approval_policy (" + COLUMNS + ") values (:environment, :service, :version,"
                            + " :approvals, cast(:roles as text[]), :anyRejection, :by, :at)")
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
            throw RuleViolationException.conflict("Version " + policy.version() + " of the approval policy of "
                    + policy.environment() + " was defined by someone else meanwhile; read it again and retry");
        }
    }

    private static ApprovalPolicy policy(ResultSet rs, int n) throws SQLException {
        var service = rs.getString("service");
        Array roles = rs.getArray("approver_roles");
        return new ApprovalPolicy(rs.getString("environment"), service.isEmpty() ? null : service,
                rs.getInt("version"), rs.getInt("approvals_required"), Set.of((String[]) roles.getArray()),
                rs.getBoolean("any_rejection_rejects"), rs.getString("defined_by"), SqlTime.instant(rs, "defined_at"));
    }
}
