package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OidcAccountMapperTests {

    private final OidcAccountMapper mapper = new OidcAccountMapper(null, new OidcProperties("preferred_username",
            "groups", Map.of("sipa-koordination", Role.COORDINATOR, "sipa-lenkung", Role.STEERING,
                    "sipa-partner", Role.PARTNER)));

    @Test
    void theRoleComesFromTheMappedGroupClaim() {
        assertThat(mapper.roleFromClaim(Map.of("groups", List.of("alle-mitarbeitenden", "sipa-lenkung"))))
                .contains(Role.STEERING);
        assertThat(mapper.roleFromClaim(Map.of("groups", "sipa-partner"))).contains(Role.PARTNER);
    }

    @Test
    void theMostPowerfulMappedRoleWins() {
        assertThat(mapper.roleFromClaim(Map.of("groups", List.of("sipa-partner", "sipa-koordination", "sipa-lenkung"))))
                .contains(Role.COORDINATOR);
    }

    @Test
    void withoutAMappedValueTheAccountKeepsItsOwnRole() {
        assertThat(mapper.roleFromClaim(Map.of("groups", List.of("andere-gruppe")))).isEmpty();
        assertThat(mapper.roleFromClaim(Map.of())).isEmpty();
    }
}
