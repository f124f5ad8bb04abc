package de.sipa.prevention;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.partners.DistrictId;
import de.sipa.partners.Partnerships;
import de.sipa.shared.PartnershipId;

/**
 * The projects the coordination published, for the partnership's public pages (no login): what a project does, for
 * whom and where, and what its evaluation found; never its notes, steps, budget or people.
 */
@Service
@Transactional(readOnly = true)
public class PublicProjects {

    private final ProjectRepository projects;
    private final Partnerships partnerships;

    PublicProjects(ProjectRepository projects, Partnerships partnerships) {
        this.projects = projects;
        this.partnerships = partnerships;
    }

    /** The published projects, by title; stopped ones are not shown. */
    public List<PublicProject> published(PartnershipId partnership) {
        var ids = projects.publishedIds(partnership);
        if (ids.isEmpty()) {
            return List.of();
        }
        var districts = new HashMap<DistrictId, String>();
        partnerships.districtsOf(partnership).forEach(d -> districts.put(d.id(), d.name()));
        return projects.all(partnership).stream().filter(p -> ids.contains(p.id()))
                .filter(p -> p.status() != ProjectStatus.STOPPED)
                .map(p -> shown(p, districts)).toList();
    }

    public Optional<PublicProject> published(PartnershipId partnership, ProjectId id) {
        if (!projects.published(partnership, id)) {
            return Optional.empty();
        }
        var districts = new HashMap<DistrictId, String>();
        partnerships.districtsOf(partnership).forEach(d -> districts.put(d.id(), d.name()));
        return projects.find(partnership, id).filter(p -> p.status() != ProjectStatus.STOPPED)
                .map(p -> shown(p, districts));
    }

    private static PublicProject shown(PreventionProject p, java.util.Map<DistrictId, String> districts) {
        boolean evaluated = (p.status() == ProjectStatus.EVALUATED || p.status() == ProjectStatus.FINISHED)
                && p.evaluated();
        return new PublicProject(p.id(), p.title(), p.field(), p.targetGroups(),
                p.districts().stream().map(districts::get).filter(n -> n != null).toList(), p.status(),
                p.startsOn(), p.endsOn(), p.summary(),
                evaluated ? p.step(BeccariaStep.EVALUATION).getOrDefault("goalAttainment", "") : "");
    }
}
