package de.sipa.meetings;

import java.util.stream.Collectors;

import org.springframework.ui.Model;

import de.sipa.partners.Bodies;
import de.sipa.partners.Body;
import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.partners.Person;

/** The partnership's bodies, organisations and people, as lists and as names by id, for this module's pages. */
final class MeetingNames {

    private MeetingNames() {
    }

    static void addTo(Model model, Bodies bodies, Organisations organisations, People people) {
        var allBodies = bodies.all();
        model.addAttribute("bodies", allBodies);
        model.addAttribute("bodyNames", allBodies.stream().collect(Collectors.toMap(Body::id, Body::name)));
        var allOrganisations = organisations.all();
        model.addAttribute("organisations", allOrganisations);
        model.addAttribute("organisationNames", allOrganisations.stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name)));
        var everyone = people.all();
        model.addAttribute("people", everyone.stream().filter(p -> !p.archived()).toList());
        model.addAttribute("personNames", everyone.stream().collect(Collectors.toMap(Person::id, Person::fullName)));
    }
}
