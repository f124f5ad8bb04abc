package de.sipa.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rare work of one user that reaches beyond their partnership: founding a new partnership, reading what other
 * partnerships shared. Opens the rows of all partnerships to the current transaction, and to nothing after it
 * (PostgreSQL forgets a local setting at its end).
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

    /**
     * Closes the other partnerships' rows again for the rest of the current transaction, e.g. after reading what
     * another partnership shared and before writing a copy of it, so that the writes stay bound by row-level security.
     */
    public void ownPartnershipOnly() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Closing the other partnerships' rows needs a transaction");
        }
        jdbc.sql("SELECT set_config('sipa.all_partnerships', 'off', true)").query().singleValue();
    }
}
