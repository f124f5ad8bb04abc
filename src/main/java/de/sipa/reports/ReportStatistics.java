package de.sipa.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import de.sipa.shared.OrganisationId;

/**
 * The coordinator's figures for a period.
 *
 * @param perDay incoming reports per day, every day of the period (also the quiet ones)
 * @param perOrganisation open and overdue reports now, per responsible organisation ({@code null}: coordination)
 * @param byCategory median times per category, by category name
 * @param byDistrict median times per district, by district name ("–" without district)
 */
public record ReportStatistics(LocalDate from, LocalDate to, List<DayCount> perDay,
        List<Workload> perOrganisation, List<Times> byCategory, List<Times> byDistrict) {

    public record DayCount(LocalDate day, long count) {
    }

    public record Workload(OrganisationId organisation, long open, long overdue) {
    }

    /**
     * @param firstResponse median time from arrival to the first step of the responsible organisation
     * @param closure median time from arrival to closure, of the closed ones
     */
    public record Times(String name, long reports, Duration firstResponse, Duration closure) {
    }

    public long total() {
        return perDay.stream().mapToLong(DayCount::count).sum();
    }

    public long busiestDay() {
        return perDay.stream().mapToLong(DayCount::count).max().orElse(0);
    }
}
