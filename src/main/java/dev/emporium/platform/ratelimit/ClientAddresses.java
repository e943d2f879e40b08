package dev.emporium.platform.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;

/**
 * The address a request is counted against. The direct peer, unless the peer is a trusted proxy: then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address that is not one
 * is the client's (everything left of it was written by the client and may be forged). IPv6 clients are counted
 * per /64, the block one subscriber usually gets, so rotating addresses inside it gains nothing.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Block> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Block::parse).toList();
    }

    /** The bucket key of the request's client, {@code ip:<address>}. */
    String keyOf(HttpServletRequest request) {
        return "ip:" + clientOf(request);
    }

    String clientOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty()) {
            return peer.indexOf(':') < 0 ? peer : perSubscriber(peer);
        }
        InetAddress peerAddress = parse(peer);
        if (peerAddress == null || !trusted(peerAddress)) {
            return peer.indexOf(':') < 0 ? peer : perSubscriber(peer);
        }
        List<String> hops = forwardedFor(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            InetAddress address = parse(hop);
            if (address == null) {
                break; // not an address: the last trusted hop is the best we know
            }
            client = hop;
            if (!trusted(address)) {
                break;
            }
        }
        return client.indexOf(':') < 0 ? client : perSubscriber(client);
    }

    private boolean trusted(InetAddress address) {
        for (Block block : trustedProxies) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        Enumeration<String> headers = request.getHeaders(FORWARDED_FOR);
        while (headers != null && headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                String trimmed = hop.strip();
                if (!trimmed.isEmpty()) {
                    hops.add(trimmed);
                }
            }
        }
        return hops;
    }

    /** An IP literal, never a name lookup; null for anything else. */
    private static InetAddress parse(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    private static String perSubscriber(String literal) {
        InetAddress address = parse(literal);
        if (!(address instanceof Inet6Address)) {
            return address == null ? literal : address.getHostAddress();
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A trusted proxy: one address, or a CIDR block such as {@code 10.0.0.0/8}. */
    private record Block(byte[] network, int prefixLength) {

        static Block parse(String spec) {
            String trimmed = spec.strip();
            int slash = trimmed.indexOf('/');
            InetAddress address = ClientAddresses.parse(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("emporium.rate-limit.trusted-proxies: '" + spec + "' is not an IP address or CIDR block");
            }
            int bits = address.getAddress().length * 8;
            int prefixLength;
            try {
                prefixLength = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                prefixLength = -1;
            }
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("emporium.rate-limit.trusted-proxies: '" + spec + "' has an invalid prefix length");
            }
            return new Block(address.getAddress(), prefixLength);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = (0xFF << (8 - remainingBits)) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }
}
