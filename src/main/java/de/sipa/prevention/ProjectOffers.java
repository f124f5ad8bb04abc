package de.sipa.prevention;

import java.util.List;

import de.sipa.partners.Partnership;

/**
 * The volunteer offers that belong to a project, for the project's pages. The volunteers module implements it (it
 * links its offers to projects), so that prevention shows them without depending on that module.
 */
public interface ProjectOffers {

    /** The project's offers of the user's partnership, in every status, for the staff's project page. */
    List<ProjectOffer> offersOf(ProjectId project);

    /** The project's offers citizens may sign up for today, for the public project page, with the sign-up page. */
    List<ProjectOffer> openOffersOf(Partnership partnership, ProjectId project);
}
