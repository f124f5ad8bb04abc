package de.sipa.places;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the concept's pages show beside the concept itself: the links to the bodies, the matrix and the patrols. */
@Component
class ConceptPageModel {

    private final MeasureLinks links;
    private final PublicPlaces publicPlaces;
    private final de.sipa.partners.Partnerships partnerships;

    ConceptPageModel(MeasureLinks links, PublicPlaces publicPlaces, de.sipa.partners.Partnerships partnerships) {
        this.links = links;
        this.publicPlaces = publicPlaces;
        this.partnerships = partnerships;
    }

    void addTo(Model model, Place place) {
        model.addAttribute("measureLinks", links.ofPlace(place.id()));
        model.addAttribute("agendaLinks", links.agendaItems(place.id()));
        if (ConceptAccess.mayEdit()) {
            model.addAttribute("agendaChoices", links.agendaChoices());
        }
        model.addAttribute("ratings", publicPlaces.ratingsOf(place.id()));
        partnerships.find(de.sipa.identity.CurrentUser.partnership())
                .ifPresent(p -> model.addAttribute("partnershipSlug", p.slug()));
        if (ConceptAccess.mayPublish()) {
            model.addAttribute("pendingComments", publicPlaces.pendingComments(place.id()));
        }
    }

    void addLinks(Model model, Measure measure) {
        model.addAttribute("links", links.ofMeasure(measure.place(), measure.id()));
        if (ConceptAccess.mayEdit()) {
            // a presence measure is first of all tied to its joint patrol plan
            var kinds = measure.kind() == MeasureKind.PRESENCE
                    ? List.of(MeasureLinkKind.PATROL_PLAN, MeasureLinkKind.PATROL_AREA, MeasureLinkKind.DECISION,
                            MeasureLinkKind.ACTION_ITEM, MeasureLinkKind.TOPIC)
                    : List.of(MeasureLinkKind.DECISION, MeasureLinkKind.ACTION_ITEM, MeasureLinkKind.TOPIC,
                            MeasureLinkKind.PATROL_PLAN, MeasureLinkKind.PATROL_AREA);
            var choices = new java.util.LinkedHashMap<MeasureLinkKind, List<LinkChoice>>();
            kinds.forEach(kind -> choices.put(kind, links.choices(kind)));
            model.addAttribute("linkKinds", kinds);
            model.addAttribute("linkChoices", choices);
        }
    }
}
