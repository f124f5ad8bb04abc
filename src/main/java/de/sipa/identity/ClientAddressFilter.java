package de.sipa.identity;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The client's address as every part of SiPa sees it ({@link HttpServletRequest#getRemoteAddr()}, used by login
 * throttling and the public intake limits): the peer's address, unless the peer is one of the configured trusted
 * proxies ({@code sipa.security.trusted-proxies}); then {@code X-Forwarded-For} is read from the right, skipping
 * trusted proxies, and the first other address is the client. A header sent by anybody else is ignored, so a
 * spoofed {@code X-Forwarded-For} neither bypasses a limit nor blames somebody else.
 */
final class ClientAddressFilter extends OncePerRequestFilter {

    /** Only literal addresses: a host name in the header must never cause a DNS lookup. */
    private static final Pattern ADDRESS = Pattern.compile("^[0-9A-Fa-f.:]{2,45}$");

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddressFilter(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
    }

    static String clientAddress(String peer, String forwardedFor, List<IpAddressMatcher> trustedProxies) {
        if (!isTrusted(peer, trustedProxies) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        var hops = forwardedFor.split(",");
        var client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop, trustedProxies)) {
                return hop;
            }
        }
        return client;
    }

    private static boolean isTrusted(String address, List<IpAddressMatcher> trustedProxies) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            return false;
        }
        for (var proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trustedProxies.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var client = clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }
}
