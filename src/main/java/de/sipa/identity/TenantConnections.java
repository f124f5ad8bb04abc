package de.sipa.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.postgresql.PGConnection;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Names to PostgreSQL, on every connection the app takes, the partnership whose rows it may see and write: the acting
 * user's. Row-level security (migration V90) then holds every query to it, also one that forgot its
 * {@code partnership_id = ?}. Work that is no one partnership's — anonymous requests, the public pages, Open311 and
 * OParl (also when a logged-in user of another partnership opens them), logins, jobs before they pick a partnership —
 * runs for all partnerships and relies on its queries' conditions as before.
 */
@Component
class TenantConnections implements BeanPostProcessor {

    static final String ALL = "all";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JdbcIndexedSessionRepository sessions) {
            return sessionStore(sessions);
        }
        return bean instanceof DataSource dataSource && !(bean instanceof Scoped) ? new Scoped(dataSource) : bean;
    }

    /**
     * The session store's tables belong to no partnership, so its work takes connections as they come, without asking
     * who is acting. Asking would read the lazy security context, which loads the session: every request loaded its
     * session once more, nested in finding the user for the first load, and switched its connection's tenant to all
     * partnerships and back.
     */
    private static Object sessionStore(JdbcIndexedSessionRepository sessions) {
        var proxy = new ProxyFactory(sessions);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            if (SESSION_STORE.get() != null) {
                return invocation.proceed();
            }
            SESSION_STORE.set(Boolean.TRUE);
            try {
                return invocation.proceed();
            } finally {
                SESSION_STORE.remove();
            }
        });
        return proxy.getProxy(sessions.getClass().getClassLoader());
    }

    /**
     * Set while the work of this thread is no one partnership's: finding who is acting (which may load the session
     * from the database, as Spring Security reads the security context lazily) or a login looking up a user name.
     */
    private static final ThreadLocal<Boolean> ACROSS_PARTNERSHIPS = new ThreadLocal<>();

    /** Set while the session store works: its connections are not told a partnership (see {@link #sessionStore}). */
    private static final ThreadLocal<Boolean> SESSION_STORE = new ThreadLocal<>();

    /** Runs work whose connections see every partnership's rows, e.g. finding an account by its user name. */
    static <T> T acrossPartnerships(Supplier<T> work) {
        if (ACROSS_PARTNERSHIPS.get() != null) {
            return work.get();
        }
        ACROSS_PARTNERSHIPS.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ACROSS_PARTNERSHIPS.remove();
        }
    }

    /** The partnership the current work is confined to, or {@link #ALL}. */
    static String tenant() {
        if (ACROSS_PARTNERSHIPS.get() != null) {
            return ALL;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && SecurityConfiguration.servesAllPartnerships(attributes.getRequest().getServletPath())) {
            return ALL;
        }
        return acrossPartnerships(() -> CurrentUser.find()
                .filter(user -> user.partnership() != null)
                .map(user -> user.partnership().value().toString())
                .orElse(ALL));
    }

    static final class Scoped extends DelegatingDataSource {

        /**
         * What each pooled connection was last told, so that the setting costs a round trip only when the tenant
         * changes. Only this class sets it, outside transactions (a pooled connection comes in auto-commit), so the
         * value cannot be rolled back behind its back.
         */
        private final Map<Object, String> told = Collections.synchronizedMap(new WeakHashMap<>());

        Scoped(DataSource target) {
            super(target);
        }

        // The tenant is found before the connection is taken: finding the user may load the session, which takes a
        // connection of its own. Taken the other way round, every request's first access held one connection while
        // waiting for a second, and with as many first accesses at once as the pool has connections none came back.
        @Override
        public Connection getConnection() throws SQLException {
            if (SESSION_STORE.get() != null) {
                // what the connection was told stays true of it, and the session tables ignore it
                return super.getConnection();
            }
            var tenant = tenant();
            return scoped(super.getConnection(), tenant);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            var tenant = tenant();
            return scoped(super.getConnection(username, password), tenant);
        }

        private Connection scoped(Connection connection, String tenant) throws SQLException {
            try {
                Object physical = connection.isWrapperFor(PGConnection.class)
                        ? connection.unwrap(PGConnection.class) : connection;
                if (tenant.equals(told.get(physical)) && connection.getAutoCommit()) {
                    return connection;
                }
                try (var statement = connection.prepareStatement("SELECT set_config('sipa.partnership', ?, false),"
                        + " set_config('sipa.all_partnerships', ?, false)")) {
                    statement.setString(1, ALL.equals(tenant) ? "" : tenant);
                    statement.setString(2, ALL.equals(tenant) ? "on" : "off");
                    statement.execute();
                }
                if (connection.getAutoCommit()) {
                    told.put(physical, tenant);
                } else {
                    told.remove(physical);
                }
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close(); // back to the pool: whoever asked gets the exception, not the connection
                throw e;
            }
        }
    }
}
