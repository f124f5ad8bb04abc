package de.sipa.reports.open311;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.sipa.reports.AttributeType;
import de.sipa.reports.Category;
import de.sipa.reports.PublicReport;
import de.sipa.reports.ReportEvent;
import de.sipa.reports.ReportStatus;

/** SiPa's categories and reports as the response trees of GeoReport v2, with the spec's field names. */
final class Open311Representations {

    /** ISO 8601 with seconds and offset, no fractions (w3 datetime). */
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Open311Representations() {
    }

    static String datetime(Instant instant, ZoneId zone) {
        return instant == null ? null : DATETIME.format(instant.atZone(zone));
    }

    static Map<String, Object> service(Category category, String group) {
        var service = new LinkedHashMap<String, Object>();
        service.put("service_code", category.code());
        service.put("service_name", category.name());
        service.put("description", category.description());
        service.put("metadata", !category.attributes().isEmpty());
        // Every accepted request gets its id at once, moderated ones too: no service is "batch".
        service.put("type", "realtime");
        service.put("keywords", keywords(category.keywords()));
        service.put("group", group);
        return service;
    }

    static Map<String, Object> definition(Category category) {
        var attributes = new java.util.ArrayList<Map<String, Object>>();
        int order = 1;
        for (var attribute : category.attributes()) {
            var map = new LinkedHashMap<String, Object>();
            map.put("variable", true);
            map.put("code", attribute.code());
            map.put("datatype", attribute.type().open311());
            map.put("required", attribute.required());
            map.put("datatype_description", datatypeDescription(attribute.type()));
            map.put("order", order++);
            map.put("description", attribute.description());
            map.put("values", attribute.choices().stream().map(choice -> {
                var value = new LinkedHashMap<String, Object>();
                value.put("key", choice.key());
                value.put("name", choice.name());
                return value;
            }).toList());
            attributes.add(map);
        }
        var definition = new LinkedHashMap<String, Object>();
        definition.put("service_code", category.code());
        definition.put("attributes", attributes);
        return definition;
    }

    /**
     * A service request.
     *
     * @param responsible the organisation's name, or the coordination's when none is responsible yet
     * @param mediaUrl an absolute URL per photo id, without the id
     * @param extensions with the FixMyStreet/CitySDK extras: detailed status, title, photos, public updates, and
     *     SiPa's: where moderation stands, the report a duplicate was merged into
     */
    static Map<String, Object> request(PublicReport report, String responsible, String serviceNotice, ZoneId zone,
            String mediaUrl, boolean extensions) {
        var request = new LinkedHashMap<String, Object>();
        request.put("service_request_id", report.publicId());
        request.put("status", report.status().closed() ? "closed" : "open");
        request.put("status_notes", report.publicNote());
        request.put("service_name", report.categoryName());
        request.put("service_code", report.categoryCode());
        request.put("description", report.description());
        request.put("agency_responsible", responsible);
        request.put("service_notice", serviceNotice);
        request.put("requested_datetime", datetime(report.submittedAt(), zone));
        request.put("updated_datetime", datetime(report.updatedAt(), zone));
        request.put("expected_datetime", report.status().closed() ? null : datetime(report.deadline(), zone));
        request.put("address", report.address());
        request.put("address_id", report.addressId());
        request.put("zipcode", null);
        request.put("lat", report.latitude());
        request.put("long", report.longitude());
        var media = new java.util.ArrayList<String>();
        report.photos().forEach(id -> media.add(mediaUrl + id));
        if (report.mediaUrl() != null) {
            media.add(report.mediaUrl());
        }
        request.put("media_url", media.isEmpty() ? null : media.get(0));
        if (extensions) {
            var extended = new LinkedHashMap<String, Object>();
            extended.put("detailed_status", detailedStatus(report.status()));
            extended.put("title", report.categoryName());
            extended.put("media_urls", media);
            extended.put("moderation", moderation(report));
            extended.put("merged_into", report.mergedInto());
            extended.put("updates", report.events().stream().map(event -> update(event, zone)).toList());
            request.put("extended_attributes", extended);
        }
        return request;
    }

    /**
     * Whether what the reporter wrote is public: {@code pending} (not checked yet: description, address, address id
     * and photos are withheld, and for a moderated category the place too), {@code approved}, or {@code withheld}.
     */
    static String moderation(PublicReport report) {
        if (report.awaitingApproval()) {
            return "pending";
        }
        switch (report.textModeration()) {
            case APPROVED:
                return "approved";
            case HIDDEN:
                return "withheld";
            default:
                return "pending";
        }
    }

    /** CitySDK's detailed status (RECEIVED, IN_PROCESS, PROCESSED, REJECTED). */
    static String detailedStatus(ReportStatus status) {
        switch (status) {
            case IN_PROGRESS:
                return "IN_PROCESS";
            case DONE:
            case FORWARDED:
                return "PROCESSED";
            case REJECTED:
                return "REJECTED";
            default:
                return "RECEIVED";
        }
    }

    private static Map<String, Object> update(ReportEvent event, ZoneId zone) {
        var update = new LinkedHashMap<String, Object>();
        update.put("updated_datetime", datetime(event.occurredAt(), zone));
        update.put("type", event.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (event.status() != null) {
            update.put("detailed_status", detailedStatus(event.status()));
        }
        update.put("description", event.note());
        return update;
    }

    private static String keywords(String keywords) {
        if (keywords == null || keywords.isBlank()) {
            return null;
        }
        return Arrays.stream(keywords.strip().split("[,\\s]+")).filter(k -> !k.isEmpty())
                .collect(Collectors.joining(","));
    }

    private static String datatypeDescription(AttributeType type) {
        switch (type) {
            case NUMBER:
                return "Zahl";
            case DATETIME:
                return "Datum und Uhrzeit nach ISO 8601, z. B. 2026-11-21T23:05:10+01:00";
            case MULTIVALUELIST:
                return "Einer oder mehrere der Schlüssel (attribute[code][]=…)";
            case SINGLEVALUELIST:
                return "Einer der Schlüssel";
            default:
                return null;
        }
    }

    static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
