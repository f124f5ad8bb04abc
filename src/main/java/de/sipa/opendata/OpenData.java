package de.sipa.opendata;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.shared.PartnershipId;

/**
 * A partnership's open data: the coordination switches it on or off and has the datasets regenerated; the nightly
 * job regenerates those of every partnership that publishes; the public pages read what is stored, and only while it
 * is switched on.
 */
@Service
@Transactional
public class OpenData {

    /** The published datasets of a partnership, for its catalogue. */
    record Catalogue(Partnership partnership, CatalogueSettings settings, List<OpenDataRepository.Stored> datasets) {
    }

    private final OpenDataRepository repository;
    private final Datasets datasets;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;

    OpenData(OpenDataRepository repository, Datasets datasets, Partnerships partnerships, AuditTrail auditTrail,
            Clock clock) {
        this.repository = repository;
        this.datasets = datasets;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @PreAuthorize(OpenDataPermissions.MANAGE)
    @Transactional(readOnly = true)
    public boolean enabled() {
        return repository.enabled(CurrentUser.partnership());
    }

    @PreAuthorize(OpenDataPermissions.MANAGE)
    @Transactional(readOnly = true)
    List<OpenDataRepository.Stored> stored() {
        return repository.stored(CurrentUser.partnership());
    }

    @PreAuthorize(OpenDataPermissions.MANAGE)
    @Transactional(readOnly = true)
    public CatalogueSettings settings() {
        return repository.settings(CurrentUser.partnership());
    }

    /** What the catalogue says of its provider: GovData's contributor id, publisher and contact. */
    @PreAuthorize(OpenDataPermissions.MANAGE)
    public void saveSettings(CatalogueSettings settings) {
        repository.saveSettings(CurrentUser.partnership(), settings, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "OpenData", CurrentUser.partnership(),
                auditTrail.summary("audit.openData.settingsChanged"));
    }

    /** Switches open data on (generating the datasets at once) or off (the public pages answer "not found"). */
    @PreAuthorize(OpenDataPermissions.MANAGE)
    public void enable(boolean enabled) {
        repository.enable(CurrentUser.partnership(), enabled, clock.instant());
        auditTrail.record(AuditAction.CHANGED, "OpenData", CurrentUser.partnership(),
                auditTrail.summary(enabled ? "audit.openData.enabled" : "audit.openData.disabled"));
        if (enabled) {
            generate();
        }
    }

    /** Regenerates the partnership's datasets now. */
    @PreAuthorize(OpenDataPermissions.MANAGE)
    public void regenerate() {
        generate();
        auditTrail.record(AuditAction.CHANGED, "OpenData", CurrentUser.partnership(),
                auditTrail.summary("audit.openData.regenerated"));
    }

    /**
     * The nightly work for one partnership, as SiPa: regenerates its datasets. Outside a transaction of its own, so
     * that each connection is confined to the partnership.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void regenerateAsSystem(PartnershipId partnership) {
        CurrentUser.runAs(SipaUser.system(partnership), this::generate);
    }

    private void generate() {
        var partnership = CurrentUser.partnership();
        var at = clock.instant();
        for (var dataset : Dataset.values()) {
            repository.store(partnership, dataset, datasets.build(dataset), at);
        }
    }

    /** The catalogue of a partnership that publishes open data (public, no login). */
    @Transactional(readOnly = true)
    Optional<Catalogue> catalogue(String slug) {
        return partnerships.bySlug(slug).filter(p -> repository.enabled(p.id()))
                .map(p -> new Catalogue(p, repository.settings(p.id()), repository.stored(p.id())));
    }

    /**
     * Whether the partnership publishes open data (public, no login), as it was at most a few seconds ago: kept in
     * memory, so it takes no connection unless the caller has one.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    boolean published(PartnershipId partnership) {
        return repository.enabledCached(partnership);
    }

    /** A published dataset's file, {@code csv} or {@code json} (public, no login). */
    @Transactional(readOnly = true)
    Optional<String> file(String slug, Dataset dataset, String format) {
        return partnerships.bySlug(slug).filter(p -> repository.enabled(p.id()))
                .flatMap(p -> repository.file(p.id(), dataset, format));
    }
}
