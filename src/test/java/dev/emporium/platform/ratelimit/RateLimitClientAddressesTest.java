package dev.emporium.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RateLimitClientAddressesTest {

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/data");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesThePeerCountsWhateverItForwards() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        assertThat(addresses.keyOf(from("192.0.2.10", "198.51.100.1"))).isEqualTo("ip:192.0.2.10");
    }

    @Test
    void forwardedForIsReadFromTheRightOnlyWhenThePeerIsTrusted() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.1"));

        assertThat(addresses.clientOf(from("10.1.2.3", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.clientOf(from("192.0.2.1", "forged, 203.0.113.5, 198.51.100.7, 10.9.9.9")))
                .as("right-most address that is not a trusted proxy").isEqualTo("198.51.100.7");
        assertThat(addresses.clientOf(from("10.1.2.3", "203.0.113.5", "198.51.100.7, 10.0.0.1")))
                .as("several header lines are one list").isEqualTo("198.51.100.7");
        assertThat(addresses.clientOf(from("192.0.2.2", "198.51.100.7")))
                .as("192.0.2.2 is not trusted, only 192.0.2.1").isEqualTo("192.0.2.2");
        assertThat(addresses.clientOf(from("11.0.0.1", "198.51.100.7"))).as("outside 10.0.0.0/8").isEqualTo("11.0.0.1");
    }

    @Test
    void aChainOfOnlyTrustedProxiesOrGarbageStopsAtTheLastKnownHop() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.clientOf(from("10.0.0.1", "10.0.0.7, 10.0.0.8"))).isEqualTo("10.0.0.7");
        assertThat(addresses.clientOf(from("10.0.0.1", "198.51.100.7, not-an-ip, 10.0.0.8"))).isEqualTo("10.0.0.8");
        assertThat(addresses.clientOf(from("10.0.0.1", "example.com"))).as("never a name lookup").isEqualTo("10.0.0.1");
        assertThat(addresses.clientOf(from("10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        ClientAddresses direct = new ClientAddresses(List.of());
        assertThat(direct.keyOf(from("2001:db8:1:2:aaaa:bbbb:cccc:dddd")))
                .isEqualTo(direct.keyOf(from("2001:db8:1:2::1")))
                .isEqualTo("ip:2001:db8:1:2:0:0:0:0/64")
                .isNotEqualTo(direct.keyOf(from("2001:db8:1:3::1")));

        ClientAddresses proxied = new ClientAddresses(List.of("::1", "fd00::/8"));
        assertThat(proxied.clientOf(from("0:0:0:0:0:0:0:1", "[2001:db8:5:6::9], fd00::2"))).isEqualTo("2001:db8:5:6:0:0:0:0/64");
    }

    @Test
    void refusesTrustedProxiesThatAreNotAddresses() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    }
}
