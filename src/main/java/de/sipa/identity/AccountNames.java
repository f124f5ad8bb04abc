package de.sipa.identity;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who stands behind an account name that a record keeps (the author of a log entry, the actor of a change): the
 * account's display name, the person people know. Pages ask it as {@code ${@accountNames.of(entry.author())}}, so a
 * record shows "Frank Becker" where it stored {@code polizei}. SiPa's own jobs are shown as "SiPa"; a name that is
 * no account (e.g. a removed one) is shown as it was stored.
 */
@Component("accountNames")
public class AccountNames {

    /** How SiPa's own work (demo data, scheduled jobs) is signed: the product's name, in every language. */
    static final String SYSTEM_NAME = "SiPa";

    private static final String CACHE = AccountNames.class.getName();

    private final AccountRepository accounts;

    AccountNames(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The display name of the account, looked up once per request and name. */
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        if (SipaUser.SYSTEM.equals(username)) {
            return SYSTEM_NAME;
        }
        return cache().computeIfAbsent(username.toLowerCase(Locale.ROOT), name -> accounts.findByUsername(name)
                .map(account -> account.user().displayName()).orElse(username));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cache() {
        var request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        var cache = (Map<String, String>) request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<>();
            request.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return cache;
    }
}
