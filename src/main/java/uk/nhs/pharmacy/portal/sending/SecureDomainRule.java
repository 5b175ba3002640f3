package uk.nhs.pharmacy.portal.sending;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a domain is written and when a list entry covers it: without case, without a trailing dot,
 * IDNs in their ASCII form; an entry covers itself and its subdomains ({@code police.uk} covers
 * {@code met.police.uk}), never a domain that merely starts with it ({@code nhs.net.evil.com}) or
 * ends with its letters ({@code evilnhs.net}).
 */
public final class SecureDomainRule {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private SecureDomainRule() {
    }

    /** The domain in the one form the rule compares, or empty if it is not a domain name. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String domain = raw.strip();
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (domain.isEmpty() || domain.length() > 253 || !domain.contains(".")) {
            return Optional.empty();
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(domain);
    }

    /** The domain of an e-mail address, normalised; empty if the address has none. */
    public static Optional<String> domainOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1);
        }
        int at = a.lastIndexOf('@');
        return at <= 0 || at == a.length() - 1 ? Optional.empty() : normalise(a.substring(at + 1));
    }

    /** Whether the list entry (normalised) covers the domain (normalised). */
    public static boolean covers(String entry, String domain) {
        return domain.equals(entry) || domain.endsWith("." + entry);
    }
}
