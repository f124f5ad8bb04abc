package de.sipa.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Turns the identity provider's user into the SiPa account it names, with the role its claim maps to. */
class OidcAccountMapper {

    private final AccountRepository accounts;
    private final OidcProperties properties;

    OidcAccountMapper(AccountRepository accounts, OidcProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    OidcUser map(OidcUser oidcUser) {
        var username = oidcUser.getClaimAsString(properties.usernameClaim());
        var account = Optional.ofNullable(username).flatMap(accounts::findByUsername)
                .filter(AccountRepository.StoredAccount::enabled)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("sipa_unknown_account",
                        "No enabled SiPa account for " + username, null)));
        var role = roleFromClaim(oidcUser.getClaims()).orElse(account.user().role());
        var stored = account.user();
        var user = new SipaUser(stored.accountId(), stored.username(), stored.displayName(), stored.partnership(),
                stored.organisation(), role);
        return new SipaOidcUser(user, oidcUser);
    }

    Optional<Role> roleFromClaim(Map<String, Object> claims) {
        var value = claims.get(properties.roleClaim());
        Collection<?> values = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
        // The most powerful mapped role wins when a user carries several groups.
        return values.stream().map(String::valueOf).map(properties.roles()::get)
                .filter(Objects::nonNull).min(Enum::compareTo);
    }

    static final class SipaOidcUser extends DefaultOidcUser implements SipaPrincipal {

        private final SipaUser user;

        SipaOidcUser(SipaUser user, OidcUser oidcUser) {
            super(List.of(new SimpleGrantedAuthority(user.role().authority())), oidcUser.getIdToken(),
                    oidcUser.getUserInfo());
            this.user = user;
        }

        @Override
        public SipaUser sipaUser() {
            return user;
        }

        @Override
        public String getName() {
            return user.username();
        }
    }
}
