package de.sipa.places;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * A place is a piece of the city with its outline and owner organisation: no personal data. Its photos and the site
 * audits walked there (who rated, notes, photos) may show or name people.
 */
@Component
class PlaceProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("placePhotos",
                Set.of("places_photo", "places_site_audit", "places_audit_rating")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("places_place");
    }
}
