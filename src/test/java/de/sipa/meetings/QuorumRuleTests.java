package de.sipa.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumRuleTests {

    @ParameterizedTest
    @CsvSource({
            "MORE_THAN_HALF, 10, 6", "MORE_THAN_HALF, 9, 5", "MORE_THAN_HALF, 1, 1",
            "AT_LEAST_HALF, 10, 5", "AT_LEAST_HALF, 9, 5",
            "AT_LEAST_TWO_THIRDS, 9, 6", "AT_LEAST_TWO_THIRDS, 10, 7", "AT_LEAST_TWO_THIRDS, 3, 2",
            "AT_LEAST_ONE_THIRD, 3, 1", "AT_LEAST_ONE_THIRD, 10, 4"})
    void requiresWholeMembersWithoutRoundingErrors(QuorumRule rule, int votingMembers, int required) {
        assertThat(rule.required(votingMembers)).isEqualTo(required);
    }

    @ParameterizedTest
    @CsvSource({"3, 2, true", "3, 1, false", "0, 0, false"})
    void reachedWhenEnoughAttendAndNeverWithoutVotingMembers(int votingMembers, int attending, boolean reached) {
        assertThat(new Quorum(votingMembers, attending, QuorumRule.MORE_THAN_HALF).reached()).isEqualTo(reached);
    }
}
