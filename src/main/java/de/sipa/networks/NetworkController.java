package de.sipa.networks;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Organisations;
import de.sipa.places.PlaceAccess;
import de.sipa.places.PlaceId;
import de.sipa.places.Places;
import de.sipa.prevention.PreventionField;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectId;
import de.sipa.prevention.TargetGroup;
import de.sipa.shared.CsvDownload;
import de.sipa.shared.CsvSheet;
import de.sipa.shared.FlashSteps;
import de.sipa.shared.OrganisationId;
import de.sipa.shared.PartnershipId;
import de.sipa.surveys.StandardItems;
import de.sipa.surveys.SurveyWaveId;
import de.sipa.surveys.Surveys;

/**
 * The network's page for its coordination (towns side by side, the map, projects by field and target group), a town's
 * shared figures month by month and their export, a shared place with its evaluation and a shared survey's results; a
 * member's choices of what to share; the catalogue of shared practice (projects and safety concepts) and copying an
 * entry as a template.
 */
@Controller
class NetworkController {

    private final Networks networks;
    private final NetworkRollUp rollUp;
    private final SharedPractice practice;
    private final SharedResults shared;
    private final PreventionProjects projects;
    private final Places places;
    private final PlaceAccess placeAccess;
    private final Organisations organisations;
    private final Surveys surveys;
    private final Programmes programmes;
    private final MessageSource messages;

    NetworkController(Networks networks, NetworkRollUp rollUp, SharedPractice practice, SharedResults shared,
            PreventionProjects projects, Places places, PlaceAccess placeAccess, Organisations organisations,
            Surveys surveys, Programmes programmes, MessageSource messages) {
        this.networks = networks;
        this.rollUp = rollUp;
        this.practice = practice;
        this.shared = shared;
        this.projects = projects;
        this.places = places;
        this.placeAccess = placeAccess;
        this.organisations = organisations;
        this.surveys = surveys;
        this.programmes = programmes;
        this.messages = messages;
    }

    @GetMapping("/network")
    String overview(Model model) {
        if (networks.hosted().isEmpty()) {
            return CurrentUser.get().coordinates() ? "redirect:/network/sharing" : "redirect:/network/practice";
        }
        model.addAttribute("rollUp", rollUp.rollUp());
        model.addAttribute("fields", PreventionField.values());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("sharedPlaces", shared.places());
        model.addAttribute("sharedSurveys", shared.surveys());
        model.addAttribute("sharedReports", shared.annualReports());
        if (rollUp.network().kind() == NetworkKind.STATE_PROGRAMME) {
            model.addAttribute("programme", programmes.hosted().orElse(null));
            model.addAttribute("standardItems", StandardItems.ITEMS);
        }
        return "networks/overview";
    }

    @GetMapping("/network/towns/{town}")
    String town(@PathVariable UUID town, Model model) {
        model.addAttribute("network", rollUp.network());
        model.addAttribute("town", rollUp.town(new PartnershipId(town)));
        return "networks/town";
    }

    /** The roll-up as a table: one line per town and category, hidden cells as "< 5". */
    @GetMapping("/network/export.csv")
    void export(HttpServletResponse response, Locale locale) throws IOException {
        var data = rollUp.rollUp();
        CsvDownload.send(response, "netzwerk-kennzahlen.csv", out -> {
            var table = CsvSheet.on(out, messages.getMessage("network.town", null, locale),
                    messages.getMessage("network.category", null, locale),
                    messages.getMessage("network.count", null, locale),
                    messages.getMessage("network.rate", null, locale));
            for (var town : data.towns()) {
                if (!town.sharesFigures()) {
                    continue;
                }
                for (var e : town.figures().entrySet()) {
                    var cell = e.getValue();
                    table.row(town.name(), e.getKey(), cell.hidden() ? "< 5" : String.valueOf(cell.count()),
                            cell.rate() == null ? "" : String.format(Locale.GERMAN, "%.2f", cell.rate()));
                }
            }
            table.flush();
        });
    }

    @GetMapping("/network/places/{id}")
    String place(@PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("network", rollUp.network());
        model.addAttribute("evaluation", shared.place(new PlaceId(id), locale));
        return "networks/place";
    }

    @GetMapping("/network/surveys/{id}")
    String survey(@PathVariable UUID id, Model model, Locale locale) {
        model.addAttribute("network", rollUp.network());
        model.addAttribute("results", shared.survey(new SurveyWaveId(id), locale));
        return "networks/survey";
    }

    @GetMapping("/network/sharing")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String sharing(Model model) {
        var memberships = networks.memberships();
        model.addAttribute("hosted", networks.hosted().orElse(null));
        model.addAttribute("memberships", memberships);
        model.addAttribute("joinable", networks.joinable());
        model.addAttribute("kinds", NetworkKind.values());
        var shares = new java.util.LinkedHashMap<NetworkId, java.util.List<Share>>();
        memberships.forEach(n -> shares.put(n.id(), networks.shares(n.id())));
        model.addAttribute("shares", shares);
        model.addAttribute("installationShares", networks.installationShares());
        var templates = new java.util.LinkedHashMap<NetworkId, LandProgramme>();
        memberships.stream().filter(n -> n.kind() == NetworkKind.STATE_PROGRAMME)
                .forEach(n -> programmes.programmeOf(n.id()).ifPresent(p -> templates.put(n.id(), p)));
        model.addAttribute("programmes", templates);
        model.addAttribute("projects", projects.projects());
        var ownPlaces = places.places();
        model.addAttribute("places", ownPlaces.stream().filter(p -> p.published()).toList());
        model.addAttribute("conceptPlaces", ownPlaces);
        model.addAttribute("waves", surveys.waves().stream().filter(networks::finished).toList());
        return "networks/sharing";
    }

    @PostMapping("/network/found")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String found(@RequestParam String name, @RequestParam NetworkKind kind, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.founded", () -> networks.found(name, kind),
                "/network");
    }

    @PostMapping("/network/join")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String join(@RequestParam UUID network, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.joined",
                () -> networks.join(new NetworkId(network)), "/network/sharing");
    }

    @PostMapping("/network/{network}/leave")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String leave(@PathVariable UUID network, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.left",
                () -> networks.leave(new NetworkId(network)), "/network/sharing");
    }

    @PostMapping("/network/{network}/share")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String share(@PathVariable UUID network, @RequestParam ShareKind kind, @RequestParam(required = false) UUID item,
            @RequestParam(required = false) String contact, RedirectAttributes redirect) {
        var id = new NetworkId(network);
        return FlashSteps.runAndShow(redirect, messages, "network.sharedNow", () -> {
            if (kind.hasItem() && item == null) {
                throw new de.sipa.shared.RuleViolationException("network.item.required");
            }
            switch (kind) {
                case KEY_FIGURES -> networks.shareKeyFigures(id);
                case PROJECT -> networks.shareProject(id, new ProjectId(item), contact);
                case PLACE -> networks.sharePlace(id, new PlaceId(item), contact);
                case SAFETY_CONCEPT -> networks.shareConcept(id, new PlaceId(item), contact);
                case SURVEY -> networks.shareSurvey(id, new SurveyWaveId(item));
                case ANNUAL_REPORTS -> networks.shareAnnualReports(id);
            }
        }, "/network/sharing");
    }

    @PostMapping("/network/{network}/unshare")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String unshare(@PathVariable UUID network, @RequestParam ShareKind kind, @RequestParam(required = false) UUID item,
            RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.unshared",
                () -> networks.unshare(new NetworkId(network), kind, item), "/network/sharing");
    }

    /** Shares a project or a safety concept with the whole installation, beyond the networks. */
    @PostMapping("/network/installation/share")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String shareWithInstallation(@RequestParam ShareKind kind, @RequestParam(required = false) UUID item,
            @RequestParam(required = false) String contact, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.sharedNow",
                () -> networks.shareWithInstallation(kind, item, contact), "/network/sharing");
    }

    @PostMapping("/network/installation/unshare")
    @PreAuthorize(NetworkPermissions.MANAGE)
    String unshareFromInstallation(@RequestParam ShareKind kind, @RequestParam UUID item, RedirectAttributes redirect) {
        return FlashSteps.runAndShow(redirect, messages, "network.unshared",
                () -> networks.unshareFromInstallation(kind, item), "/network/sharing");
    }

    @GetMapping("/network/practice")
    String catalogue(@RequestParam(required = false) PreventionField field,
            @RequestParam(required = false) TargetGroup group, Model model) {
        var all = practice.catalogue();
        model.addAttribute("entries", all.stream().filter(p -> field == null || p.field() == field)
                .filter(p -> group == null || p.targetGroups().contains(group)).toList());
        model.addAttribute("fields", PreventionField.values());
        model.addAttribute("groups", TargetGroup.values());
        model.addAttribute("field", field);
        model.addAttribute("group", group);
        Set<PartnershipId> towns = new HashSet<>();
        all.forEach(p -> towns.add(p.town()));
        var concepts = practice.concepts();
        concepts.forEach(c -> towns.add(c.town()));
        model.addAttribute("concepts", concepts);
        model.addAttribute("townCount", towns.size());
        return "networks/catalogue";
    }

    @GetMapping("/network/practice/{id}")
    String entry(@PathVariable UUID id, Model model) {
        model.addAttribute("entry", practice.project(new ProjectId(id)));
        return "networks/entry";
    }

    @PostMapping("/network/practice/{id}/copy")
    String copy(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var copy = practice.copy(new ProjectId(id));
            redirect.addFlashAttribute("success", "network.copied");
            return "redirect:/praevention/" + copy.value();
        } catch (de.sipa.shared.RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/network/practice/" + id;
        }
    }

    /** A shared safety concept; who may edit places picks one of their own and an organisation to copy it into. */
    @GetMapping("/network/practice/concepts/{id}")
    String concept(@PathVariable UUID id, Model model) {
        model.addAttribute("entry", practice.concept(new PlaceId(id)));
        if (placeAccess.mayEdit()) {
            model.addAttribute("ownPlaces", places.places());
            model.addAttribute("organisations", organisations.all());
        }
        return "networks/concept";
    }

    @PostMapping("/network/practice/concepts/{id}/copy")
    String copyConcept(@PathVariable UUID id, @RequestParam(required = false) UUID place,
            @RequestParam(required = false) UUID organisation, RedirectAttributes redirect) {
        try {
            var into = practice.copyConcept(new PlaceId(id), place == null ? null : new PlaceId(place),
                    organisation == null ? null : new OrganisationId(organisation));
            redirect.addFlashAttribute("success", "network.concept.copied");
            return "redirect:/orte/" + into.value() + "/konzept";
        } catch (de.sipa.shared.RuleViolationException e) {
            redirect.addFlashAttribute("problem", e.describe(messages));
            return "redirect:/network/practice/concepts/" + id;
        }
    }
}
