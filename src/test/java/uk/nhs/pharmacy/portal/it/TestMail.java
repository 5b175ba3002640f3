package uk.nhs.pharmacy.portal.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the shared portal sends to: GreenMail on loopback, started and stopped by the
 * tests (stopping it is an SMTP outage). Mail that arrives while it runs is kept until it stops.
 */
final class TestMail implements AutoCloseable {

    static final int PORT = 18025;

    private final GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    TestMail start() {
        server.start();
        return this;
    }

    /** Messages to one address whose subject contains a text, as received so far. */
    List<MimeMessage> to(String address, String subjectContains) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address))
                        && m.getSubject().contains(subjectContains);
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits (up to {@code within}) for at least one such message, then returns all of them. */
    List<MimeMessage> await(String address, String subjectContains, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        List<MimeMessage> found = to(address, subjectContains);
        while (found.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(200);
            found = to(address, subjectContains);
        }
        return found;
    }

    @Override
    public void close() {
        server.stop();
    }
}
