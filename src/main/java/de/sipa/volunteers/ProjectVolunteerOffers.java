package de.sipa.volunteers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.sipa.identity.CurrentUser;
import de.sipa.partners.Partnership;
import de.sipa.prevention.ProjectId;
import de.sipa.prevention.ProjectOffer;
import de.sipa.prevention.ProjectOffers;

/** The offers linked to a prevention project, for the project's pages (staff and public). */
@Component
@Transactional(readOnly = true)
class ProjectVolunteerOffers implements ProjectOffers {

    private final OfferRepository offers;
    private final Clock clock;

    ProjectVolunteerOffers(OfferRepository offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(VolunteerPermissions.READ)
    public List<ProjectOffer> offersOf(ProjectId project) {
        return offers.ofProject(CurrentUser.partnership(), project).stream()
                .map(o -> shown(o, "/ehrenamt/" + o.id())).toList();
    }

    @Override
    public List<ProjectOffer> openOffersOf(Partnership partnership, ProjectId project) {
        var today = LocalDate.now(clock);
        return offers.ofProject(partnership.id(), project).stream().filter(o -> o.openOn(today))
                .map(o -> shown(o, "/buerger/" + partnership.slug() + "/ehrenamt/" + o.id())).toList();
    }

    private static ProjectOffer shown(VolunteerOffer offer, String page) {
        return new ProjectOffer(offer.title(), offer.schedule(), offer.location(), offer.timeCommitment(),
                offer.status().name(), page);
    }
}
