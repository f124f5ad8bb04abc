package de.sipa.partners;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/** The partner organisations of the current user's partnership. */
@Service
@Transactional
public class Organisations {

    private final OrganisationRepository organisations;
    private final AuditTrail auditTrail;

    Organisations(OrganisationRepository organisations, AuditTrail auditTrail) {
        this.organisations = organisations;
        this.auditTrail = auditTrail;
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public Page<Organisation> search(String text, OrganisationKind kind, Pageable pageable) {
        return organisations.page(CurrentUser.partnership(), text, kind, pageable);
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public List<Organisation> all() {
        return organisations.all(CurrentUser.partnership());
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public Map<OrganisationId, Organisation> byId() {
        return all().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public Organisation get(OrganisationId id) {
        return organisations.find(CurrentUser.partnership(), id)
                .orElseThrow(() -> new NotFoundException("Organisation", id));
    }

    /** Whether the current user may change this organisation and its people. */
    @PreAuthorize(PartnerPermissions.READ)
    public boolean mayMaintain(OrganisationId id) {
        return PartnerAccess.mayMaintain(id);
    }

    /** Whether the current user may change an organisation's kind and whether it is active: the coordination only. */
    @PreAuthorize(PartnerPermissions.READ)
    public boolean mayChangeKindAndStatus() {
        return CurrentUser.get().coordinates();
    }

    @PreAuthorize(PartnerPermissions.MANAGE)
    public OrganisationId create(OrganisationDetails details) {
        var partnership = CurrentUser.partnership();
        if (organisations.findByName(partnership, details.name()).isPresent()) {
            throw new RuleViolationException("organisation.name.taken", details.name());
        }
        var id = OrganisationId.random();
        organisations.insert(partnership, id, details);
        auditTrail.record(AuditAction.CREATED, "Organisation", id, "Organisation " + details.name() + " angelegt");
        return id;
    }

    @PreAuthorize(PartnerPermissions.MAINTAIN)
    public void update(OrganisationId id, OrganisationDetails details) {
        var current = get(id);
        PartnerAccess.requireMaintain(id);
        if ((details.kind() != current.kind() || details.active() != current.active()) && !mayChangeKindAndStatus()) {
            // The kind decides what an organisation's staff may see (police figures, for one): not self-service.
            throw new AccessDeniedException("Only the coordination may change an organisation's kind or status");
        }
        var partnership = CurrentUser.partnership();
        if (organisations.findByName(partnership, details.name()).filter(o -> !o.id().equals(id)).isPresent()) {
            throw new RuleViolationException("organisation.name.taken", details.name());
        }
        organisations.update(partnership, id, details);
        auditTrail.record(AuditAction.CHANGED, "Organisation", id,
                "Organisation " + current.name() + " geändert" + Changes.describe(current.details(), details));
    }

    /** Deletes an organisation without people; one that still has people is deactivated instead by the user. */
    @PreAuthorize(PartnerPermissions.MANAGE)
    public void delete(OrganisationId id) {
        var current = get(id);
        long people = organisations.peopleCount(id);
        if (people > 0) {
            throw new RuleViolationException("organisation.delete.hasPeople", current.name(), people);
        }
        organisations.delete(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.DELETED, "Organisation", id, "Organisation " + current.name() + " gelöscht");
    }

    @PreAuthorize(PartnerPermissions.READ)
    @Transactional(readOnly = true)
    public long count() {
        return organisations.count(CurrentUser.partnership());
    }
}
