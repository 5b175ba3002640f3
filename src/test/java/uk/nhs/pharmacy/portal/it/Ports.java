package uk.nhs.pharmacy.portal.it;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Who answers on a port: loopback, or this machine's other (IPv4) addresses. */
final class Ports {

    private Ports() {
    }

    static boolean acceptsOnLoopback(int port) {
        return accepts(InetAddress.getLoopbackAddress(), port);
    }

    /** This machine's addresses, other than loopback, that answer on the port. */
    static List<InetAddress> otherAddressesAccepting(int port) throws SocketException {
        List<InetAddress> accepting = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> a instanceof Inet4Address && accepts(a, port)).forEach(accepting::add);
            }
        }
        return accepting;
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
