package de.sipa.networks;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * A shared project names a contact (a function or an office, sometimes a person); networks and memberships are facts
 * about partnerships. The signed cooperation agreement names its signatories. Key figures are not stored here: they are read, aggregated and suppressed, when shown.
 */
@Component
class NetworkProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("networkShares", Set.of("networks_share")),
                new ProcessingActivity("partnershipAgreement", Set.of("networks_agreement")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("networks_network", "networks_member");
    }
}
