package de.sipa.reports.open311;

import java.util.List;

import org.springframework.stereotype.Component;

import de.sipa.Fixtures;
import de.sipa.Fixtures.City;
import de.sipa.identity.CurrentUser;
import de.sipa.identity.SipaUser;
import de.sipa.reports.AttributeType;
import de.sipa.reports.Categories;
import de.sipa.reports.Category;
import de.sipa.reports.CategoryAttribute;
import de.sipa.reports.CategoryId;

/** A fresh city with three categories (one with required list answers, one moderated) and an Open311 client. */
@Component
class Open311Cities {

    private final Fixtures fixtures;
    private final Categories categories;
    private final ApiClients clients;

    Open311Cities(Fixtures fixtures, Categories categories, ApiClients clients) {
        this.fixtures = fixtures;
        this.categories = categories;
        this.clients = clients;
    }

    record Open311City(City city, String apiKey, Category drugs, Category graffiti, Category noise) {

        String slug() {
            return "stadt-" + city.key();
        }
    }

    Open311City create() {
        var city = fixtures.city();
        return CurrentUser.runAs(SipaUser.system(city.id()), () -> {
            var drugs = new Category(CategoryId.random(), "drogen", "Drogenkonsum oder -handel", "Spritzen, Handel",
                    null, 2, false, "drogen spritzen  dealer", true, List.of(
                            new CategoryAttribute("art", AttributeType.SINGLEVALUELIST, true, "Was haben Sie beobachtet?",
                                    List.of(new CategoryAttribute.Choice("konsum", "Konsum"),
                                            new CategoryAttribute.Choice("handel", "Handel"))),
                            new CategoryAttribute("wo", AttributeType.MULTIVALUELIST, false, "Wo genau?",
                                    List.of(new CategoryAttribute.Choice("spielplatz", "Spielplatz"),
                                            new CategoryAttribute.Choice("haltestelle", "Haltestelle"))),
                            new CategoryAttribute("anzahl", AttributeType.NUMBER, false, "Anzahl Personen", List.of())));
            var graffiti = new Category(CategoryId.random(), "graffiti", "Graffiti", null, null, 10, true, "farbe",
                    true, List.of());
            var noise = new Category(CategoryId.random(), "laerm", "Lärm", "Ruhestörung", null, 3, false, null, true,
                    List.of());
            categories.create(drugs);
            categories.create(graffiti);
            categories.create(noise);
            var key = clients.open("Test-App").key();
            return new Open311City(city, key, drugs, graffiti, noise);
        });
    }
}
