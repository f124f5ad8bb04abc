package de.sipa.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;

import de.sipa.maps.MapSettings;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(OidcProperties.class)
class SecurityConfiguration {

    /** Pages and APIs that citizens use without an account. */
    static final String[] PUBLIC_PATHS = {"/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
        "/favicon.ico", "/buerger/**", "/open311/**", "/kalender/**", "/oparl/**"};

    /** Images from SiPa and from the installation's map tile server ({@code sipa.map.tile-url}) only. */
    static String contentSecurityPolicy(MapSettings map) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + map.tileOrigin()
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginThrottle throttle,
            ObjectProvider<ClientRegistrationRepository> oidcClients, AccountRepository accounts,
            OidcProperties oidcProperties, MapSettings map) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new SavedRequestAwareAuthenticationSuccessHandler() {
                            @Override
                            public void onAuthenticationSuccess(HttpServletRequest request,
                                    HttpServletResponse response,
                                    org.springframework.security.core.Authentication authentication)
                                    throws ServletException, IOException {
                                throttle.recordSuccess(authentication.getName());
                                super.onAuthenticationSuccess(request, response, authentication);
                            }
                        })
                        .failureHandler((request, response, exception) -> {
                            throttle.recordFailure(request.getParameter("username"), request.getRemoteAddr());
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Open311 clients post without a session; they authenticate with their api_key.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/open311/**"))
                .addFilterBefore(new ThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
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
        return username -> accounts.findByUsername(username)
                .map(account -> new SipaUserDetails(account.user(), account.passwordHash(), account.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    /** Refuses login attempts while the user name or address is throttled, before the password is checked. */
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
            if (throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?blocked");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
