package de.sipa.networks;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.sipa.shared.ProcessingRecords;

/**
 * A shared project names a contact (a function or an office, sometimes a person); networks and memberships are facts
 * about partnerships, a network's body a fact about the network. The signed cooperation agreement names its signatories;
 * the minutes of the network's meetings may name people, and the round table shows the member towns' coordinators.
 * Key figures are not stored here: they are read, aggregated and suppressed, when shown.
 */
@Component
class NetworkProcessingRecords implements ProcessingRecords {

    @Override
    public List<ProcessingActivity> activities() {
        return List.of(new ProcessingActivity("networkShares", Set.of("networks_share")),
                new ProcessingActivity("partnershipAgreement", Set.of("networks_agreement")),
                new ProcessingActivity("networkMeetings", Set.of("networks_meeting")));
    }

    @Override
    public Set<String> tablesWithoutPersonalData() {
        return Set.of("networks_network", "networks_member", "networks_body", "networks_programme");
    }
}
