package de.sipa.networks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.identity.Tenancy;
import de.sipa.partners.Partnership;
import de.sipa.partners.Partnerships;
import de.sipa.prevention.BeccariaStep;
import de.sipa.prevention.PreventionPermissions;
import de.sipa.prevention.PreventionProjects;
import de.sipa.prevention.ProjectDraft;
import de.sipa.prevention.ProjectId;
import de.sipa.shared.NotFoundException;
import de.sipa.shared.PartnershipId;

/**
 * The catalogue of shared practice: the prevention projects the members of one's networks share, and copying one as a
 * template into one's own partnership. A copy takes the planning (field, target groups, summary, Beccaria steps 1 to 5,
 * programme and evidence), never people: no lead or partner organisation, no contact person, and e-mail addresses and
 * telephone numbers in the texts are blanked.
 */
@Service
@Transactional
public class SharedPractice {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d /()-]{6,}\\d");
    static final String BLANKED = "[…]";

    private final NetworkRepository repository;
    private final Partnerships partnerships;
    private final PreventionProjects projects;
    private final Tenancy tenancy;

    SharedPractice(NetworkRepository repository, Partnerships partnerships, PreventionProjects projects,
            Tenancy tenancy) {
        this.repository = repository;
        this.partnerships = partnerships;
        this.projects = projects;
        this.tenancy = tenancy;
    }

    /** The shared projects of every network the current partnership hosts or is a member of. */
    @PreAuthorize(NetworkPermissions.CATALOGUE)
    @Transactional(readOnly = true)
    public List<SharedProject> catalogue() {
        tenancy.acrossPartnerships();
        var mine = CurrentUser.partnership();
        var networks = new LinkedHashSet<Network>();
        repository.hostedBy(mine).ifPresent(networks::add);
        networks.addAll(repository.memberships(mine));
        var all = new ArrayList<SharedProject>();
        var seen = new java.util.HashSet<ProjectId>();
        for (var network : networks) {
            for (var project : sharedProjects(network.id())) {
                if (seen.add(project.id())) {
                    all.add(project);
                }
            }
        }
        return all;
    }

    /** One entry of the catalogue; a project nobody shared with the current partnership's networks is not found. */
    @PreAuthorize(NetworkPermissions.CATALOGUE)
    @Transactional(readOnly = true)
    public SharedProject project(ProjectId id) {
        return catalogue().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Shared project", id));
    }

    /** Copies a shared project as a template into the current partnership, as an idea; returns the new project. */
    @PreAuthorize(PreventionPermissions.EDIT)
    public ProjectId copy(ProjectId id) {
        var template = project(id);
        var mine = CurrentUser.partnership();
        var title = template.town().equals(mine) ? template.title() + " (Kopie)"
                : template.title() + " (" + template.townName() + ")";
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        var draft = new ProjectDraft(title, null, List.of(), template.field(), template.targetGroups(),
                blanked(template.summary()), List.of(), List.of(), null, null, List.of(), "", template.evidence());
        var copy = projects.create(draft);
        for (var step : EnumSet.range(BeccariaStep.PROBLEM, BeccariaStep.IMPLEMENTATION)) {
            var texts = new LinkedHashMap<String, String>();
            template.steps().getOrDefault(step, Map.of()).forEach((field, text) -> {
                if (!field.equals(BeccariaStep.QUALITY_NOTE)) {
                    texts.put(field, blanked(text));
                }
            });
            if (!texts.isEmpty()) {
                projects.writeStep(copy, step, texts);
            }
        }
        return copy;
    }

    /** The projects the members of a network share with it; the caller reads across partnerships. */
    List<SharedProject> sharedProjects(NetworkId network) {
        var shared = new ArrayList<SharedProject>();
        var names = new LinkedHashMap<PartnershipId, String>();
        for (var share : repository.shares(network, ShareKind.PROJECT)) {
            var town = share.member();
            var name = names.computeIfAbsent(town, t -> partnerships.find(t).map(Partnership::name).orElse(""));
            try {
                var p = NetworkRollUp.asTown(town, () -> projects.project(new ProjectId(share.item())));
                var steps = new LinkedHashMap<BeccariaStep, Map<String, String>>();
                for (var step : EnumSet.range(BeccariaStep.PROBLEM, BeccariaStep.IMPLEMENTATION)) {
                    var texts = new LinkedHashMap<>(p.step(step));
                    texts.remove(BeccariaStep.QUALITY_NOTE);
                    steps.put(step, texts);
                }
                shared.add(new SharedProject(p.id(), town, name, p.title(), p.field(), p.targetGroups(), p.summary(),
                        p.status(), p.evidence(), steps, share.contact()));
            } catch (NotFoundException deleted) {
                // the town deleted the project since it shared it: nothing to show
            }
        }
        return shared;
    }

    static String blanked(String text) {
        if (text == null) {
            return null;
        }
        return PHONE.matcher(EMAIL.matcher(text).replaceAll(BLANKED)).replaceAll(BLANKED);
    }
}
