package de.sipa.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/** Opens and lists the accounts of a partnership. */
@Service
@Transactional
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail auditTrail;
    private final PasswordPolicy passwordPolicy;
    private final AccountSessions sessions;
    private final Environment environment;

    Accounts(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail auditTrail,
            PasswordPolicy passwordPolicy, AccountSessions sessions, Environment environment) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.auditTrail = auditTrail;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.environment = environment;
    }

    /**
     * Administrators open accounts in any partnership; a coordinator only in their own, and never an
     * administrator account.
     */
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    public UUID open(NewAccount account) {
        passwordPolicy.check(account.password(), account.username());
        return insert(account);
    }

    /**
     * The demo's accounts with the demo password {@code demo}, which the password policy would refuse: only with
     * the {@code demo} profile active.
     */
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    public UUID openDemoAccount(NewAccount account) {
        if (!environment.matchesProfiles("demo") || !"demo".equals(account.password())) {
            throw new IllegalStateException("Demo accounts exist in the demo profile only, with the demo password");
        }
        return insert(account);
    }

    private UUID insert(NewAccount account) {
        var actor = CurrentUser.get();
        if (actor.role() != Role.ADMIN
                && (!actor.partnership().equals(account.partnership()) || account.role() == Role.ADMIN)) {
            throw new AccessDeniedException("Coordinators open accounts of their own partnership only");
        }
        if (account.role() != Role.ADMIN && account.organisation() == null) {
            throw new RuleViolationException("account.organisation.required");
        }
        if (accounts.existsByUsername(account.username())) {
            throw new RuleViolationException("account.username.taken", account.username());
        }
        var id = UUID.randomUUID();
        accounts.insert(id, account, passwordEncoder.encode(account.password()));
        auditTrail.record(account.partnership(), AuditAction.CREATED, "Account", id,
                "Konto " + account.username() + " (" + auditTrail.label("role.", account.role()) + ")");
        return id;
    }

    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    @Transactional(readOnly = true)
    public List<AccountView> ofMyPartnership() {
        return accounts.findByPartnership(CurrentUser.partnership()).stream()
                .map(a -> new AccountView(a.user().accountId(), a.user().username(), a.user().displayName(),
                        a.email(), a.user().organisation(), a.user().role(), a.enabled()))
                .toList();
    }

    /** Locks an account out (or lets it in again); accounts are never deleted, so the audit trail stays readable. */
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    public void setEnabled(UUID id, boolean enabled) {
        var partnership = CurrentUser.partnership();
        var account = accounts.findById(partnership, id)
                .orElseThrow(() -> new NotFoundException("Account", id));
        if (account.user().username().equalsIgnoreCase(CurrentUser.get().username())) {
            throw new RuleViolationException("account.disable.self");
        }
        if (account.user().role() == Role.ADMIN && CurrentUser.get().role() != Role.ADMIN) {
            throw new AccessDeniedException("Only administrators change administrator accounts");
        }
        accounts.setEnabled(partnership, id, enabled);
        if (!enabled) {
            sessions.endAll(account.user().username());
        }
        auditTrail.record(AuditAction.CHANGED, "Account", id,
                "Konto " + account.user().username() + (enabled ? " freigeschaltet" : " gesperrt"));
    }

    /**
     * Gives an account another role; its sessions end at once, so the new rights hold from the next login. The same
     * rules as for opening: coordinators neither make nor change administrators, nor change themselves.
     */
    @PreAuthorize(IdentityPermissions.MANAGE_ACCOUNTS)
    public void changeRole(UUID id, Role role) {
        var partnership = CurrentUser.partnership();
        var actor = CurrentUser.get();
        var account = accounts.findById(partnership, id).orElseThrow(() -> new NotFoundException("Account", id));
        if (account.user().username().equalsIgnoreCase(actor.username())) {
            throw new RuleViolationException("account.role.self");
        }
        if (actor.role() != Role.ADMIN && (role == Role.ADMIN || account.user().role() == Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators change administrator accounts");
        }
        if (role != Role.ADMIN && account.user().organisation() == null) {
            throw new RuleViolationException("account.organisation.required");
        }
        if (role == account.user().role()) {
            return;
        }
        accounts.setRole(partnership, id, role);
        sessions.endAll(account.user().username());
        auditTrail.record(AuditAction.CHANGED, "Account", id,
                "Konto " + account.user().username() + ": Rolle " + account.user().role() + " → " + role);
    }

    /** The user behind an account, if it is enabled; for feeds and jobs that act for a user without a login. */
    @Transactional(readOnly = true)
    public Optional<SipaUser> enabled(UUID accountId) {
        return accounts.findByPartnershipAgnosticId(accountId).filter(AccountRepository.StoredAccount::enabled)
                .map(AccountRepository.StoredAccount::user);
    }

    /** Where to reach an organisation's staff: e-mail addresses of its enabled accounts. For SiPa's own jobs. */
    @Transactional(readOnly = true)
    public List<String> emailsOf(PartnershipId partnership, OrganisationId organisation) {
        return accounts.emailsOf(partnership, organisation.value());
    }

    /**
     * The same for several organisations at once (one query), keyed by organisation; an organisation without an
     * address is left out.
     */
    @Transactional(readOnly = true)
    public Map<OrganisationId, List<String>> emailsOf(PartnershipId partnership,
            Collection<OrganisationId> organisations) {
        return organisations.isEmpty() ? Map.of() : accounts.emailsOf(partnership, organisations);
    }

    /** E-mail addresses of the partnership's enabled accounts with a role, e.g. the coordinators for escalations. */
    @Transactional(readOnly = true)
    public List<String> emailsOfRole(PartnershipId partnership, Role role) {
        return accounts.findByPartnership(partnership).stream()
                .filter(a -> a.enabled() && a.email() != null && !a.email().isBlank() && a.user().role() == role)
                .map(AccountRepository.StoredAccount::email).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return accounts.existsByUsername(username);
    }

    @Transactional(readOnly = true)
    public boolean anyExists() {
        return accounts.any();
    }

    /** For installation bootstrap: the very first account of an installation, before anybody can log in. */
    public UUID openFirstAdministrator(PartnershipId partnership, String username, String password) {
        if (accounts.any()) {
            throw new IllegalStateException("The installation already has accounts");
        }
        try {
            passwordPolicy.check(password, username);
        } catch (RuleViolationException e) {
            throw new IllegalStateException("The administrator's initial password (SIPA_ADMIN_INITIAL_PASSWORD) is refused ("
                    + e.messageKey() + "): at least 12 characters, not the user name, not a common password", e);
        }
        var id = UUID.randomUUID();
        accounts.insert(id, new NewAccount(partnership, null, username, "Administration", null, password, Role.ADMIN),
                passwordEncoder.encode(password));
        auditTrail.record(partnership, AuditAction.CREATED, "Account", id, "Erstes Administrationskonto " + username);
        return id;
    }
}
