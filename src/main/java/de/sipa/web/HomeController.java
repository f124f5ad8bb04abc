package de.sipa.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Bodies;
import de.sipa.partners.Organisations;
import de.sipa.partners.People;
import de.sipa.responsibilities.FindingKind;
import de.sipa.responsibilities.Responsibilities;
import de.sipa.responsibilities.Review;
import de.sipa.responsibilities.Reviews;

@Controller
class HomeController {

    private final Organisations organisations;
    private final People people;
    private final Bodies bodies;
    private final Responsibilities responsibilities;
    private final Reviews reviews;

    HomeController(Organisations organisations, People people, Bodies bodies, Responsibilities responsibilities,
            Reviews reviews) {
        this.organisations = organisations;
        this.people = people;
        this.bodies = bodies;
        this.responsibilities = responsibilities;
        this.reviews = reviews;
    }

    /** The start page: the network in figures, what the matrix lacks, and reviews waiting for the user's answers. */
    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("organisationCount", organisations.count());
        model.addAttribute("personCount", people.count());
        model.addAttribute("bodies", bodies.all());
        var findings = responsibilities.findings();
        model.addAttribute("gaps", findings.stream().filter(f -> f.kind() == FindingKind.GAP).count());
        model.addAttribute("overlaps", findings.stream().filter(f -> f.kind() == FindingKind.OVERLAP).count());
        var user = CurrentUser.get();
        model.addAttribute("openReviews", reviews.all().stream().filter(Review::isOpen)
                .map(review -> new OpenReview(review, reviews.items(review.id()).stream()
                        .filter(item -> user.belongsTo(item.organisation()) && !item.answered()).count()))
                .toList());
        return "home";
    }

}
