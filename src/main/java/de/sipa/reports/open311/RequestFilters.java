package de.sipa.reports.open311;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import de.sipa.reports.PublicReportQuery;

/**
 * The filters of GET requests: {@code service_request_id} (a comma list; then all other filters are ignored),
 * {@code service_code}, {@code status}, {@code start_date}, {@code end_date} with the spec's default of the last 90
 * days and at most 1000 requests; paging with {@code page} and {@code page_size}; CitySDK's {@code lat}/{@code long}/
 * {@code radius} (metres) and {@code updated_after}.
 */
final class RequestFilters {

    static final int MAX_RESULTS = 1000;
    static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    private RequestFilters() {
    }

    static PublicReportQuery parse(Map<String, String> params, Set<String> knownCodes, Clock clock) {
        var ids = param(params, "service_request_id");
        int pageSize = integer(params, "page_size", MAX_RESULTS);
        int page = integer(params, "page", 1);
        if (pageSize < 1 || pageSize > MAX_RESULTS) {
            throw new Open311Exception(400, "page_size must be between 1 and " + MAX_RESULTS);
        }
        if (page < 1) {
            throw new Open311Exception(400, "page must be 1 or more");
        }
        int offset = (page - 1) * pageSize;
        if (ids != null) {
            var list = Open311Representations.list(ids);
            if (list.isEmpty() || list.size() > MAX_RESULTS) {
                throw new Open311Exception(400, "service_request_id must list 1 to " + MAX_RESULTS + " ids");
            }
            return new PublicReportQuery(list, null, null, null, null, null, null, null, null, pageSize, offset);
        }
        var codes = param(params, "service_code") == null ? java.util.List.<String>of()
                : Open311Representations.list(param(params, "service_code"));
        for (var code : codes) {
            if (!knownCodes.contains(code)) {
                throw new Open311Exception(400, "Unknown service_code '" + code + "'");
            }
        }
        Boolean closed = null;
        var status = param(params, "status");
        if (status != null) {
            var statuses = Open311Representations.list(status.toLowerCase(java.util.Locale.ROOT));
            if (statuses.isEmpty() || !Set.of("open", "closed").containsAll(statuses)) {
                throw new Open311Exception(400, "status must be open or closed");
            }
            closed = statuses.size() == 1 ? statuses.contains("closed") : null;
            if (statuses.contains("open") && statuses.contains("closed")) {
                closed = null;
            }
        }
        var start = date(params, "start_date", clock, false);
        var end = date(params, "end_date", clock, true);
        var updatedAfter = date(params, "updated_after", clock, false);
        if (start != null && end != null && end.isBefore(start)) {
            throw new Open311Exception(400, "end_date lies before start_date");
        }
        if (updatedAfter == null) {
            if (start == null && end == null) {
                start = clock.instant().minus(DEFAULT_SPAN);
            } else if (start == null) {
                start = end.minus(DEFAULT_SPAN);
            }
        }
        Double lat = decimal(params, "lat");
        Double lon = decimal(params, "long");
        Double radius = decimal(params, "radius");
        if (lat != null || lon != null || radius != null) {
            if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                throw new Open311Exception(400, "lat and long must be given together as WGS84 coordinates");
            }
            if (radius == null) {
                radius = 1000.0;
            }
            if (radius <= 0 || radius > 100_000) {
                throw new Open311Exception(400, "radius must be between 0 and 100000 metres");
            }
        }
        return new PublicReportQuery(null, codes, closed, start, end, updatedAfter, lat, lon, radius, pageSize, offset);
    }

    static String param(Map<String, String> params, String name) {
        var value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static int integer(Map<String, String> params, String name, int otherwise) {
        var value = param(params, name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a whole number");
        }
    }

    static Double decimal(Map<String, String> params, String name) {
        var value = param(params, name);
        if (value == null) {
            return null;
        }
        try {
            var number = Double.parseDouble(value);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Open311Exception(400, name + " must be a decimal number");
        }
    }

    /** A w3 datetime; tolerated too: without offset (the partnership's zone) or a plain date. */
    static Instant date(Map<String, String> params, String name, Clock clock, boolean endOfDay) {
        var value = param(params, name);
        if (value == null) {
            return null;
        }
        var text = value.replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException again) {
                try {
                    var day = LocalDate.parse(text);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant()
                            .minusSeconds(endOfDay ? 1 : 0);
                } catch (DateTimeParseException last) {
                    throw new Open311Exception(400, name + " must be a w3 datetime such as 2026-11-21T23:05:10+01:00");
                }
            }
        }
    }
}
