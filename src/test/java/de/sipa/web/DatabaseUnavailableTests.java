package de.sipa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTests {

    private final DatabaseUnavailable filter = new DatabaseUnavailable(messages());

    @Test
    void noConnectionFromThePoolAnswers503WithRetryAfter() throws Exception {
        // what Hikari throws after its connection timeout, wrapped as the transaction manager and Spring MVC do
        var failure = new ServletException(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("sipa-embedded - Connection is not available, request timed out")));
        var response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("POST", "/open311/v2/requests.json"), response, (rq, rs) -> {
            throw failure;
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getContentAsString()).isEqualTo("Die Datenbank antwortet nicht; in 30 Sekunden wieder.");
    }

    @Test
    void aConnectionTheServerEndedCountsAsUnavailable() {
        // PostgreSQL shutting down: "terminating connection due to administrator command" (57P01)
        assertThat(DatabaseUnavailable.unreachable(new CannotGetJdbcConnectionException("x",
                new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.unreachable(new SQLException("connection refused", "08001"))).isTrue();
    }

    @Test
    void aTransactionThatCannotEndOnAClosedConnectionCountsAsUnavailable() {
        // bench/fault-database.sh: the commit met the server's shutdown, the rollback Hikari's closed connection
        // (no SQLState); this reached the client as 500 before
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        assertThat(DatabaseUnavailable.unreachable(new ServletException(rollback))).isTrue();
        // a rollback failing after the statement itself had lost the server, kept as the application exception
        var afterLostStatement = new TransactionSystemException("JDBC rollback failed",
                new SQLException("could not roll back", "25P01"));
        afterLostStatement.initApplicationException(new DataAccessResourceFailureException("x",
                new SQLException("terminating connection", "57P01")));
        assertThat(DatabaseUnavailable.unreachable(afterLostStatement)).isTrue();
    }

    @Test
    void aTransactionTheServerRefusedToEndForItsOwnReasonIsNoOutage() {
        var serialization = new TransactionSystemException("JDBC commit failed",
                new SQLException("could not serialize access", "40001"));
        assertThat(DatabaseUnavailable.unreachable(serialization)).isFalse();
        var afterFault = new TransactionSystemException("JDBC rollback failed", new SQLException("x", "25P01"));
        afterFault.initApplicationException(new IllegalStateException("a rule"));
        assertThat(DatabaseUnavailable.unreachable(afterFault)).isFalse();
    }

    @Test
    void aFaultOfOneStatementStaysWhatItIs() {
        var duplicate = new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"));
        assertThat(DatabaseUnavailable.unreachable(duplicate)).isFalse();
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", "/reports"),
                new MockHttpServletResponse(), (rq, rs) -> {
                    throw duplicate;
                })).isSameAs(duplicate);
    }

    private static StaticMessageSource messages() {
        var messages = new StaticMessageSource();
        messages.addMessage("error.databaseUnavailable", java.util.Locale.getDefault(),
                "Die Datenbank antwortet nicht; in {0} Sekunden wieder.");
        return messages;
    }
}
