package de.sipa.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;

import de.sipa.partners.DistrictId;
import de.sipa.responsibilities.Leadership;
import de.sipa.shared.DemoStory;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PublicHolidays;

/**
 * Two years of Musterstadt's contact point, made up from one seed: who reported what, where and when, and what
 * became of it. Each category has its own pattern over the year, the week and the day; most reports cluster at the
 * Palastgarten, the Hauptbahnhof and the Neckarblick estate. Every report is routed by the real rules (the matrix
 * as it was when the report came in, the category's service level in working days); most are closed with a public
 * note, some were late and escalated, handed back, merged as duplicates or re-categorised. The result is a list of
 * rows with their history, written in bulk by {@link ReportsDemo}.
 */
final class ReportHistory {

    static final String COORDINATION = "koordination";
    static final String SYSTEM = "system";
    static final String CITIZEN = "bürger";
    static final String OPEN311 = "open311";

    /** A place where reports cluster: its centre and spread in degrees. */
    record Spot(String key, double latitude, double longitude, double spread) {
    }

    static final Spot PALASTGARTEN = new Spot("palastgarten", 48.7818, 9.1832, 0.0008);
    static final Spot HAUPTBAHNHOF = new Spot("hauptbahnhof", 48.7829, 9.1800, 0.0005);
    static final Spot NECKARBLICK = new Spot("neckarblick", 48.7625, 9.2455, 0.0009);
    /** The underpass west of the Hauptbahnhof: its south-west and north-east end (latitude, longitude). */
    static final double[][] UNDERPASS = {{48.7822, 9.1746}, {48.7830, 9.1754}};
    /** The street parallel to the underpass, about 100 m west of it, where its problems went (degrees of longitude). */
    static final double STREET_WEST = -0.00135;
    private static final String[] DISTRICTS = {"Mitte", "Nord", "Ost", "Süd", "West", "Hafen"};
    private static final double[] DISTRICT_WEIGHTS = {3, 2, 1, 2, 1.5, 1};

    /** Weights per hour from the day's midnight; 24–29 are the small hours of the next day. */
    private static double[] hours(double... rangesFromToWeight) {
        var weights = new double[30];
        for (int i = 0; i < rangesFromToWeight.length; i += 3) {
            for (int h = (int) rangesFromToWeight[i]; h < (int) rangesFromToWeight[i + 1]; h++) {
                weights[h] = rangesFromToWeight[i + 2];
            }
        }
        return weights;
    }

    private static final double[] NIGHT = hours(8, 18, 0.15, 18, 20, 0.5, 20, 22, 1.5, 22, 24, 2.5, 24, 27, 2, 27, 29, 0.5);
    private static final double[] MORNING = hours(6, 8, 1, 8, 12, 2, 12, 16, 0.7, 16, 20, 0.3);
    private static final double[] DAY = hours(8, 19, 1, 19, 22, 0.3);
    private static final double[] EVENING = hours(10, 15, 0.2, 15, 18, 0.6, 18, 24, 1.5, 24, 26, 0.6);
    private static final double[] DARK = hours(6, 8, 0.7, 8, 16, 0.1, 16, 18, 1.2, 18, 23, 1.8, 23, 25, 0.5);
    private static final double[] DRINKING = hours(10, 12, 0.3, 12, 16, 0.8, 16, 22, 1.5, 22, 24, 0.7);

    /**
     * A category's pattern: how many reports in two years, their weight per month (January first), weekday (Monday
     * first) and hour, the share at the Palastgarten, the Hauptbahnhof, the Neckarblick estate and elsewhere, and
     * the share of citizens' web form, Open311 and partners.
     */
    private record Pattern(String code, int count, double[] months, double[] weekdays, double[] hours, double[] spots,
            double[] channels) {
    }

    private static final double[] FLAT_WEEK = {1, 1, 1, 1, 1, 1, 1};
    private static final double[] CHANNELS = {0.55, 0.22, 0.23};

    private static final List<Pattern> PATTERNS = List.of(
            new Pattern("laerm", 700, new double[] {0.4, 0.4, 0.6, 0.9, 1.4, 1.8, 2.0, 1.9, 1.4, 0.8, 0.5, 0.6},
                    new double[] {0.5, 0.5, 0.6, 0.8, 1.6, 2.2, 1.4}, NIGHT, new double[] {0.4, 0.05, 0.1, 0.45},
                    CHANNELS),
            new Pattern("muell", 640, new double[] {0.7, 0.7, 0.9, 1.1, 1.3, 1.4, 1.5, 1.5, 1.2, 1.0, 0.8, 0.9},
                    new double[] {2.6, 1.0, 0.9, 0.9, 0.9, 0.9, 1.0}, MORNING, new double[] {0.25, 0.1, 0.2, 0.45},
                    CHANNELS),
            new Pattern("beleuchtung", 400, new double[] {2.2, 1.8, 1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1.4, 2.2, 2.4},
                    FLAT_WEEK, DARK, null, new double[] {0.6, 0.15, 0.25}),
            new Pattern("drogen", 300, new double[] {0.9, 0.9, 1, 1, 1.1, 1.1, 1.1, 1.1, 1, 1, 0.9, 0.9},
                    new double[] {1, 1, 1, 1, 1.2, 1.3, 1.0}, EVENING, new double[] {0.2, 0.55, 0.05, 0.2},
                    new double[] {0.45, 0.15, 0.4}),
            new Pattern("alkohol", 330, new double[] {0.5, 0.5, 0.7, 1.0, 1.4, 1.7, 1.9, 1.8, 1.3, 0.8, 0.6, 0.7},
                    new double[] {0.8, 0.8, 0.9, 1, 1.3, 1.5, 1.3}, DRINKING, new double[] {0.25, 0.35, 0.15, 0.25},
                    CHANNELS),
            new Pattern("haltestelle", 300, new double[] {1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.1, 1.3, 1.4},
                    new double[] {1, 1, 1, 1, 1.3, 1.3, 0.9}, EVENING, new double[] {0, 0.45, 0.3, 0.25}, CHANNELS),
            new Pattern("graffiti", 280, new double[] {0.8, 0.8, 1, 1.1, 1.2, 1.1, 1, 1, 1.1, 1, 0.9, 0.8},
                    new double[] {1.6, 1.1, 1, 1, 1, 0.9, 1.0}, MORNING, new double[] {0.1, 0.1, 0.3, 0.5}, CHANNELS),
            new Pattern("betteln", 200, new double[] {0.9, 0.8, 0.9, 1, 1, 1, 1, 1, 1, 1, 1.3, 1.8},
                    new double[] {0.9, 0.9, 0.9, 1, 1.2, 1.6, 0.6}, DAY, new double[] {0.05, 0.35, 0, 0.6}, CHANNELS),
            new Pattern("sonstiges", 150, new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, FLAT_WEEK, DAY,
                    new double[] {0.1, 0.1, 0.1, 0.7}, CHANNELS));

    /** What partners' staff report, by category: the accounts that use the internal form. */
    private static final Map<String, String[]> PARTNER_ACCOUNTS = Map.of(
            "laerm", new String[] {"ordnungsamt", "polizei"}, "muell", new String[] {"ordnungsamt"},
            "beleuchtung", new String[] {COORDINATION, "ordnungsamt"}, "drogen", new String[] {"polizei", "jugendamt"},
            "alkohol", new String[] {"ordnungsamt", "polizei"}, "haltestelle", new String[] {"polizei"},
            "graffiti", new String[] {"ordnungsamt", "polizei"}, "betteln", new String[] {"ordnungsamt"},
            "sonstiges", new String[] {COORDINATION, "jugendamt"});

    /** What the joint patrol notes, and how often (it cannot report drugs or alcohol: those ask for answers). */
    private static final String[] PATROL_CATEGORIES = {"laerm", "muell", "beleuchtung", "haltestelle", "graffiti",
        "betteln"};
    private static final double[] PATROL_WEIGHTS = {0.35, 0.25, 0.15, 0.1, 0.1, 0.05};

    /** One event of a report's history; a note may name another report's number ({@code %s}) not drawn yet. */
    record Event(Instant at, String actor, ReportEvent.Kind kind, ReportStatus status, OrganisationId organisation,
            String note, boolean visibleToPublic, Row names) {
    }

    /** One report as it stands today, with its history. */
    static final class Row {
        final UUID id = UUID.randomUUID();
        final UUID token = UUID.randomUUID();
        String publicId;
        Instant numberedAt;
        Category category;
        String description;
        Double latitude;
        Double longitude;
        String address;
        DistrictId district;
        ReportSource source;
        ReportStatus status;
        OrganisationId assignee;
        Instant deadline;
        Instant escalatedAt;
        Map<String, String> attributes = Map.of();
        Contact contact = Contact.NONE;
        Instant contactDeletedAt;
        String publicNote;
        Instant submittedAt;
        Instant closedAt;
        String submittedBy;
        TextModeration textModeration;
        Row duplicateOf;
        final List<Event> events = new ArrayList<>();
        /** Where the reporter said it was, in words. */
        String place;

        Instant updatedAt() {
            return events.stream().map(Event::at).max(Comparator.naturalOrder()).orElse(submittedAt);
        }

        void event(Instant at, String actor, ReportEvent.Kind kind, OrganisationId organisation, String note,
                boolean visibleToPublic) {
            events.add(new Event(at, actor, kind, null, organisation, note, visibleToPublic, null));
        }

        /**
         * Routed by the matrix: to the lead (or the coordinator) with its deadline; as Reports.recordRouting does, the
         * supporting and informed organisations are told and may read the report from then on.
         */
        void routed(Instant at, String actor, Routing routing) {
            event(at, actor, ReportEvent.Kind.ROUTED, routing.assignee(), null, true);
            for (var organisation : routing.notified()) {
                event(at, actor, ReportEvent.Kind.NOTIFIED, organisation, null, false);
            }
            assignee = routing.assignee();
            deadline = routing.deadline();
        }

        /** The report's status changed, with the public note that came with it. */
        void statusChanged(Instant at, String actor, ReportStatus status, String note) {
            events.add(new Event(at, actor, ReportEvent.Kind.STATUS_CHANGED, status, assignee, note, true, null));
        }
    }

    /** A report handed back after the last review, for the next review's list of flags. */
    record HandBack(Row report, OrganisationId organisation, String reason, Instant at) {
    }

    /** Where reports come from and what they ask the rest of SiPa. */
    interface City {
        Leadership whoLeads(Category category, DistrictId district, Instant at);

        OrganisationId organisation(String name);

        /** The login of someone working on reports for the organisation. */
        String staffOf(OrganisationId organisation);

        /** Whether the organisation works around the clock (police), not office hours. */
        boolean aroundTheClock(OrganisationId organisation);
    }

    private final DemoStory story;
    private final Instant now;
    private final ZoneId zone;
    private final PublicHolidays holidays;
    private final Map<String, Category> categories;
    private final DemoGeography geography;
    private final DemoTexts texts;
    private final City city;
    private final SplittableRandom random = new SplittableRandom(DemoStory.SEED);
    private final List<Row> rows = new ArrayList<>();
    private final List<HandBack> handBacks = new ArrayList<>();

    ReportHistory(DemoStory story, Instant now, ZoneId zone, PublicHolidays holidays, List<Category> categories,
            DemoGeography geography, DemoTexts texts, City city) {
        this.story = story;
        this.now = now;
        this.zone = zone;
        this.holidays = holidays;
        this.categories = new LinkedHashMap<>();
        categories.forEach(c -> this.categories.put(c.code(), c));
        this.geography = geography;
        this.texts = texts;
        this.city = city;
    }

    List<Row> rows() {
        return rows;
    }

    List<HandBack> handBacks() {
        return handBacks;
    }

    /** Makes up the history. */
    ReportHistory write() {
        var days = story.start().datesUntil(story.today().plusDays(1)).toList();
        for (var pattern : PATTERNS) {
            var category = category(pattern.code());
            var cumulative = new double[days.size()];
            double sum = 0;
            for (int i = 0; i < days.size(); i++) {
                sum += weight(pattern, days.get(i), i / (double) days.size());
                cumulative[i] = sum;
            }
            for (int n = 0; n < pattern.count(); n++) {
                Instant at;
                LocalDate day;
                do {
                    day = days.get(pick(cumulative));
                    at = day.atStartOfDay(zone).plusMinutes(pickIndex(pattern.hours()) * 60L + random.nextInt(60))
                            .toInstant();
                } while (!at.isBefore(now.minus(Duration.ofMinutes(10))));
                rows.add(report(pattern, category, day, at));
            }
        }
        patrolNights();
        rows.sort(Comparator.comparing(r -> r.submittedAt));
        duplicates();
        graffitiSeries();
        placesStory();
        rows.sort(Comparator.comparing(r -> r.submittedAt));
        return this;
    }

    /** Days after the series' start, and metres east and north of the Neckarblick's centre, of the tagger's walls. */
    private static final int[][] SERIES = {{0, 0, 0}, {0, 20, 5}, {1, 25, 10}, {2, -20, 15}, {3, 10, -25},
        {3, -15, -10}, {4, 30, -5}, {5, 0, 30}, {6, -30, 0}, {7, 15, 20}, {8, -5, -30}, {9, 20, -20}, {10, -25, 25},
        {12, 5, 15}};

    /**
     * A tagger's series in the Neckarblick estate four months ago: fourteen walls within 60 m of each other in under
     * two weeks, a near repeat for the situation picture. Made after everything else so that the rest of the city stays
     * as the seed made it.
     */
    private void graffitiSeries() {
        var pattern = PATTERNS.stream().filter(p -> p.code().equals("graffiti")).findFirst().orElseThrow();
        var category = category("graffiti");
        var start = story.today().minusDays(120);
        for (var wall : SERIES) {
            var day = start.plusDays(wall[0]);
            var at = day.atStartOfDay(zone).plusHours(7).plusMinutes(random.nextInt(90)).toInstant();
            double latitude = NECKARBLICK.latitude() + wall[2] / 111_320.0;
            double longitude = NECKARBLICK.longitude()
                    + wall[1] / (111_320.0 * Math.cos(Math.toRadians(NECKARBLICK.latitude())));
            rows.add(report(pattern, category, day, at, new double[] {latitude, longitude}, NECKARBLICK));
        }
    }

    /**
     * What the places' evaluations show, made after everything else so that the rest of the city stays as the seed
     * made it: the Palastgarten had many more nightly reports (drinking, noise, litter, dealing) until the joint patrol
     * walked and the lamps were renewed; the underpass west of the Hauptbahnhof had its dealing and drinking until it
     * was locked at night, after which they went to the street 100 m west of it (displacement).
     */
    private void placesStory() {
        String[] codes = {"laerm", "alkohol", "muell", "drogen"};
        double[] weights = {0.35, 0.3, 0.2, 0.15};
        var garden = new Spot(PALASTGARTEN.key(), PALASTGARTEN.latitude(), PALASTGARTEN.longitude() + 0.0006, 0.0006);
        for (var day = story.start(); day.isBefore(story.lightingRenewed()); day = day.plusDays(1)) {
            if (random.nextDouble() < (day.isBefore(story.patrolsBegin()) ? 0.8 : 0.5)) {
                var code = codes[pickIndex(weights)];
                placeReport(code, day, near(garden), PALASTGARTEN);
            }
        }
        String[] underpassCodes = {"drogen", "alkohol", "laerm", "betteln", "muell"};
        double[] underpassWeights = {0.35, 0.3, 0.15, 0.1, 0.1};
        var closed = story.underpassClosedAtNight();
        for (var day = story.start(); day.isBefore(story.today()); day = day.plusDays(1)) {
            boolean before = day.isBefore(closed);
            if (random.nextDouble() < (before ? 0.15 : 0.035)) {
                placeReport(underpassCodes[pickIndex(underpassWeights)], day, alongUnderpass(0), HAUPTBAHNHOF);
            }
            if (random.nextDouble() < (before ? 0.02 : 0.14)) {
                placeReport(underpassCodes[pickIndex(underpassWeights)], day, alongUnderpass(STREET_WEST),
                        HAUPTBAHNHOF);
            }
        }
    }

    /** A point along the underpass, or along the street {@code shift} degrees of longitude beside it. */
    private double[] alongUnderpass(double shift) {
        double t = random.nextDouble();
        double latitude = UNDERPASS[0][0] + t * (UNDERPASS[1][0] - UNDERPASS[0][0]) + (random.nextDouble() - 0.5) * 0.00012;
        double longitude = UNDERPASS[0][1] + t * (UNDERPASS[1][1] - UNDERPASS[0][1]) + shift
                + (random.nextDouble() - 0.5) * 0.00012;
        return new double[] {latitude, longitude};
    }

    private void placeReport(String code, LocalDate day, double[] point, Spot named) {
        var pattern = PATTERNS.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
        var at = day.atStartOfDay(zone).plusMinutes(pickIndex(pattern.hours()) * 60L + random.nextInt(60)).toInstant();
        if (at.isBefore(now.minus(Duration.ofMinutes(10)))) {
            rows.add(report(pattern, category(code), day, at, point, named));
        }
    }

    private double weight(Pattern pattern, LocalDate day, double progress) {
        double weight = pattern.months()[day.getMonthValue() - 1] * pattern.weekdays()[day.getDayOfWeek().getValue() - 1]
                * (0.8 + 0.4 * progress);
        if (pattern.code().equals("beleuchtung") && dark(day)) {
            if (!day.isBefore(story.month(-3)) && day.isBefore(story.lightingRenewed())) {
                weight *= 1.6; // the Palastgarten's dark paths
            } else if (!day.isBefore(story.estateDark())) {
                weight *= 1.3; // the Neckarblick estate's
            }
        }
        return weight;
    }

    private static boolean dark(LocalDate day) {
        int month = day.getMonthValue();
        return month >= 10 || month <= 3;
    }

    private double[] spots(Pattern pattern, LocalDate day) {
        if (pattern.spots() != null) {
            return pattern.spots();
        }
        double garden = day.isBefore(story.lightingRenewed()) ? 0.45 : 0.04;
        double estate = day.isBefore(story.estateDark()) ? 0.05 : 0.4;
        return new double[] {garden, 0.05, estate, Math.max(0.1, 1 - garden - estate - 0.05)};
    }

    private Row report(Pattern pattern, Category category, LocalDate day, Instant at) {
        return report(pattern, category, day, at, null, null);
    }

    /**
     * @param fixed a fixed point; {@code null}: where the pattern's spots say
     * @param named the spot whose place names the reporter uses for a fixed point
     */
    private Row report(Pattern pattern, Category category, LocalDate day, Instant at, double[] fixed, Spot named) {
        var row = new Row();
        row.submittedAt = at;
        row.category = category;
        int spot = pickIndex(spots(pattern, day));
        String place;
        double[] point;
        if (fixed != null) {
            place = texts.any("places." + named.key(), random);
            point = fixed;
        } else if (spot < 3) {
            var where = new Spot[] {PALASTGARTEN, HAUPTBAHNHOF, NECKARBLICK}[spot];
            place = texts.any("places." + where.key(), random);
            point = near(where);
        } else {
            var district = DISTRICTS[pickIndex(DISTRICT_WEIGHTS)];
            place = texts.any("places." + district, random);
            point = geography.anywhereIn(district, random);
        }
        row.source = new ReportSource[] {ReportSource.CITIZEN, ReportSource.OPEN311, ReportSource.PARTNER}[
                pickIndex(pattern.channels())];
        row.place = place;
        row.description = texts.any("description." + pattern.code(), random).replace("{ort}", place);
        row.latitude = point[0];
        row.longitude = point[1];
        row.district = geography.districtOf(point[0], point[1]).orElseThrow();
        switch (row.source) {
            case PARTNER -> {
                var accounts = PARTNER_ACCOUNTS.get(pattern.code());
                row.submittedBy = accounts[random.nextInt(accounts.length)];
                row.address = place;
                if (random.nextDouble() < 0.3) {
                    row.latitude = null;
                    row.longitude = null;
                }
            }
            case OPEN311 -> {
                row.submittedBy = OPEN311;
                row.contact = contact();
            }
            default -> {
                row.submittedBy = CITIZEN;
                row.address = random.nextDouble() < 0.4 ? place : null;
                row.contact = contact();
            }
        }
        row.attributes = attributes(pattern.code(), row.description, at);
        var original = category;
        if (!category.moderated() && !category.code().equals("sonstiges") && row.source != ReportSource.PARTNER
                && random.nextDouble() < 0.03) {
            original = category("sonstiges"); // the citizen did not find the right category
        }
        live(row, original);
        return row;
    }

    /** The joint patrol's observations that became reports, on the Friday and Saturday nights it walked. */
    private void patrolNights() {
        for (var day = story.patrolsBegin(); day.isBefore(story.today()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.FRIDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY) {
                continue;
            }
            double u = random.nextDouble();
            int count = u < 0.5 ? 1 : u < 0.65 ? 2 : 0;
            for (int n = 0; n < count; n++) {
                var at = day.atTime(20, 30).atZone(zone).plusMinutes(random.nextInt(315)).toInstant();
                // Only nights whose patrol has ended: the patrols' demo writes the observations behind these
                // reports with the patrol's report, which a patrol still under way does not have yet.
                if (!day.plusDays(1).atTime(DemoStory.PATROL_ENDS).atZone(zone).toInstant().isBefore(now)) {
                    continue;
                }
                var weights = PATROL_WEIGHTS.clone();
                if (!day.isBefore(story.lightingRenewed())) {
                    weights[2] = 0.02;
                }
                var code = PATROL_CATEGORIES[pickIndex(weights)];
                var area = code.equals("haltestelle") || random.nextDouble() < 0.3 ? "Hauptbahnhof" : "Palastgarten";
                var row = new Row();
                row.submittedAt = at;
                row.category = category(code);
                row.source = ReportSource.PATROL;
                row.submittedBy = random.nextBoolean() ? "polizei" : "ordnungsamt";
                row.description = texts.any("patrol." + code, random);
                row.address = texts.any("patrolplaces." + area, random) + ", " + area;
                row.district = geography.id("Mitte");
                live(row, row.category);
                rows.add(row);
            }
        }
    }

    /**
     * What happened to a report after it came in, by the rules of {@link Reports}: routed by the matrix as it was
     * then, maybe re-categorised or handed back, started, closed (late ones escalated) or still open.
     */
    private void live(Row row, Category original) {
        var at = row.submittedAt;
        var category = original;
        boolean citizens = row.source == ReportSource.CITIZEN || row.source == ReportSource.OPEN311;
        row.textModeration = TextModeration.initial(row.source);
        row.event(at, row.submittedBy, ReportEvent.Kind.RECEIVED, null, null, true);
        var routedAt = at;
        var routedBy = row.submittedBy;
        if (category.moderated() && citizens) {
            var approved = office(at.plus(hoursBetween(2, 30)), null);
            if (!approved.isBefore(now)) {
                row.status = ReportStatus.MODERATION;
                return;
            }
            row.event(approved, COORDINATION, ReportEvent.Kind.APPROVED, null, null, true);
            routedAt = approved;
            routedBy = COORDINATION;
        }
        row.numberedAt = routedAt;
        var routing = Routing.of(category, city.whoLeads(category, row.district, at), at, zone, holidays);
        row.routed(routedAt, routedBy, routing);
        if (citizens) {
            var looked = office(at.plus(hoursBetween(1, 40)), null);
            if (looked.isBefore(now)) {
                boolean publish = random.nextDouble() < 0.92;
                row.textModeration = publish ? TextModeration.APPROVED : TextModeration.HIDDEN;
                row.event(looked, COORDINATION, ReportEvent.Kind.COMMENTED, null,
                        publish ? "Text für die Öffentlichkeit freigegeben" : "Text nicht öffentlich", false);
            }
        }
        var from = routedAt;
        if (category != row.category) {
            var corrected = office(from.plus(hoursBetween(1, 20)), null);
            if (!corrected.isBefore(now)) {
                row.category = category;
                row.status = ReportStatus.NEW;
                return;
            }
            category = row.category;
            row.event(corrected, COORDINATION, ReportEvent.Kind.RECATEGORISED, null,
                    category.name() + ": " + texts.any("recategorise", random), false);
            routing = Routing.of(category, city.whoLeads(category, row.district, corrected), corrected, zone, holidays);
            row.routed(corrected, COORDINATION, routing);
            from = corrected;
        }
        var handBacks = texts.all("handback." + category.code());
        if (row.assignee != null && !handBacks.isEmpty() && random.nextDouble() < 0.05) {
            var handBack = handBacks.get(random.nextInt(handBacks.size())).split("\\|");
            var returned = office(from.plus(hoursBetween(3, 72)), row.assignee);
            if (returned.isBefore(now)) {
                var reason = handBack[0].strip();
                row.event(returned, city.staffOf(row.assignee), ReportEvent.Kind.HANDED_BACK, row.assignee, reason,
                        false);
                if (!returned.isBefore(story.graffitiToPublicOrder().atStartOfDay(zone).toInstant())) {
                    this.handBacks.add(new HandBack(row, row.assignee, reason, returned));
                }
                row.assignee = null;
                from = returned;
                var rerouted = office(returned.plus(hoursBetween(1, 30)), null);
                if (!rerouted.isBefore(now) || returned.isAfter(now.minus(Duration.ofDays(10)))) {
                    row.status = ReportStatus.NEW;
                    escalateIfLate(row, from, now);
                    return; // waits in the coordinator's queue
                }
                var target = city.organisation(handBack[1].strip());
                routing = Routing.to(target, category, rerouted, zone, holidays);
                row.event(rerouted, COORDINATION, ReportEvent.Kind.REROUTED, target, handBack[2].strip(), true);
                row.assignee = target;
                row.deadline = routing.deadline();
                from = rerouted;
            }
        }
        work(row, category, from);
    }

    private void work(Row row, Category category, Instant from) {
        var worker = row.assignee == null ? COORDINATION : city.staffOf(row.assignee);
        var started = office(from.plus(hoursBetween(0.5, 36)), row.assignee);
        if (!started.isBefore(now)) {
            row.status = ReportStatus.NEW;
            escalateIfLate(row, from, now);
            return;
        }
        row.statusChanged(started, worker, ReportStatus.IN_PROGRESS, null);
        var span = Duration.between(from, row.deadline).toMinutes();
        double u = random.nextDouble();
        double factor = u < 0.75 ? 0.1 + 0.8 * random.nextDouble() : u < 0.95 ? 1.1 + 2 * random.nextDouble()
                : 3 + 12 * random.nextDouble();
        var closed = office(from.plus(Duration.ofMinutes((long) (span * factor))), row.assignee);
        if (!closed.isAfter(started)) {
            closed = started.plus(Duration.ofMinutes(30 + random.nextInt(240)));
        }
        if (!closed.isBefore(now)) {
            row.status = ReportStatus.IN_PROGRESS;
            escalateIfLate(row, from, now);
            return;
        }
        escalateIfLate(row, from, closed);
        double outcome = random.nextDouble();
        ReportStatus status;
        String note;
        if (outcome < 0.85) {
            status = ReportStatus.DONE;
            note = random.nextDouble() < 0.92 ? texts.any("done." + category.code(), random) : null;
        } else if (outcome < 0.92) {
            status = ReportStatus.REJECTED;
            note = texts.any("rejected", random);
        } else {
            status = ReportStatus.FORWARDED;
            note = texts.any("forwarded", random);
        }
        close(row, status, note, closed, worker);
    }

    private void close(Row row, ReportStatus status, String note, Instant at, String actor) {
        row.status = status;
        row.publicNote = note;
        row.closedAt = at;
        row.statusChanged(at, actor, status, note);
        forgetContact(row);
    }

    /** Reporters' contact data go 90 days after closing, in the nightly run at 3:30. */
    private void forgetContact(Row row) {
        if (row.contact == Contact.NONE) {
            return;
        }
        var due = row.closedAt.plus(Duration.ofDays(90)).atZone(zone);
        var run = due.toLocalDate().atTime(LocalTime.of(3, 30)).atZone(zone);
        if (run.isBefore(due)) {
            run = run.plusDays(1);
        }
        if (run.toInstant().isBefore(now)) {
            row.contact = Contact.NONE;
            row.contactDeletedAt = run.toInstant();
            row.event(run.toInstant(), SYSTEM, ReportEvent.Kind.CONTACT_DELETED, null, null, false);
        }
    }

    /** The escalation job runs every 15 minutes: a report still open after its deadline is escalated once. */
    private void escalateIfLate(Row row, Instant assignedAt, Instant openUntil) {
        if (row.deadline.isBefore(openUntil) && row.deadline.isAfter(assignedAt)) {
            row.escalatedAt = row.deadline.plus(Duration.ofMinutes(1 + random.nextInt(14)));
            if (row.escalatedAt.isBefore(openUntil)) {
                row.event(row.escalatedAt, SYSTEM, ReportEvent.Kind.ESCALATED, row.assignee, null, false);
            } else {
                row.escalatedAt = null;
            }
        }
    }

    /**
     * A second citizen reports the same thing nearby a little later; the coordinator merges it into the first while
     * both are open.
     */
    private void duplicates() {
        var merged = new ArrayList<Row>();
        for (var original : rows) {
            if (original.latitude == null || original.category.moderated() || original.numberedAt == null
                    || (original.source != ReportSource.CITIZEN && original.source != ReportSource.OPEN311)
                    || original.events.stream().anyMatch(e -> e.kind() == ReportEvent.Kind.HANDED_BACK
                            || e.kind() == ReportEvent.Kind.RECATEGORISED)
                    || random.nextDouble() >= 0.05) {
                continue;
            }
            var openUntil = original.closedAt == null ? now : original.closedAt;
            var again = original.submittedAt.plus(hoursBetween(2, 72));
            var merge = office(again.plus(hoursBetween(1, 16)), null);
            if (!merge.isBefore(openUntil) || !merge.isBefore(now)) {
                continue;
            }
            double metres = 5 + random.nextDouble() * 30;
            double angle = random.nextDouble() * 2 * Math.PI;
            double latitude = original.latitude + metres * Math.sin(angle) / 111_320;
            double longitude = original.longitude
                    + metres * Math.cos(angle) / (111_320 * Math.cos(Math.toRadians(original.latitude)));
            var district = geography.districtOf(latitude, longitude);
            if (district.isEmpty() || !district.get().equals(original.district)) {
                continue;
            }
            var row = new Row();
            row.submittedAt = again;
            row.category = original.category;
            row.source = random.nextDouble() < 0.7 ? ReportSource.CITIZEN : ReportSource.OPEN311;
            row.submittedBy = row.source == ReportSource.CITIZEN ? CITIZEN : OPEN311;
            row.contact = contact();
            row.description = texts.any("description." + row.category.code(), random)
                    .replace("{ort}", original.place);
            row.latitude = latitude;
            row.longitude = longitude;
            row.district = original.district;
            row.attributes = attributes(row.category.code(), row.description, again);
            row.textModeration = TextModeration.PENDING;
            row.numberedAt = again;
            row.event(again, row.submittedBy, ReportEvent.Kind.RECEIVED, null, null, true);
            var routing = Routing.of(row.category, city.whoLeads(row.category, row.district, again), again, zone, holidays);
            row.routed(again, row.submittedBy, routing);
            row.duplicateOf = original;
            row.status = ReportStatus.FORWARDED;
            row.closedAt = merge;
            row.publicNote = "Zusammengeführt mit Anliegen %s";
            row.events.add(new Event(merge, COORDINATION, ReportEvent.Kind.MERGED, null, original.assignee, row.publicNote,
                    true, original));
            original.events.add(new Event(merge, COORDINATION, ReportEvent.Kind.MERGED, null, null,
                    "Anliegen %s zusammengeführt", false, row));
            forgetContact(row);
            merged.add(row);
        }
        rows.addAll(merged);
        rows.sort(Comparator.comparing(r -> r.submittedAt));
    }

    /**
     * Draws the public numbers ("2025-000123") in the order they were given, from the numbers handed out, and
     * writes them into the notes that name them.
     */
    void number(Function<Integer, List<Long>> numbers) {
        var numbered = rows.stream().filter(r -> r.numberedAt != null)
                .sorted(Comparator.comparing((Row r) -> r.numberedAt)).toList();
        var drawn = numbers.apply(numbered.size());
        for (int i = 0; i < numbered.size(); i++) {
            var row = numbered.get(i);
            row.publicId = row.numberedAt.atZone(zone).getYear() + "-" + String.format("%06d", drawn.get(i));
        }
        for (var row : rows) {
            row.events.sort(Comparator.comparing(Event::at));
            if (row.publicNote != null && row.duplicateOf != null) {
                row.publicNote = String.format(row.publicNote, row.duplicateOf.publicId);
            }
            for (int i = 0; i < row.events.size(); i++) {
                var event = row.events.get(i);
                if (event.names() != null) {
                    row.events.set(i, new Event(event.at(), event.actor(), event.kind(), event.status(), event.organisation(),
                            String.format(event.note(), event.names().publicId), event.visibleToPublic(), null));
                }
            }
        }
    }

    private Contact contact() {
        double u = random.nextDouble();
        if (u < 0.3) {
            return Contact.NONE;
        }
        var name = texts.any("names", random);
        var email = name.toLowerCase(java.util.Locale.GERMAN).replace(' ', '.').replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss").replace("ı", "i") + "@example.org";
        return u < 0.85 ? new Contact(name, email, null) : new Contact(name, null, "0176 " + (1000000 + random.nextInt(8999999)));
    }

    private Map<String, String> attributes(String code, String description, Instant at) {
        return switch (code) {
            case "drogen" -> Map.of("art", description.contains("Spritz") ? "spritzen"
                    : description.contains("dealt") ? "handel" : "konsum");
            case "alkohol" -> Map.of("anzahl", Integer.toString(3 + random.nextInt(10)));
            case "laerm" -> random.nextDouble() < 0.3
                    ? Map.of("uhrzeit", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                            at.atZone(zone).toLocalDateTime().withSecond(0).withNano(0)))
                    : Map.of();
            default -> Map.of();
        };
    }

    /** A point around the spot, well inside a district. */
    private double[] near(Spot spot) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double lat = spot.latitude() + random.nextGaussian() * spot.spread();
            double lon = spot.longitude() + random.nextGaussian() * spot.spread() * 1.5;
            if (geography.districtOf(lat, lon).isPresent()) {
                return new double[] {lat, lon};
            }
        }
        throw new IllegalStateException("No room around " + spot.key());
    }

    /**
     * The next time in office hours (Monday to Friday, 7–18 h) from {@code at}, unless the organisation works around
     * the clock.
     */
    private Instant office(Instant at, OrganisationId organisation) {
        if (organisation != null && city.aroundTheClock(organisation)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        if (local.getHour() >= 18) {
            local = local.toLocalDate().plusDays(1).atTime(7, 30).atZone(zone).plusMinutes(random.nextInt(120));
        } else if (local.getHour() < 7) {
            local = local.toLocalDate().atTime(7, 30).atZone(zone).plusMinutes(random.nextInt(120));
        }
        while (!WorkingDays.isWorkingDay(local.toLocalDate(), holidays)) {
            local = local.plusDays(1);
        }
        return local.toInstant();
    }

    private Duration hoursBetween(double from, double to) {
        return Duration.ofMinutes((long) (60 * (from + random.nextDouble() * (to - from))));
    }

    private Category category(String code) {
        var category = categories.get(code);
        if (category == null) {
            throw new IllegalStateException("Demo category missing: " + code);
        }
        return category;
    }

    private int pick(double[] cumulative) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0, high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] <= target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private int pickIndex(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
