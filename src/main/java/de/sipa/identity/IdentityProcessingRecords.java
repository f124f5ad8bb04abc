package de.sipa.identity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** Accounts, sign-in and the audit trail, for the records of processing. */
@Component
class IdentityProcessingRecords implements ProcessingRecords {

    private final Duration absoluteLifetime;

    IdentityProcessingRecords(@Value("${sipa.session.absolute-lifetime:PT12H}") Duration absoluteLifetime) {
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(
                new ProcessingActivity("accounts", Set.of("identity_account", "identity_recovery_code",
                        "identity_password_reset", "identity_login_failure", "spring_session",
                        "spring_session_attributes"), List.of(absoluteLifetime.toHours())),
                new ProcessingActivity("audit", Set.of("identity_audit_entry")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of();
    }
}
