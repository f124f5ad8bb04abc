package de.sipa.places;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.sipa.partners.DistrictId;
import de.sipa.partners.Organisations;
import de.sipa.partners.Partnerships;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.RuleViolationException;

/**
 * Places in and out as a GeoJSON FeatureCollection (the export of {@code /orte.geojson}): every feature is checked
 * as a place would be when drawn (its outline through {@link PlaceShape}, its name, its deficit), shown with its
 * errors, and only the good ones are stored once the user confirms.
 */
@Service
@Transactional
public class PlaceExchange {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_FEATURES = 1_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Places places;
    private final Partnerships partnerships;
    private final Organisations organisations;
    private final MessageSource messages;

    PlaceExchange(Places places, Partnerships partnerships, Organisations organisations, MessageSource messages) {
        this.places = places;
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.messages = messages;
    }

    /** One feature of the file: its number (from 1), the place's name, and what is wrong with it. */
    public record Row(int line, String summary, List<String> errors, PlaceDraft draft, PlaceStatus status) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public record Preview(List<Row> rows, List<String> fileErrors) {

        public long validCount() {
            return rows.stream().filter(Row::valid).count();
        }

        public long invalidCount() {
            return rows.size() - validCount();
        }

        public boolean importable() {
            return fileErrors.isEmpty() && validCount() > 0;
        }
    }

    /** What the import would do; stores nothing. */
    @PreAuthorize(PlacePermissions.EDIT)
    @Transactional(readOnly = true)
    public Preview preview(byte[] content) {
        if (content == null || content.length == 0) {
            return fileError("places.import.empty");
        }
        if (content.length > MAX_BYTES) {
            return fileError("places.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            return fileError("places.import.notJson");
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
            return fileError("places.import.notFeatureCollection");
        }
        if (root.get("features").size() > MAX_FEATURES) {
            return fileError("places.import.tooManyFeatures", MAX_FEATURES);
        }
        try {
            PlaceShape.of("{\"type\":\"Point\",\"coordinates\":[0,0],\"crs\":" + JSON.writeValueAsString(root.get("crs"))
                    + "}", PlaceShape.MIN_RADIUS);
        } catch (RuleViolationException e) {
            if (e.messageKey().equals("place.geometry.crs")) {
                return fileError(e.messageKey(), e.arguments());
            }
        }
        Set<String> taken = new HashSet<>();
        places.places().forEach(p -> taken.add(p.name().toLowerCase(Locale.ROOT)));
        var districts = new java.util.HashMap<String, DistrictId>();
        partnerships.districts().forEach(d -> districts.put(d.name().toLowerCase(Locale.ROOT), d.id()));
        var owners = new java.util.HashMap<String, OrganisationId>();
        organisations.all().forEach(o -> owners.put(o.name().toLowerCase(Locale.ROOT), o.id()));
        var rows = new ArrayList<Row>();
        int line = 0;
        for (JsonNode feature : root.get("features")) {
            rows.add(row(++line, feature, taken, districts, owners));
        }
        return new Preview(rows, List.of());
    }

    /** Stores the good features of the file as places (origin: import); returns how many. */
    @PreAuthorize(PlacePermissions.EDIT)
    public int confirm(byte[] content) {
        var preview = preview(content);
        if (!preview.fileErrors().isEmpty()) {
            throw new RuleViolationException("places.import.nothing");
        }
        int imported = 0;
        for (var row : preview.rows()) {
            if (row.valid()) {
                var id = places.create(row.draft());
                if (row.status() != null && row.status() != PlaceStatus.OBSERVED) {
                    places.changeStatus(id, row.status());
                }
                imported++;
            }
        }
        if (imported == 0) {
            throw new RuleViolationException("places.import.nothing");
        }
        return imported;
    }

    private Row row(int line, JsonNode feature, Set<String> taken, Map<String, DistrictId> districts,
            Map<String, OrganisationId> owners) {
        var errors = new ArrayList<String>();
        var properties = feature.path("properties");
        String name = properties.path("name").asString("").strip();
        if (!"Feature".equals(feature.path("type").asString(""))) {
            errors.add(text("places.import.notFeature"));
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.add(text("place.name.invalid"));
        } else if (!taken.add(name.toLowerCase(Locale.ROOT))) {
            errors.add(text("place.name.taken", name));
        }
        Deficit deficit = enumOf(Deficit.class, properties.path("deficit").asString(""));
        if (deficit == null) {
            errors.add(text("place.deficit.required"));
        }
        String statusText = properties.path("status").asString("");
        PlaceStatus status = statusText.isEmpty() ? PlaceStatus.OBSERVED : enumOf(PlaceStatus.class, statusText);
        if (status == null) {
            errors.add(text("places.import.status", statusText));
        }
        Integer radius = properties.path("radius_metres").isNumber() ? properties.get("radius_metres").asInt() : null;
        String geometry = feature.has("geometry") && !feature.get("geometry").isNull()
                ? JSON.writeValueAsString(feature.get("geometry")) : null;
        try {
            PlaceShape.of(geometry, radius);
        } catch (RuleViolationException e) {
            errors.add(e.describe(messages));
        }
        String owner = properties.path("owner").asString("").strip();
        if (owner.length() > 200) {
            errors.add(text("place.owner.tooLong"));
        }
        var ownerOrganisation = owners.get(owner.toLowerCase(Locale.ROOT));
        var district = districts.get(properties.path("district").asString("").strip().toLowerCase(Locale.ROOT));
        var draft = new PlaceDraft(name, district, deficit, properties.path("description").asString(""),
                ownerOrganisation, ownerOrganisation == null ? owner : null, PlaceOrigin.IMPORT, geometry, radius);
        return new Row(line, name.isEmpty() ? "–" : name, errors, draft, status);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Preview fileError(String key, Object... arguments) {
        return new Preview(List.of(), List.of(text(key, arguments)));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
