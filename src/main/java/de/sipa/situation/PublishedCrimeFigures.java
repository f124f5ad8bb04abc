package de.sipa.situation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.Partnerships;
import de.sipa.shared.PartnershipId;
import de.sipa.shared.RuleViolationException;

/**
 * The crime figures the coordination publishes: it chooses years and offence groups, and the partnership's public
 * page shows the whole city's figures of exactly these, never a district's. Publishing and withdrawing leave an entry
 * in the audit trail.
 */
@Service
@Transactional
public class PublishedCrimeFigures {

    /** One published year: the city's figures per published offence group, in the groups' order. */
    public record PublishedYear(int year, List<PublishedGroup> groups) {
    }

    public record PublishedGroup(String name, Figures figures) {
    }

    private final CrimeFigureRepository repository;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PublishedCrimeFigures(CrimeFigureRepository repository, Partnerships partnerships, AuditTrail auditTrail,
            Clock clock) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The years and groups published now, for the coordination's choice. */
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    @Transactional(readOnly = true)
    public Set<CrimePublication> chosen() {
        return repository.publications(CurrentUser.partnership());
    }

    /** The years that have figures, which the coordination may publish. */
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    @Transactional(readOnly = true)
    public List<Integer> years() {
        var years = new TreeSet<Integer>();
        repository.figures(CurrentUser.partnership()).forEach(r -> years.add(r.year()));
        return List.copyOf(years);
    }

    /** Publishes exactly the given pairs: the others are withdrawn. */
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    public void publish(Set<CrimePublication> wanted) {
        var partnership = CurrentUser.partnership();
        var groups = groups(partnership);
        var years = new HashSet<>(years());
        for (var publication : wanted) {
            if (!years.contains(publication.year())
                    || groups.stream().noneMatch(g -> g.id().equals(publication.group()))) {
                throw new RuleViolationException("crimeFigures.publication.unknown");
            }
        }
        var before = repository.publications(partnership);
        var published = new ArrayList<CrimePublication>();
        var withdrawn = new ArrayList<CrimePublication>();
        for (var publication : wanted) {
            if (!before.contains(publication)) {
                repository.publish(partnership, publication, clock.instant());
                published.add(publication);
            }
        }
        for (var publication : before) {
            if (!wanted.contains(publication)) {
                repository.withdraw(partnership, publication);
                withdrawn.add(publication);
            }
        }
        if (!published.isEmpty()) {
            auditTrail.record(AuditAction.CHANGED, "CrimePublication", partnership.value(),
                    auditTrail.summary("audit.crimeFigures.published", describe(published, groups)));
        }
        if (!withdrawn.isEmpty()) {
            auditTrail.record(AuditAction.CHANGED, "CrimePublication", partnership.value(),
                    auditTrail.summary("audit.crimeFigures.withdrawn", describe(withdrawn, groups)));
        }
    }

    /**
     * The published figures of a partnership for everybody, without login: per published year (newest first) the
     * whole city's figures of each published group.
     */
    @Transactional(readOnly = true)
    public List<PublishedYear> of(PartnershipId partnership) {
        var chosen = repository.publications(partnership);
        if (chosen.isEmpty()) {
            return List.of();
        }
        var rows = repository.figures(partnership);
        var populations = repository.populations(partnership);
        var districts = partnerships.districtsOf(partnership);
        var byYear = new TreeMap<Integer, List<PublishedGroup>>(Comparator.reverseOrder());
        for (var group : groups(partnership)) {
            var city = CrimeFigures.city(CrimeFigures.trends(group, rows, populations, districts));
            for (var year : city) {
                if (chosen.contains(new CrimePublication(year.year(), group.id())) && year.figures().reported()) {
                    byYear.computeIfAbsent(year.year(), y -> new ArrayList<>())
                            .add(new PublishedGroup(group.name(), year.figures()));
                }
            }
        }
        return byYear.entrySet().stream().map(e -> new PublishedYear(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private List<OffenceGroup> groups(PartnershipId partnership) {
        var stored = repository.groups(partnership);
        return stored.isEmpty() ? OffenceGroup.DEFAULTS : stored;
    }

    private static String describe(List<CrimePublication> publications, List<OffenceGroup> groups) {
        return publications.stream()
                .sorted(Comparator.comparingInt(CrimePublication::year).thenComparing(p -> position(p, groups)))
                .map(p -> p.year() + " " + groups.stream().filter(g -> g.id().equals(p.group()))
                        .map(OffenceGroup::name).findFirst().orElse("?"))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static int position(CrimePublication publication, List<OffenceGroup> groups) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).id().equals(publication.group())) {
                return i;
            }
        }
        return groups.size();
    }
}
