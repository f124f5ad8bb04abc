package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The connections' tenant is found without holding a connection: finding the user may load the session from the
 * database (Spring Security reads the security context lazily), which takes a connection of its own. Holding one while
 * asking for a second lost the whole pool when as many requests as it has connections came at once (bench/README.md,
 * 2026-12-05: the operations log with 120 clients).
 */
class TenantConnectionsTests {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final TenantConnections.Scoped connections = new TenantConnections.Scoped(counting());

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void findingTheUserTakesItsConnectionBeforeTheCallerGetsOne() throws Exception {
        // as the session repository does when the lazy security context is read for the first time
        SecurityContextHolder.setDeferredContext(() -> {
            try (var session = connections.getConnection()) {
                assertThat(session).isNotNull();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return SecurityContextHolder.createEmptyContext();
        });
        try (var connection = connections.getConnection()) {
            assertThat(open.get()).isEqualTo(1);
        }
        assertThat(most.get()).as("connections held at once").isEqualTo(1);
        assertThat(open.get()).isZero();
    }

    @Test
    void aConnectionWhoseTenantCannotBeSetGoesBackToThePool() {
        var failing = new TenantConnections.Scoped(counting(true));
        assertThatThrownBy(failing::getConnection)
                .isInstanceOf(SQLException.class);
        assertThat(open.get()).isZero();
    }

    private DataSource counting() {
        return counting(false);
    }

    /** A pool that counts the connections taken and not yet closed; statements do nothing (or fail). */
    private DataSource counting(boolean statementsFail) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    most.accumulateAndGet(open.incrementAndGet(), Math::max);
                    return connection(statementsFail);
                });
    }

    private Connection connection(boolean statementsFail) {
        var closed = new boolean[1];
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        if (!closed[0]) {
                            closed[0] = true;
                            open.decrementAndGet();
                        }
                        yield null;
                    }
                    case "isWrapperFor" -> false;
                    case "getAutoCommit" -> true;
                    case "prepareStatement" -> {
                        if (statementsFail) {
                            throw new SQLException("the database went away");
                        }
                        yield statement();
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private PreparedStatement statement() {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> true;
                    case "setString", "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
