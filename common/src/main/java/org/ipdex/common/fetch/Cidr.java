package org.ipdex.common.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An address block such as {@code 127.0.0.0/8} or {@code ::1/128}; a bare address is a block of one. */
record Cidr(byte[] network, int prefix) {

    static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        // only literals: an allow-list entry must never cause a DNS look-up
        if (!address.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return Optional.empty();
        }
        try {
            byte[] network = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return prefix < 0 || prefix > network.length * 8 ? Optional.empty() : Optional.of(new Cidr(network, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
