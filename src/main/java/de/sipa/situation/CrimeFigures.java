package de.sipa.situation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.AuditAction;
import de.sipa.identity.AuditTrail;
import de.sipa.identity.CurrentUser;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.RuleViolationException;

/**
 * The police's crime figures (PKS) per district, year and offence group, with the Häufigkeitszahl from the districts'
 * populations and the Aufklärungsquote; the populations and the offence groups the coordination maintains. The
 * figures come in through {@link CrimeFigureImport}.
 */
@Service
@Transactional
public class CrimeFigures {

    static final int MIN_YEAR = 1990;
    private static final Pattern PREFIX = Pattern.compile("\\d{1,6}");

    private final CrimeFigureRepository repository;
    private final Partnerships partnerships;
    private final AuditTrail auditTrail;
    private final Clock clock;

    CrimeFigures(CrimeFigureRepository repository, Partnerships partnerships, AuditTrail auditTrail, Clock clock) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The partnership's offence groups; the PKS's usual set while it has not changed it. */
    @PreAuthorize(CrimeFigurePermissions.READ_CITY)
    @Transactional(readOnly = true)
    public List<OffenceGroup> groups() {
        var stored = repository.groups(CurrentUser.partnership());
        return stored.isEmpty() ? OffenceGroup.DEFAULTS : stored;
    }

    /** The group with the id, or the first group if the id is unknown or missing. */
    @PreAuthorize(CrimeFigurePermissions.READ_CITY)
    @Transactional(readOnly = true)
    public Optional<OffenceGroup> group(UUID id) {
        var all = groups();
        return all.stream().filter(g -> g.id().equals(id)).findFirst().or(() -> all.stream().findFirst());
    }

    /** The whole city's figures of a group per year: what the steering group sees. */
    @PreAuthorize(CrimeFigurePermissions.READ_CITY)
    @Transactional(readOnly = true)
    public List<YearFigures> cityTrend(OffenceGroup group) {
        return city(trends(group));
    }

    /** A group's figures per district and year. */
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    @Transactional(readOnly = true)
    public List<DistrictTrend> districtTrends(OffenceGroup group) {
        return trends(group);
    }

    /** The inhabitants per district (by id) and year, for the page that edits them. */
    @PreAuthorize(CrimeFigurePermissions.READ_DISTRICTS)
    @Transactional(readOnly = true)
    public Map<UUID, Map<Integer, Integer>> populations() {
        return repository.populations(CurrentUser.partnership());
    }

    /** Sets (or, with {@code null}, removes) the inhabitants of the districts in a year. */
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    public void enterPopulations(int year, Map<DistrictId, Integer> populations) {
        checkYear(year);
        var partnership = CurrentUser.partnership();
        var names = new HashMap<UUID, String>();
        partnerships.districts().forEach(d -> names.put(d.id().value(), d.name()));
        var before = repository.populations(partnership);
        var changes = new ArrayList<String>();
        for (var entry : populations.entrySet()) {
            var district = entry.getKey().value();
            if (!names.containsKey(district)) {
                throw new RuleViolationException("crimeFigures.population.unknownDistrict");
            }
            var population = entry.getValue();
            if (population != null && (population <= 0 || population > 10_000_000)) {
                throw new RuleViolationException("crimeFigures.population.invalid", names.get(district));
            }
            var old = before.getOrDefault(district, Map.of()).get(year);
            if (java.util.Objects.equals(old, population)) {
                continue;
            }
            repository.savePopulation(partnership, district, year, population);
            changes.add(names.get(district) + " " + (old == null ? "–" : old) + " → "
                    + (population == null ? "–" : population));
        }
        if (!changes.isEmpty()) {
            auditTrail.record(AuditAction.CHANGED, "DistrictPopulation", year,
                    auditTrail.summary("audit.crimeFigures.population", String.valueOf(year), String.join(", ", changes)));
        }
    }

    /** Adds a group ({@code id == null}) or changes one; the prefixes are PKS keys' beginnings, e.g. "3, 4". */
    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    public UUID saveGroup(UUID id, String name, String prefixes) {
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 120) {
            throw new RuleViolationException("crimeFigures.group.name.invalid");
        }
        var parsed = new ArrayList<String>();
        for (var part : (prefixes == null ? "" : prefixes).split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (!PREFIX.matcher(part).matches()) {
                throw new RuleViolationException("crimeFigures.group.prefix.invalid", part);
            }
            if (!parsed.contains(part)) {
                parsed.add(part);
            }
        }
        if (parsed.isEmpty()) {
            throw new RuleViolationException("crimeFigures.group.prefix.missing");
        }
        var partnership = CurrentUser.partnership();
        var existing = storedGroups();
        if (existing.stream().anyMatch(g -> !g.id().equals(id) && g.name().equalsIgnoreCase(clean))) {
            throw new RuleViolationException("crimeFigures.group.name.taken", clean);
        }
        if (id == null) {
            var group = new OffenceGroup(UUID.randomUUID(), clean, parsed,
                    existing.stream().mapToInt(OffenceGroup::position).max().orElse(0) + 1);
            repository.insertGroup(partnership, group);
            auditTrail.record(AuditAction.CREATED, "OffenceGroup", group.id(),
                    auditTrail.summary("audit.crimeFigures.group.created", clean, group.prefixesText()));
            return group.id();
        }
        var old = existing.stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new RuleViolationException("crimeFigures.group.unknown"));
        var group = new OffenceGroup(id, clean, parsed, old.position());
        repository.updateGroup(partnership, group);
        auditTrail.record(AuditAction.CHANGED, "OffenceGroup", id, auditTrail.summary(
                "audit.crimeFigures.group.changed", old.name(), old.prefixesText(), clean, group.prefixesText()));
        return id;
    }

    @PreAuthorize(CrimeFigurePermissions.MANAGE)
    public void deleteGroup(UUID id) {
        var existing = storedGroups();
        var group = existing.stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new RuleViolationException("crimeFigures.group.unknown"));
        if (existing.size() == 1) {
            throw new RuleViolationException("crimeFigures.group.last");
        }
        repository.deleteGroup(CurrentUser.partnership(), id);
        auditTrail.record(AuditAction.DELETED, "OffenceGroup", id,
                auditTrail.summary("audit.crimeFigures.group.deleted", group.name()));
    }

    /** The stored groups; the default set is stored first when a partnership changes its list for the first time. */
    private List<OffenceGroup> storedGroups() {
        var partnership = CurrentUser.partnership();
        var stored = repository.groups(partnership);
        if (stored.isEmpty()) {
            OffenceGroup.DEFAULTS.forEach(g -> repository.insertGroup(partnership, g));
            stored = OffenceGroup.DEFAULTS;
        }
        return stored;
    }

    void checkYear(int year) {
        int latest = java.time.LocalDate.now(clock).getYear();
        if (year < MIN_YEAR || year > latest) {
            throw new RuleViolationException("crimeFigures.year.invalid", String.valueOf(MIN_YEAR),
                    String.valueOf(latest));
        }
    }

    private List<DistrictTrend> trends(OffenceGroup group) {
        var partnership = CurrentUser.partnership();
        return trends(group, repository.figures(partnership), repository.populations(partnership),
                partnerships.districts());
    }

    /** A group's figures per district and year from the partnership's rows and populations. */
    static List<DistrictTrend> trends(OffenceGroup group, List<CrimeFigureRow> rows,
            Map<UUID, Map<Integer, Integer>> populations, List<de.sipa.partners.District> districts) {
        var years = new TreeSet<Integer>();
        rows.forEach(r -> years.add(r.year()));
        var byDistrictAndYear = new HashMap<UUID, Map<Integer, List<CrimeFigureRow>>>();
        rows.forEach(r -> byDistrictAndYear.computeIfAbsent(r.district(), d -> new HashMap<>())
                .computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r));
        var result = new ArrayList<DistrictTrend>();
        for (var district : districts) {
            var id = district.id().value();
            var perYear = new ArrayList<YearFigures>();
            for (int year : years) {
                var population = populations.getOrDefault(id, Map.of()).get(year);
                var figures = sum(group,
                        byDistrictAndYear.getOrDefault(id, Map.of()).getOrDefault(year, List.of()), population);
                perYear.add(new YearFigures(year, figures));
            }
            result.add(new DistrictTrend(district.id(), district.name(), perYear));
        }
        return result;
    }

    /** The city as the sum of its districts; its population only if every district has one that year. */
    static List<YearFigures> city(List<DistrictTrend> districts) {
        var sums = new LinkedHashMap<Integer, Figures>();
        for (var district : districts) {
            for (var year : district.years()) {
                sums.merge(year.year(), year.figures(), Figures::plus);
            }
        }
        return sums.entrySet().stream().map(e -> new YearFigures(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(YearFigures::year)).toList();
    }

    /** One group's figures from the rows of one district and year (see {@link OffenceGroup} for the counting). */
    static Figures sum(OffenceGroup group, List<CrimeFigureRow> rows, Integer population) {
        if (rows.isEmpty()) {
            return Figures.none(population);
        }
        var matched = rows.stream().filter(r -> group.matches(r.offenceKey())).toList();
        long cases = 0;
        long solved = 0;
        long suspects = 0;
        for (var row : matched) {
            boolean containedElsewhere = matched.stream()
                    .anyMatch(other -> OffenceGroup.contains(other.offenceKey(), row.offenceKey()));
            if (!containedElsewhere) {
                cases += row.cases();
                solved += row.solved();
                suspects += row.suspects();
            }
        }
        return new Figures(true, cases, solved, suspects, population);
    }

    static String normalised(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
