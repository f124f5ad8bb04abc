package de.sipa.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rare work of one user that reaches beyond their partnership: founding a new partnership. Opens the rows of all
 * partnerships to the current transaction, and to nothing after it (PostgreSQL forgets a local setting at its end).
 */
@Component
public class Tenancy {

    private final JdbcClient jdbc;

    Tenancy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void acrossPartnerships() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Work across partnerships needs a transaction to end it");
        }
        jdbc.sql("SELECT set_config('sipa.all_partnerships', 'on', true)").query().singleValue();
    }
}
