package de.sipa.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.sipa.partners.Bodies;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;

@Controller
class HomeController {

    private final Organisations organisations;
    private final People people;
    private final Bodies bodies;

    HomeController(Organisations organisations, People people, Bodies bodies) {
        this.organisations = organisations;
        this.people = people;
        this.bodies = bodies;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("organisationCount", organisations.count());
        model.addAttribute("personCount", people.count());
        model.addAttribute("bodies", bodies.all());
        return "home";
    }
}
