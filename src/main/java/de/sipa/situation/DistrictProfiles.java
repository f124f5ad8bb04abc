package de.sipa.situation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.operations.Events;
import de.sipa.operations.PatrolArea;
import de.sipa.operations.PatrolAreaId;
import de.sipa.operations.Patrols;
import de.sipa.partners.District;
import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.reports.ReportFigures;
import de.sipa.reports.ReportFigures.CategoryMonth;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Responsibility;
import de.sipa.shared.OrganisationId;
import de.sipa.situation.DistrictProfile.CategoryRow;
import de.sipa.situation.DistrictProfile.Crime;
import de.sipa.situation.DistrictProfile.CrimeRow;
import de.sipa.situation.DistrictProfile.PatrolRow;
import de.sipa.situation.DistrictProfile.TopicLead;

/**
 * The district profiles of the situation picture, put together from the other modules' APIs: the reports' figures,
 * the responsibility matrix, the joint patrols and events, and this module's crime figures and populations. The
 * police's figures per district only for those who may see them ({@link CrimeFigureAccess#mayReadDistricts()}).
 */
@Service
@Transactional(readOnly = true)
public class DistrictProfiles {

    /** The patrols the profile counts as planned: those of the next four weeks. */
    static final Duration PLANNED_AHEAD = Duration.ofDays(28);
    /** The years of crime figures a profile shows at most. */
    static final int CRIME_YEARS = 5;

    private final Partnerships partnerships;
    private final ReportFigures reportFigures;
    private final Responsibilities responsibilities;
    private final Organisations organisations;
    private final Patrols patrols;
    private final Events events;
    private final CrimeFigures crimeFigures;
    private final CrimeFigureRepository crimeFigureRepository;
    private final CrimeFigureAccess access;
    private final Clock clock;

    DistrictProfiles(Partnerships partnerships, ReportFigures reportFigures, Responsibilities responsibilities,
            Organisations organisations, Patrols patrols, Events events, CrimeFigures crimeFigures,
            CrimeFigureRepository crimeFigureRepository, CrimeFigureAccess access, Clock clock) {
        this.partnerships = partnerships;
        this.reportFigures = reportFigures;
        this.responsibilities = responsibilities;
        this.organisations = organisations;
        this.patrols = patrols;
        this.events = events;
        this.crimeFigures = crimeFigures;
        this.crimeFigureRepository = crimeFigureRepository;
        this.access = access;
        this.clock = clock;
    }

    /** Every district with its key figures, in the partnership's order. */
    @PreAuthorize(DistrictProfilePermissions.READ)
    public List<DistrictSummary> summaries() {
        var months = lastTwelveMonths();
        var populations = crimeFigureRepository.populations(CurrentUser.partnership());
        var plans = plansByDistrict();
        List<DistrictTrend> trends = List.of();
        if (access.mayReadDistricts()) {
            trends = crimeFigures.districtTrends(crimeFigures.groups().get(0));
        }
        var result = new ArrayList<DistrictSummary>();
        for (var district : partnerships.districts()) {
            var figures = reportFigures.district(district.id(), months.get(0).minusYears(1), months.get(11));
            long reports = 0;
            long before = 0;
            for (var month : figures.perMonth()) {
                if (month.month().isBefore(months.get(0))) {
                    before += month.count();
                } else {
                    reports += month.count();
                }
            }
            var population = latest(populations.get(district.id().value()));
            Integer crimeYear = null;
            Figures crime = null;
            var trend = trends.stream().filter(t -> t.district().equals(district.id())).findFirst();
            if (trend.isPresent() && !trend.get().years().isEmpty()) {
                var last = trend.get().years().get(trend.get().years().size() - 1);
                crimeYear = last.year();
                crime = last.figures();
            }
            result.add(new DistrictSummary(district, population == null ? null : population.getValue(), reports,
                    before, figures.open(), figures.overdue(), plans.getOrDefault(district.id(), Set.of()).size(),
                    crimeYear, crime));
        }
        return result;
    }

    /** One district's profile; an unknown district is not found. */
    @PreAuthorize(DistrictProfilePermissions.READ)
    public DistrictProfile profile(DistrictId id) {
        var district = partnerships.district(id);
        var months = lastTwelveMonths();
        var figures = reportFigures.district(id, months.get(0).minusYears(1), months.get(11));
        var population = latest(crimeFigureRepository.populations(CurrentUser.partnership()).get(id.value()));
        var names = organisationNames();
        var categoryRows = categories(months, figures.perMonth());
        return new DistrictProfile(district, population == null ? null : population.getValue(),
                population == null ? null : population.getKey(), months, categoryRows, total(months, figures.perMonth()),
                figures.open(), figures.overdue(), leads(id, names), patrols(district), events.inDistrict(id),
                access.mayReadDistricts() ? crime(id) : null);
    }

    // --- reports ---

    List<YearMonth> lastTwelveMonths() {
        var now = YearMonth.now(clock);
        var months = new ArrayList<YearMonth>();
        for (int back = 11; back >= 0; back--) {
            months.add(now.minusMonths(back));
        }
        return months;
    }

    /** One row per category that had reports in the 24 months, most reports of the last twelve first. */
    static List<CategoryRow> categories(List<YearMonth> months, List<CategoryMonth> perMonth) {
        var byCategory = new LinkedHashMap<String, Map<YearMonth, Long>>();
        perMonth.forEach(m -> byCategory.computeIfAbsent(m.category(), c -> new HashMap<>()).merge(m.month(),
                m.count(), Long::sum));
        var rows = new ArrayList<CategoryRow>();
        byCategory.forEach((category, counts) -> rows.add(row(category, months, counts)));
        rows.sort(Comparator.comparingLong(CategoryRow::sum).reversed()
                .thenComparing(Comparator.comparingLong(CategoryRow::sumYearBefore).reversed())
                .thenComparing(CategoryRow::category));
        return rows;
    }

    static CategoryRow total(List<YearMonth> months, List<CategoryMonth> perMonth) {
        var counts = new HashMap<YearMonth, Long>();
        perMonth.forEach(m -> counts.merge(m.month(), m.count(), Long::sum));
        return row("", months, counts);
    }

    private static CategoryRow row(String category, List<YearMonth> months, Map<YearMonth, Long> counts) {
        return new CategoryRow(category, months.stream().map(m -> counts.getOrDefault(m, 0L)).toList(),
                months.stream().map(m -> counts.getOrDefault(m.minusYears(1), 0L)).toList());
    }

    // --- responsibilities ---

    private List<TopicLead> leads(DistrictId district, Map<OrganisationId, String> names) {
        var matrix = responsibilities.matrix();
        var result = new ArrayList<TopicLead>();
        for (var topic : matrix.topics()) {
            if (!topic.active()) {
                continue;
            }
            var leadership = matrix.resolve(topic.id(), district, Set.of());
            var entries = matrix.entriesOf(topic.id()).stream()
                    .filter(e -> e.cityWide() || district.equals(e.district())).toList();
            boolean local = entries.stream().anyMatch(e -> district.equals(e.district()) && e.allDay()
                    && e.responsibility() == Responsibility.LEAD);
            var inWindows = new ArrayList<String>();
            for (var window : matrix.timeWindows()) {
                var there = matrix.resolve(topic.id(), district, Set.of(window.id()));
                if (!there.leads().isEmpty() && !there.leads().equals(leadership.leads())) {
                    inWindows.add(window.name() + ": " + String.join(", ", names(there.leads(), names)));
                }
            }
            if (leadership.leads().isEmpty() && leadership.supporters().isEmpty() && inWindows.isEmpty()) {
                continue;
            }
            result.add(new TopicLead(topic.name(), names(leadership.leads(), names),
                    names(leadership.supporters(), names), local, inWindows));
        }
        return result;
    }

    private Map<OrganisationId, String> organisationNames() {
        var names = new HashMap<OrganisationId, String>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        return names;
    }

    private static List<String> names(Collection<OrganisationId> ids, Map<OrganisationId, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "?")).sorted().toList();
    }

    // --- patrols ---

    private Map<DistrictId, Set<Object>> plansByDistrict() {
        var areas = new HashMap<PatrolAreaId, DistrictId>();
        patrols.areas().stream().filter(a -> a.district() != null).forEach(a -> areas.put(a.id(), a.district()));
        var since = LocalDate.now(clock).minusYears(1);
        var result = new HashMap<DistrictId, Set<Object>>();
        for (var plan : patrols.plans()) {
            if (plan.schedule().validUntil().isBefore(since)) {
                continue;
            }
            plan.areas().stream().map(areas::get).filter(d -> d != null)
                    .forEach(d -> result.computeIfAbsent(d, k -> new HashSet<>()).add(plan.id()));
        }
        return result;
    }

    private List<PatrolRow> patrols(District district) {
        var areas = new HashMap<PatrolAreaId, PatrolArea>();
        patrols.areas().stream().filter(a -> district.id().equals(a.district())).forEach(a -> areas.put(a.id(), a));
        if (areas.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        var since = ZonedDateTime.now(clock).minusYears(1).toInstant();
        var roster = patrols.roster(since, now.plus(PLANNED_AHEAD), null);
        var result = new ArrayList<PatrolRow>();
        for (var plan : patrols.plans()) {
            var here = plan.areas().stream().filter(areas::containsKey).map(a -> areas.get(a).name()).toList();
            if (here.isEmpty() || plan.schedule().validUntil().isBefore(LocalDate.now(clock).minusYears(1))) {
                continue;
            }
            long walked = roster.stream().filter(e -> e.patrol().plan().equals(plan.id()) && !e.patrol().cancelled()
                    && e.patrol().startsAt().isBefore(now)).count();
            long planned = roster.stream().filter(e -> e.patrol().plan().equals(plan.id()) && !e.patrol().cancelled()
                    && !e.patrol().startsAt().isBefore(now)).count();
            var schedule = plan.schedule();
            result.add(new PatrolRow(plan.name(), here, schedule.orderedWeekdays(), schedule.startsAt(),
                    schedule.endsAt(), schedule.validFrom(), schedule.validUntil(), walked, planned));
        }
        result.sort(Comparator.comparing(PatrolRow::validUntil).reversed().thenComparing(PatrolRow::plan));
        return result;
    }

    // --- crime figures ---

    private Crime crime(DistrictId district) {
        var rows = new ArrayList<CrimeRow>();
        List<Integer> years = List.of();
        for (var group : crimeFigures.groups()) {
            var trend = crimeFigures.districtTrends(group).stream().filter(t -> t.district().equals(district))
                    .findFirst();
            if (trend.isEmpty() || trend.get().years().isEmpty()) {
                continue;
            }
            var all = trend.get().years();
            var shown = all.subList(Math.max(0, all.size() - CRIME_YEARS), all.size());
            years = shown.stream().map(YearFigures::year).toList();
            rows.add(new CrimeRow(group.name(), shown.stream().map(YearFigures::figures).toList()));
        }
        return new Crime(years, rows);
    }

    private static Map.Entry<Integer, Integer> latest(Map<Integer, Integer> perYear) {
        if (perYear == null || perYear.isEmpty()) {
            return null;
        }
        return perYear.entrySet().stream().max(Map.Entry.comparingByKey()).orElse(null);
    }
}
