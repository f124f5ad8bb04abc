package de.sipa.places;

import java.util.List;

/** What citizens see of a published place: its concept in plain words, approved comments and the ratings. */
public record PublicPlace(Place place, List<String> goals, List<Measure> measures, List<PlaceComment> comments,
        List<RatingMonth> ratings) {
}
