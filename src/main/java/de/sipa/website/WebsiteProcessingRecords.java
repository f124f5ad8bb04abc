package de.sipa.website;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/** The news posts name their author, and the approvals who answered for an organisation; no citizen's data. */
@Component
class WebsiteProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("website", Set.of("website_post", "website_post_approval")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of();
    }
}
