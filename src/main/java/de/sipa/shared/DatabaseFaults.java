package de.sipa.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure is the database not answering at all (stopped, restarted, failed over, unreachable), not a fault
 * of one statement. web.DatabaseUnavailable answers such failures with 503 and Retry-After; a handler that catches
 * every exception (an API's own error format) hands these on to it instead of answering 500.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            // 08: connection exceptions; 57P01–57P03: the server shuts down or does not accept connections yet
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // Ending a transaction on a connection the pool has already closed (bench/fault-database.sh: the commit
            // met "terminating connection due to administrator command", then the rollback "Connection is closed"):
            // the driver or pool refused without the server (no SQLState; a server's error always carries one), and
            // the failure that came first is not kept by the transaction manager, or kept as application exception.
            if (cause instanceof TransactionSystemException ended
                    && (ended.getCause() instanceof SQLException sql && sql.getSQLState() == null
                        || ended.getApplicationException() != null && unreachable(ended.getApplicationException()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
