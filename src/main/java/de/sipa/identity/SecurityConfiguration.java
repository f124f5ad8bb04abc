package de.sipa.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.web.filter.OncePerRequestFilter;

import de.sipa.maps.MapSettings;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({OidcProperties.class, SecuritySettings.class})
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Pages and APIs that citizens use without an account (Open311 has a chain of its own). */
    static final String[] PUBLIC_PATHS = {"/login", "/login/**", "/error", "/css/**", "/js/**", "/img/**",
        "/webjars/**", "/favicon.ico", "/buerger/**", "/kalender/**", "/oparl/**"};

    /** Public paths that serve any partnership's published data, whoever is logged in. */
    private static final String[] ALL_PARTNERSHIPS_PATHS = {"/buerger/", "/open311/", "/kalender/", "/oparl/"};

    /** Whether a request to the path reads and writes for whichever partnership it names, not the user's. */
    static boolean servesAllPartnerships(String servletPath) {
        for (var prefix : ALL_PARTNERSHIPS_PATHS) {
            if (servletPath.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Session attributes: when the user logged in, and whether they still have to enrol a second factor. */
    static final String AUTHENTICATED_AT = "sipa.authenticatedAt";
    static final String MUST_ENROL_TOTP = "sipa.mustEnrolTotp";

    /** Images from SiPa and from the installation's map tile server ({@code sipa.map.tile-url}) only. */
    static String contentSecurityPolicy(MapSettings map) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + map.tileOrigin()
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * The session cookie as {@code server.servlet.session.cookie.*} describes it (Spring Session does not read those
     * settings by itself here, and would send {@code SESSION} without HttpOnly and SameSite).
     */
    @Bean
    CookieSerializer sessionCookie(@Value("${server.servlet.session.cookie.name:SIPA_SESSION}") String name,
            @Value("${server.servlet.session.cookie.secure:false}") boolean secure,
            @Value("${server.servlet.session.cookie.same-site:Lax}") String sameSite) {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(name);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite(sameSite.substring(0, 1).toUpperCase() + sameSite.substring(1).toLowerCase());
        return cookie;
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /**
     * Resolves the client address before anything else reads it (Spring Security's filters run at -100).
     */
    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(SecuritySettings settings) {
        var registration = new FilterRegistrationBean<>(new ClientAddressFilter(settings.trustedProxies()));
        registration.setOrder(-110);
        return registration;
    }

    /**
     * Open311 clients identify themselves with the {@code api_key} of each request, never with a login or a session:
     * their own chain keeps no session, sets no CSRF token, saves no request and offers no login, so a call passes a
     * handful of filters instead of the pages' sixteen (the contact point's throughput, bench/README.md).
     */
    @Bean
    @Order(1)
    SecurityFilterChain open311FilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .logout(logout -> logout.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle,
            ObjectProvider<ClientRegistrationRepository> oidcClients, AccountRepository accounts,
            OidcProperties oidcProperties, MapSettings map, SecuritySettings settings, AuditTrail auditTrail,
            SecurityContextRepository contextRepository, Clock clock,
            @Value("${sipa.session.absolute-lifetime:PT12H}") Duration absoluteLifetime,
            @Value("${sipa.metrics.token:}") String metricsToken) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access(new MetricsScrape(metricsToken))
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(contextRepository))
                // Anonymous visitors get no session: the CSRF token and the page to return to after the login
                // travel in cookies, the language too (WebConfiguration).
                .csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new PasswordLoginSuccess(throttle, accounts, auditTrail, settings,
                                contextRepository, clock))
                        .failureHandler((request, response, exception) -> {
                            var username = request.getParameter("username");
                            throttle.recordFailure(username, request.getRemoteAddr());
                            accounts.findByUsername(username == null ? "" : username).ifPresentOrElse(
                                    account -> auditTrail.recordLogin(account.user(), false, request.getRemoteAddr(),
                                            "Passwort"),
                                    () -> log.info("Failed login for an unknown user name from {}",
                                            request.getRemoteAddr()));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AbsoluteLifetimeFilter(absoluteLifetime, clock), SecurityContextHolderFilter.class)
                .addFilterAfter(new TotpEnrolmentGate(), AuthorizationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(map)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(self)")));
        if (oidcClients.getIfAvailable() != null) {
            var mapper = new OidcAccountMapper(accounts, oidcProperties);
            var delegate = new OidcUserService();
            http.oauth2Login(oauth -> oauth.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(request -> mapper.map(delegate.loadUser(request))))
                    .failureUrl("/login?error"));
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating: bcrypt today, stored with its id, so hashes can move to a stronger scheme later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountRepository accounts) {
        // User names are unique in the installation: a login finds the account in whichever partnership it is.
        return username -> TenantConnections.acrossPartnerships(() -> accounts.findByUsername(username))
                .map(account -> new SipaUserDetails(account.user(), account.passwordHash(), account.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /**
     * After the right password: an account with a second factor is not logged in yet (the password's
     * authentication waits in the session for {@link SecondFactorController}); any other is, and one whose role
     * requires a second factor has to enrol it first.
     */
    static final class PasswordLoginSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

        private final LoginThrottle throttle;
        private final AccountRepository accounts;
        private final AuditTrail auditTrail;
        private final SecuritySettings settings;
        private final SecurityContextRepository contextRepository;
        private final Clock clock;

        PasswordLoginSuccess(LoginThrottle throttle, AccountRepository accounts, AuditTrail auditTrail,
                SecuritySettings settings, SecurityContextRepository contextRepository, Clock clock) {
            this.throttle = throttle;
            this.accounts = accounts;
            this.auditTrail = auditTrail;
            this.settings = settings;
            this.contextRepository = contextRepository;
            this.clock = clock;
            setRequestCache(new CookieRequestCache());
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws ServletException, IOException {
            var user = ((SipaPrincipal) authentication.getPrincipal()).sipaUser();
            var account = accounts.findByPartnershipAgnosticId(user.accountId()).orElseThrow();
            if (account.hasTotp()) {
                SecondFactorController.awaitSecondFactor(request, authentication, clock.instant());
                var empty = SecurityContextHolder.createEmptyContext();
                SecurityContextHolder.clearContext();
                contextRepository.saveContext(empty, request, response);
                response.sendRedirect(request.getContextPath() + "/login/totp");
                return;
            }
            throttle.recordSuccess(user.username());
            auditTrail.recordLogin(user, true, request.getRemoteAddr(), "Passwort");
            var session = request.getSession();
            session.setAttribute(AUTHENTICATED_AT, clock.instant());
            if (settings.requiresTotp(user.role())) {
                session.setAttribute(MUST_ENROL_TOTP, Boolean.TRUE);
                response.sendRedirect(request.getContextPath() + "/account/totp");
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Refuses login attempts while the user name or address still has to wait, before the password is checked. */
    private static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            var path = request.getRequestURI().substring(request.getContextPath().length());
            return !("POST".equals(request.getMethod()) && "/login".equals(path));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var wait = throttle.waitBefore(request.getParameter("username"), request.getRemoteAddr());
            if (wait.isPresent()) {
                response.sendRedirect(request.getContextPath() + "/login?blocked=" + (wait.get().toMillis() + 999) / 1000);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Ends a session that has lasted longer than {@code sipa.session.absolute-lifetime} since the login, however
     * active it was (the idle timeout, {@code server.servlet.session.timeout}, ends quiet ones earlier).
     */
    static final class AbsoluteLifetimeFilter extends OncePerRequestFilter {

        private final Duration lifetime;
        private final Clock clock;

        AbsoluteLifetimeFilter(Duration lifetime, Clock clock) {
            this.lifetime = lifetime;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            if (session != null) {
                var since = session.getAttribute(AUTHENTICATED_AT) instanceof Instant at ? at
                        : Instant.ofEpochMilli(session.getCreationTime());
                if (since.plus(lifetime).isBefore(clock.instant())) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Until a user whose role requires a second factor has enrolled one, every page leads to the enrolment. */
    static final class TotpEnrolmentGate extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            var path = request.getRequestURI().substring(request.getContextPath().length());
            if (session != null && Boolean.TRUE.equals(session.getAttribute(MUST_ENROL_TOTP))
                    && !path.startsWith("/account/totp") && !path.equals("/logout") && !path.startsWith("/css/")
                    && !path.startsWith("/js/") && !path.startsWith("/webjars/") && !path.startsWith("/img/")
                    && !path.equals("/error")) {
                response.sendRedirect(request.getContextPath() + "/account/totp");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
