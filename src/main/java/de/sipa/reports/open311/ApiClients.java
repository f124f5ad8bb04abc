package de.sipa.reports.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.reports.ReportPermissions;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The Open311 clients of a partnership. The coordinator opens one per app or portal and hands its key over once;
 * SiPa keeps only the key's SHA-256, so a lost key is replaced, not recovered.
 */
@Service
@Transactional
public class ApiClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiClientRepository clients;
    private final AuditTrail auditTrail;
    private final Clock clock;

    ApiClients(ApiClientRepository clients, AuditTrail auditTrail, Clock clock) {
        this.clients = clients;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public NewApiKey open(String name) {
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new RuleViolationException("apiClient.name.invalid");
        }
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var id = register(CurrentUser.partnership(), clean, key);
        auditTrail.record(AuditAction.CREATED, "ApiClient", id, "Open311-Zugang " + clean + " angelegt");
        return new NewApiKey(id, key);
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    @Transactional(readOnly = true)
    public List<ApiClient> all() {
        return clients.all(CurrentUser.partnership());
    }

    @PreAuthorize(ReportPermissions.COORDINATE)
    public void deactivate(UUID id) {
        if (clients.deactivate(CurrentUser.partnership(), id) == 0) {
            throw new NotFoundException("ApiClient", id);
        }
        auditTrail.record(AuditAction.CHANGED, "ApiClient", id, "Open311-Zugang gesperrt");
    }

    /**
     * The active client of the partnership that holds this key; for the public API, hence no login. One query, so it
     * runs without a transaction of its own (no BEGIN and COMMIT around it on every Open311 call).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<ApiClient> authenticate(PartnershipId partnership, String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return clients.findActive(partnership, hash(key.strip()));
    }

    /** Registers a client with a given key (demo data); does nothing if the key is known already. */
    UUID register(PartnershipId partnership, String name, String key) {
        var hash = hash(key);
        if (clients.exists(hash)) {
            throw new RuleViolationException("apiClient.key.taken");
        }
        var id = UUID.randomUUID();
        clients.insert(partnership, id, name, hash, clock.instant());
        return id;
    }

    boolean known(String key) {
        return clients.exists(hash(key));
    }

    static String hash(String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
