package de.sipa.places;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the concept's pages show beside the concept itself. */
@Component
class ConceptPageModel {

    void addTo(Model model, Place place) {
    }

    void addLinks(Model model, Measure measure) {
    }
}
