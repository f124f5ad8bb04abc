package de.sipa.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import de.sipa.responsibilities.Leadership;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PublicHolidays;

/**
 * Where a report goes: the one lead organisation of its topic there and then, else the coordinator; the
 * deadline from the category's service level in working days of the partnership's Land; who else hears of it.
 *
 * @param assignee {@code null}: the coordinator's queue
 */
record Routing(OrganisationId assignee, Instant deadline, Set<OrganisationId> notified) {

    static Routing of(Category category, Leadership leadership, Instant at, ZoneId zone, PublicHolidays holidays) {
        var deadline = WorkingDays.add(at, category.serviceLevelDays(), zone, holidays);
        if (category.topic() == null) {
            return new Routing(null, deadline, Set.of());
        }
        var notified = new LinkedHashSet<>(leadership.supporters());
        notified.addAll(leadership.informed());
        return new Routing(leadership.lead().orElse(null), deadline, notified);
    }

    static Routing to(OrganisationId organisation, Category category, Instant at, ZoneId zone,
            PublicHolidays holidays) {
        return new Routing(organisation, WorkingDays.add(at, category.serviceLevelDays(), zone, holidays), Set.of());
    }
}
