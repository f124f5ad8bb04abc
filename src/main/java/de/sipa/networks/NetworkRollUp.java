package de.sipa.networks;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.identity.Tenancy;
import de.sipa.partners.Partnerships;
import de.sipa.reports.ReportFigures;
import de.sipa.shared.CellSuppression;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;
import de.sipa.situation.CrimeFigures;

/**
 * What the network's coordination sees: the member towns side by side, each with only what it shares. Reads across
 * partnerships on purpose ({@link Tenancy#acrossPartnerships()}) and therefore asks the share table before it reads
 * anything of a town, and reads the town through the owning module's API as that town's system user.
 */
@Service
@Transactional(readOnly = true)
public class NetworkRollUp {

    static final int MONTHS = 12;
    private static final Pattern COORDINATES = Pattern.compile("\\[\\s*(-?\\d+(?:\\.\\d+)?)\\s*,\\s*(-?\\d+(?:\\.\\d+)?)\\s*]");

    private final NetworkRepository repository;
    private final Partnerships partnerships;
    private final ReportFigures reportFigures;
    private final CrimeFigures crimeFigures;
    private final SharedPractice practice;
    private final Tenancy tenancy;
    private final Clock clock;

    NetworkRollUp(NetworkRepository repository, Partnerships partnerships, ReportFigures reportFigures,
            CrimeFigures crimeFigures, SharedPractice practice, Tenancy tenancy, Clock clock) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.reportFigures = reportFigures;
        this.crimeFigures = crimeFigures;
        this.practice = practice;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The network the current partnership hosts; anyone else gets a 404. */
    @PreAuthorize(NetworkPermissions.READ)
    public Network network() {
        var host = CurrentUser.partnership();
        return repository.hostedBy(host).orElseThrow(() -> new NotFoundException("Network hosted by", host));
    }

    /** The last twelve full months. */
    public YearMonth lastMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** The network's page: every member with what it shares, the key figures of the last twelve full months. */
    @PreAuthorize(NetworkPermissions.READ)
    public RollUp rollUp() {
        var network = network();
        tenancy.acrossPartnerships();
        var last = lastMonth();
        var first = last.minusMonths(MONTHS - 1);
        var sharing = new java.util.HashSet<PartnershipId>();
        repository.shares(network.id(), ShareKind.KEY_FIGURES).forEach(s -> sharing.add(s.member()));
        var counts = new LinkedHashMap<PartnershipId, Map<String, Long>>();
        var categories = new TreeSet<String>();
        var populations = new HashMap<PartnershipId, Long>();
        var towns = new ArrayList<RollUp.Town>();
        for (var member : repository.members(network.id())) {
            populations.put(member, population(member));
            if (sharing.contains(member)) {
                var perCategory = new LinkedHashMap<String, Long>();
                for (var row : asTown(member, () -> reportFigures.receivedPerMonth(first, last))) {
                    perCategory.merge(row.category(), row.count(), Long::sum);
                }
                counts.put(member, perCategory);
                categories.addAll(perCategory.keySet());
            }
        }
        var categoryList = List.copyOf(categories);
        var networkTotals = new LinkedHashMap<String, Long>();
        categoryList.forEach(c -> networkTotals.put(c, 0L));
        for (var member : repository.members(network.id())) {
            var partnership = partnerships.find(member).orElseThrow();
            var population = populations.get(member);
            var centre = centre(member);
            if (!counts.containsKey(member)) {
                towns.add(new RollUp.Town(member, partnership.name(), population, false, Map.of(),
                        cell(0, true, population), centre[0], centre[1]));
                continue;
            }
            var line = new long[categoryList.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = counts.get(member).getOrDefault(categoryList.get(i), 0L);
            }
            var hidden = CellSuppression.line(line);
            var figures = new LinkedHashMap<String, Cell>();
            long total = 0;
            for (int i = 0; i < line.length; i++) {
                figures.put(categoryList.get(i), cell(line[i], hidden[i], population));
                total += line[i];
                if (!hidden[i]) {
                    networkTotals.merge(categoryList.get(i), line[i], Long::sum);
                }
            }
            towns.add(new RollUp.Town(member, partnership.name(), population, true, figures,
                    cell(total, hidden[line.length], population), centre[0], centre[1]));
        }
        towns.sort(java.util.Comparator.comparing(RollUp.Town::name, java.text.Collator.getInstance(java.util.Locale.GERMAN)));
        return new RollUp(network, first, last, categoryList, towns, networkTotals,
                practice.sharedProjects(network.id()));
    }

    /** A town's key figures month by month; only for a member that shares them. */
    @PreAuthorize(NetworkPermissions.READ)
    public TownMonths town(PartnershipId town) {
        var rollUp = rollUp();
        var figures = rollUp.towns().stream().filter(t -> t.id().equals(town) && t.sharesFigures()).findFirst()
                .orElseThrow(() -> new NotFoundException("Shared key figures of", town));
        var months = new ArrayList<YearMonth>();
        for (var m = rollUp.first(); !m.isAfter(rollUp.last()); m = m.plusMonths(1)) {
            months.add(m);
        }
        var perMonth = new HashMap<String, Map<YearMonth, Long>>();
        for (var row : asTown(town, () -> reportFigures.receivedPerMonth(rollUp.first(), rollUp.last()))) {
            perMonth.computeIfAbsent(row.category(), c -> new HashMap<>()).merge(row.month(), row.count(), Long::sum);
        }
        var rows = new ArrayList<TownMonths.Row>();
        for (var category : rollUp.categories()) {
            var total = figures.figures().get(category);
            var line = new long[months.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = perMonth.getOrDefault(category, Map.of()).getOrDefault(months.get(i), 0L);
            }
            var hidden = CellSuppression.line(line);
            var cells = new ArrayList<Cell>();
            for (int i = 0; i < line.length; i++) {
                // a category whose year is hidden in the roll-up shows no month either: the months would add up to it
                cells.add(cell(line[i], total.hidden() || hidden[i], figures.population()));
            }
            rows.add(new TownMonths.Row(category, cells, total));
        }
        return new TownMonths(figures.name(), months, rows);
    }

    private Long population(PartnershipId member) {
        var byDistrict = asTown(member, crimeFigures::populations);
        int latest = byDistrict.values().stream().flatMap(y -> y.keySet().stream()).max(Integer::compare).orElse(0);
        return byDistrict.values().stream().mapToLong(y -> y.getOrDefault(latest, 0)).sum();
    }

    /** The middle of a town's drawn districts (latitude, longitude), or two nulls. */
    private Double[] centre(PartnershipId member) {
        double lat = 0;
        double lon = 0;
        int n = 0;
        for (var district : partnerships.districtsOf(member)) {
            if (district.boundary() == null) {
                continue;
            }
            var m = COORDINATES.matcher(district.boundary());
            while (m.find()) {
                lon += Double.parseDouble(m.group(1));
                lat += Double.parseDouble(m.group(2));
                n++;
            }
        }
        return n == 0 ? new Double[] {null, null} : new Double[] {lat / n, lon / n};
    }

    private static Cell cell(long count, boolean hidden, long population) {
        return new Cell(hidden ? 0 : count, hidden, population);
    }

    /** Reads a member's figures through its module's API as the member's system user, inside this transaction. */
    static <T> T asTown(PartnershipId town, java.util.function.Supplier<T> read) {
        return CurrentUser.runAs(SipaUser.system(town), read);
    }
}
