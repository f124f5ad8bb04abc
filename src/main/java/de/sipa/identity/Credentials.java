package de.sipa.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.shared.BaseUrl;
import de.sipa.shared.RuleViolationException;

/**
 * A user's own credentials: changing the password (the old one required), resetting it by an e-mail link, and the
 * second factor (TOTP with recovery codes). Every change ends the account's other sessions and is audited.
 */
@Service
@Transactional
class Credentials {

    static final int RECOVERY_CODES = 10;

    private static final Logger log = LoggerFactory.getLogger(Credentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final AccountSessions sessions;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final SecuritySettings settings;
    private final BaseUrl baseUrl;
    private final Clock clock;

    Credentials(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy,
            AccountSessions sessions, AuditTrail auditTrail, ApplicationEventPublisher events, SecuritySettings settings,
            BaseUrl baseUrl, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.sessions = sessions;
        this.auditTrail = auditTrail;
        this.events = events;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** The current user changes their password; their other sessions end, the one given stays. */
    void changePassword(String current, String next, String keepSession) {
        var account = mine();
        if (account.passwordHash() == null || !passwordEncoder.matches(current, account.passwordHash())) {
            throw new RuleViolationException("password.current.wrong");
        }
        policy.check(next, account.user().username());
        accounts.setPassword(account.user().accountId(), passwordEncoder.encode(next), clock.instant());
        sessions.endAllBut(account.user().username(), keepSession);
        auditTrail.record(AuditAction.CHANGED, "Account", account.user().accountId(),
                auditTrail.summary("audit.account.passwordChanged", account.user().username()));
    }

    /**
     * Sends a reset link if an enabled account with an e-mail address has this user name (or, unambiguously, this
     * e-mail address). Says nothing about whether it exists: the caller answers the same either way.
     */
    void requestReset(String usernameOrEmail) {
        if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 200) {
            return;
        }
        var found = accounts.findByUsernameOrEmail(usernameOrEmail.strip())
                .filter(a -> a.enabled() && a.email() != null && !a.email().isBlank());
        if (found.isEmpty()) {
            log.info("Password reset asked for an unknown or unreachable account");
            return;
        }
        var account = found.get();
        var now = clock.instant();
        var token = randomToken();
        accounts.invalidatePasswordResets(account.user().accountId(), now);
        accounts.insertPasswordReset(sha256(token), account.user().accountId(), now,
                now.plus(settings.passwordResetValidity()));
        events.publishEvent(new PasswordResetRequested(account.user().partnership(), account.email(),
                account.user().displayName(), baseUrl.link("/login/reset/" + token), settings.passwordResetValidity()));
        auditTrail.record(account.user().partnership(), AuditAction.CHANGED, "Account", account.user().accountId(),
                auditTrail.summary("audit.account.resetLinkSent", account.user().username()));
    }

    @Transactional(readOnly = true)
    boolean resetUsable(String token) {
        return token != null && accounts.passwordResetUsable(sha256(token), clock.instant());
    }

    /** Sets a new password with a reset link (once); every session of the account ends. */
    void reset(String token, String next) {
        var now = clock.instant();
        var account = accounts.findByPartnershipAgnosticId(accounts.usePasswordReset(sha256(token), now)
                .orElseThrow(() -> new RuleViolationException("password.reset.invalid")))
                .filter(AccountRepository.StoredAccount::enabled)
                .orElseThrow(() -> new RuleViolationException("password.reset.invalid"));
        policy.check(next, account.user().username());
        accounts.setPassword(account.user().accountId(), passwordEncoder.encode(next), now);
        sessions.endAll(account.user().username());
        auditTrail.record(account.user().partnership(), AuditAction.CHANGED, "Account", account.user().accountId(),
                auditTrail.summary("audit.account.passwordReset", account.user().username()));
    }

    // --- second factor -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    boolean hasTotp() {
        return mine().hasTotp();
    }

    @Transactional(readOnly = true)
    int unusedRecoveryCodes() {
        return accounts.unusedRecoveryCodes(CurrentUser.get().accountId());
    }

    /** Enrols the current user's authenticator once it shows a valid code; returns the recovery codes (shown once). */
    List<String> enableTotp(String secretBase32, String code) {
        var account = mine();
        var secret = Totp.fromBase32(secretBase32);
        var step = Totp.verify(secret, code, clock.instant(), -1)
                .orElseThrow(() -> new RuleViolationException("totp.code.wrong"));
        accounts.enableTotp(account.user().accountId(), secretBase32, step, clock.instant());
        var codes = newRecoveryCodes(account.user().accountId());
        auditTrail.record(AuditAction.CHANGED, "Account", account.user().accountId(),
                auditTrail.summary("audit.account.totpEnabled", account.user().username()));
        return codes;
    }

    /** Turns the second factor off (password required); refused where the installation requires it for the role. */
    void disableTotp(String password) {
        var account = mine();
        if (settings.requiresTotp(account.user().role())) {
            throw new RuleViolationException("totp.required");
        }
        if (account.passwordHash() == null || !passwordEncoder.matches(password, account.passwordHash())) {
            throw new RuleViolationException("password.current.wrong");
        }
        accounts.disableTotp(account.user().accountId());
        auditTrail.record(AuditAction.CHANGED, "Account", account.user().accountId(),
                auditTrail.summary("audit.account.totpDisabled", account.user().username()));
    }

    /** New recovery codes replace the old ones. */
    List<String> renewRecoveryCodes() {
        var account = mine();
        if (!account.hasTotp()) {
            throw new RuleViolationException("totp.notEnrolled");
        }
        return newRecoveryCodes(account.user().accountId());
    }

    /** Checks the second factor at login: a current TOTP code (once) or an unused recovery code. */
    boolean verifySecondFactor(UUID accountId, String code) {
        var account = accounts.findByPartnershipAgnosticId(accountId).filter(AccountRepository.StoredAccount::enabled)
                .filter(AccountRepository.StoredAccount::hasTotp);
        if (account.isEmpty() || code == null) {
            return false;
        }
        var now = clock.instant();
        var step = Totp.verify(Totp.fromBase32(account.get().totpSecret()), code, now, account.get().totpLastStep());
        if (step.isPresent()) {
            return accounts.useTotpStep(accountId, step.getAsLong());
        }
        var recovery = normaliseRecoveryCode(code);
        if (recovery.length() == 10 && accounts.useRecoveryCode(accountId, sha256(recovery), now)) {
            auditTrail.record(account.get().user().partnership(), AuditAction.CHANGED, "Account", accountId,
                    auditTrail.summary("audit.account.recoveryCodeUsed", account.get().user().username()));
            return true;
        }
        return false;
    }

    private List<String> newRecoveryCodes(UUID accountId) {
        var codes = new ArrayList<String>();
        var hashes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var bytes = new byte[7];
            RANDOM.nextBytes(bytes);
            var raw = Totp.base32(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
            codes.add(raw.substring(0, 5) + "-" + raw.substring(5));
            hashes.add(sha256(raw));
        }
        accounts.replaceRecoveryCodes(accountId, hashes);
        return codes;
    }

    private static String normaliseRecoveryCode(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private AccountRepository.StoredAccount mine() {
        var user = CurrentUser.get();
        return accounts.findByPartnershipAgnosticId(user.accountId())
                .orElseThrow(() -> new RuleViolationException("account.notFound"));
    }

    private static String randomToken() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
