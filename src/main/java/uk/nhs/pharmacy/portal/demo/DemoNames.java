package uk.nhs.pharmacy.portal.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic people: names drawn from common UK first names and surnames, and addresses made
 * unique by the NHSmail rule (a number added on a clash).
 */
final class DemoNames {

    private static final String[] FIRST = ("Aisha Alex Ali Amelia Amir Amy Andrew Anna Arjun Ava Ben Beth Callum Chloe "
            + "Chris Daniel David Ella Emily Emma Faisal Fatima Freya George Grace Hannah Harry Imran Isla Jack James "
            + "Jamal Jane Jasmine Joe John Joseph Josh Kate Katie Laura Leah Liam Lily Lucy Luke Maria Mark Matthew "
            + "Megan Mia Michael Mohammed Molly Naomi Nathan Noah Oliver Olivia Omar Paul Priya Rachel Rebecca Rhys "
            + "Ruby Ryan Saira Sam Samuel Sana Sarah Scott Sophie Stephen Thomas Tom Usman Victoria Will Yasmin Zara Zain")
            .split(" ");
    private static final String[] LAST = ("Ahmed Ali Allen Anderson Bailey Baker Begum Bell Bennett Brown Butler Campbell "
            + "Carter Chapman Clark Clarke Cooper Cox Davies Davis Edwards Ellis Evans Fisher Fletcher Green Griffiths "
            + "Hall Harris Harrison Hill Holmes Hughes Hunt Hussain Jackson James Johnson Jones Kaur Kelly Khan King "
            + "Lee Lewis Marshall Martin Mason Mills Mistry Mitchell Moore Morgan Morris Murphy Owen Parker Patel "
            + "Phillips Price Roberts Robinson Rogers Russell Shah Shaw Simpson Singh Smith Stevens Taylor Thomas "
            + "Thompson Turner Walker Ward Watson White Wilkinson Williams Wilson Wood Wright Young")
            .split(" ");

    private final Random random;
    private final Map<String, Integer> used = new HashMap<>();

    DemoNames(Random random) {
        this.random = random;
    }

    String firstName() {
        return FIRST[random.nextInt(FIRST.length)];
    }

    String lastName() {
        return LAST[random.nextInt(LAST.length)];
    }

    /** Marks the plain form of a name as taken (e.g. a fixed demo user's account). */
    void reserve(String first, String last) {
        used.merge(key(first, last), 1, Integer::sum);
    }

    /** Notes an address already in the database, so new ones never clash with it. */
    void observe(String address) {
        int at = address.indexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        int digits = local.length();
        while (digits > 0 && Character.isDigit(local.charAt(digits - 1))) {
            digits--;
        }
        int n = digits == local.length() ? 1 : Integer.parseInt(local.substring(digits));
        used.merge(local.substring(0, digits), n, Math::max);
    }

    /** The next free local part for this name: jane.smith, then jane.smith2, jane.smith3... */
    String address(String first, String last) {
        int n = used.merge(key(first, last), 1, Integer::sum);
        return key(first, last) + (n > 1 ? String.valueOf(n) : "") + "@nhs.net";
    }

    private static String key(String first, String last) {
        return (first + "." + last).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.-]", "");
    }
}
