package uk.nhs.pharmacy.portal.provisioning;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the mail platform's lookups from the portal's own data over Postfix's socketmap protocol
 * (netstrings), on loopback at {@code platform.socketmap.port}: every {@link SocketmapLookup} bean is a
 * map. Postfix asks {@code senders} on each MAIL FROM, so a Send As grant or revoke takes effect for
 * the next message with no file to write and no reload
 * ({@code smtpd_sender_login_maps = socketmap:inet:127.0.0.1:<port>:senders}); the content filter
 * asks {@code secure} and {@code refused}. A failing lookup answers TEMP, so Postfix defers.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SocketmapServer {

    private static final Logger LOG = Logger.getLogger(SocketmapServer.class.getName());
    private static final int MAX_REQUEST = 1000;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @Any
    Instance<SocketmapLookup> maps;

    @Inject
    @ConfigProperty(name = "platform.socketmap.port")
    Optional<Integer> port;

    private ServerSocket server;

    @PostConstruct
    void start() {
        if (port.isEmpty()) {
            return;
        }
        try {
            server = new ServerSocket(port.get(), 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "The sender-login socketmap could not listen on 127.0.0.1:" + port.get(), e);
            return;
        }
        threads.newThread(this::acceptLoop).start();
        LOG.info(() -> "Postfix sender-login socketmap on 127.0.0.1:" + port.get());
    }

    @PreDestroy
    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.newThread(() -> serve(client)).start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "socketmap accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client; InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
            String request;
            while ((request = readNetstring(in)) != null) {
                out.write(netstring(answer(request)));
                out.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "socketmap client went away", e);
        }
    }

    /** One request, "name key", answered "OK value", "NOTFOUND " or "PERM reason". */
    String answer(String request) {
        int space = request.indexOf(' ');
        if (space < 0) {
            return "PERM expected '<name> <key>'";
        }
        String name = request.substring(0, space);
        String key = request.substring(space + 1).strip().toLowerCase(Locale.ROOT);
        SocketmapLookup map = maps.stream().filter(m -> m.map().equals(name)).findFirst().orElse(null);
        if (map == null) {
            return "PERM unknown map " + name;
        }
        try {
            return map.find(key).map(value -> "OK " + value).orElse("NOTFOUND ");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " lookup for " + key + " failed", e);
            return "TEMP lookup failed";
        }
    }

    static String readNetstring(InputStream in) throws IOException {
        int length = 0;
        int c;
        boolean digits = false;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                return null;
            }
            if (c < '0' || c > '9' || length > MAX_REQUEST) {
                throw new IOException("not a netstring");
            }
            length = length * 10 + (c - '0');
            digits = true;
        }
        if (!digits) {
            throw new IOException("not a netstring");
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length || in.read() != ',') {
            throw new IOException("netstring not terminated");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    static byte[] netstring(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] head = (body.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        all[all.length - 1] = ',';
        return all;
    }
}
