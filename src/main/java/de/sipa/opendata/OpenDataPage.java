package de.sipa.opendata;

import org.springframework.stereotype.Component;

import de.sipa.shared.PartnershipId;
import de.sipa.shared.PublicPage;

/** The public catalogue exists only while the partnership has switched open data on. */
@Component
class OpenDataPage implements PublicPage {

    private final OpenData openData;

    OpenDataPage(OpenData openData) {
        this.openData = openData;
    }

    @Override
    public String path() {
        return "/offene-daten";
    }

    @Override
    public boolean publishedBy(PartnershipId partnership) {
        return openData.published(partnership);
    }
}
