package de.sipa.operations;

import java.util.stream.Collectors;

import org.springframework.ui.Model;

import de.sipa.partners.Organisation;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.partners.Person;

/** The partnership's organisations and people, as lists and as names by id, for this module's pages. */
final class OperationNames {

    private OperationNames() {
    }

    static void addTo(Model model, Organisations organisations, People people) {
        addTo(model, organisations);
        var everyone = people.all();
        model.addAttribute("people", everyone.stream().filter(p -> !p.archived()).toList());
        model.addAttribute("personNames", everyone.stream().collect(Collectors.toMap(Person::id, Person::fullName)));
    }

    /** Only the organisations, for pages that name no people (the log, asked for twice a second by every viewer). */
    static void addTo(Model model, Organisations organisations) {
        var all = organisations.all();
        model.addAttribute("organisations", all);
        model.addAttribute("organisationNames", all.stream().collect(Collectors.toMap(Organisation::id,
                Organisation::name)));
    }
}
