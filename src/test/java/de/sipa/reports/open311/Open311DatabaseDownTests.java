package de.sipa.reports.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;

import de.sipa.SipaIntegrationTest;

/**
 * While PostgreSQL is down, an Open311 request is answered 503 with Retry-After by web.DatabaseUnavailable, like
 * every other request: the API's own catch-all hands the failure on instead of answering 500 (bench/fault-database.sh
 * found 28 such 500s and no 503 before).
 */
@SipaIntegrationTest
class Open311DatabaseDownTests {

    @Autowired
    Open311Controller controller;

    @Test
    void aDatabaseThatDoesNotAnswerIsHandedOnForA503() {
        var down = new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out"));

        assertThatThrownBy(() -> controller.failed(down, new MockHttpServletRequest("POST", "/open311/v2/requests.json")))
                .isSameAs(down);
    }

    @Test
    void anyOtherFailureStaysTheApisOwn500() throws Exception {
        var answer = controller.failed(new IllegalArgumentException("x"),
                new MockHttpServletRequest("POST", "/open311/v2/requests.json"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
