package de.sipa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

class ClientAddressFilterTests {

    private final List<IpAddressMatcher> proxies = List.of(new IpAddressMatcher("10.0.0.0/8"),
            new IpAddressMatcher("2001:db8::/32"));

    @Test
    void theHeaderOfAnUntrustedPeerIsIgnored() {
        assertThat(ClientAddressFilter.clientAddress("198.51.100.7", "1.2.3.4", proxies)).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(ClientAddressFilter.clientAddress("10.0.0.1", "203.0.113.5", proxies)).isEqualTo("203.0.113.5");
        // the client put a spoofed address in front: the proxy appended the real one, which is what counts
        assertThat(ClientAddressFilter.clientAddress("10.0.0.1", "1.2.3.4, 203.0.113.5, 10.0.0.2", proxies))
                .isEqualTo("203.0.113.5");
        assertThat(ClientAddressFilter.clientAddress("2001:db8::1", "2001:db8::2, 203.0.113.9", proxies))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void garbageOrHostNamesInTheHeaderAreNeverLookedUp() {
        assertThat(ClientAddressFilter.clientAddress("10.0.0.1", "evil.example.com", proxies)).isEqualTo("10.0.0.1");
        assertThat(ClientAddressFilter.clientAddress("10.0.0.1", "203.0.113.5, <script>", proxies)).isEqualTo("10.0.0.1");
        assertThat(ClientAddressFilter.clientAddress("10.0.0.1", "", proxies)).isEqualTo("10.0.0.1");
        assertThat(ClientAddressFilter.clientAddress("10.0.0.1", "10.0.0.3", proxies)).as("only proxies").isEqualTo("10.0.0.3");
    }
}
