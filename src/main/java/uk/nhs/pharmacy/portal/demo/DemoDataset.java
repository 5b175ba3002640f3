package uk.nhs.pharmacy.portal.demo;

import uk.nhs.pharmacy.portal.account.MailAddress;
import uk.nhs.pharmacy.portal.organisation.OdsCode;
import uk.nhs.pharmacy.portal.organisation.Postcode;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Grows a believable portal from a list of pharmacies: areas, contractors, premises, their shared
 * mailboxes (most active, a few missing or legacy), staff with 2 to 8 delegations per mailbox,
 * locums at several branches, some leavers, and the audit trail of it all. Deterministic: the
 * same seed gives the same data. The national-scale generator grows more premises with
 * {@link #growPremises}.
 */
public final class DemoDataset {

    public static final String NATIONAL_ODS = "X26";
    public static final String REGION_ODS = "Y62";
    public static final String GREATER_MANCHESTER_ODS = "E54000057";
    /** A locum with no access anywhere yet (leo.lindqvist@nhs.net). */
    public static final String[] NEW_LOCUM = {"Leo", "Lindqvist"};

    private final BulkWriter writer;
    private final Random random;
    private final DemoNames names;
    private final Instant now;
    private final List<Long> activeMailboxes = new ArrayList<>();
    private final Map<Long, Long> mailboxPremises = new LinkedHashMap<>();
    private final Counts counts = new Counts();
    private int phoneSequence;

    /** What a load wrote. */
    public static final class Counts {
        public int premises;
        public int mailboxes;
        public int accounts;
        public int delegations;

        @Override
        public String toString() {
            return premises + " premises, " + mailboxes + " mailboxes, " + accounts + " accounts, "
                    + delegations + " delegations";
        }
    }

    public DemoDataset(BulkWriter writer, long seed, Instant now) {
        this.writer = writer;
        this.random = new Random(seed);
        this.names = new DemoNames(random);
        this.now = now;
        for (DemoUsers.Person p : DemoUsers.PEOPLE) {
            names.reserve(p.firstName(), p.lastName());
        }
    }

    public Counts counts() {
        return counts;
    }

    /** The Greater Manchester demo: the real list, with synthetic people. */
    public Counts loadGreaterManchester(List<GmPharmacy> pharmacies) throws SQLException {
        long national = writer.organisation(NATIONAL_ODS, "National pharmacy mailbox team", "NATIONAL",
                null, null, null, null, null);
        long region = writer.organisation(REGION_ODS, "Lancashire and Manchester", "AREA", null, null, null, null, null);
        long gm = writer.organisation(GREATER_MANCHESTER_ODS, "Greater Manchester", "AREA", null, null, null, null, region);

        Map<String, Long> localAuthorities = new LinkedHashMap<>();
        for (GmPharmacy p : pharmacies) {
            if (!localAuthorities.containsKey(p.localAuthorityCode())) {
                localAuthorities.put(p.localAuthorityCode(), writer.organisation(p.localAuthorityCode(),
                        p.localAuthorityName(), "AREA", null, null, null, null, gm));
            }
        }
        Map<String, Long> contractors = new LinkedHashMap<>();
        int contractorNumber = 0;
        for (String name : new TreeSet<>(pharmacies.stream().map(GmPharmacy::tradingName).toList())) {
            contractors.put(name, writer.organisation(contractorCode(++contractorNumber), name, "CONTRACTOR",
                    null, null, null, null, null));
        }

        Map<String, Long> homes = new LinkedHashMap<>();
        homes.put(NATIONAL_ODS, national);
        homes.put(GREATER_MANCHESTER_ODS, gm);
        localAuthorities.forEach(homes::put);
        contractors.forEach((name, id) -> homes.put("contractor:" + name, id));

        Map<String, long[]> premisesByOds = new LinkedHashMap<>();
        for (GmPharmacy p : pharmacies) {
            long area = localAuthorities.get(p.localAuthorityCode());
            long id = writer.organisation(OdsCode.premises(p.odsCode()).value(), p.tradingName().strip(), "PREMISES",
                    p.address().strip(), Postcode.of(p.postcode()).value(), nextPhone(), area,
                    contractors.get(p.tradingName()));
            premisesByOds.put(p.odsCode().strip().toUpperCase(Locale.ROOT), new long[]{id, area});
        }
        Map<DemoUsers.Person, Long> demoAccounts = new LinkedHashMap<>();
        for (DemoUsers.Person person : DemoUsers.PEOPLE) {
            long home = person.homeKey().startsWith("F") ? premisesByOds.get(person.homeKey())[0]
                    : homes.get(person.homeKey());
            demoAccounts.put(person, writer.account(person.address(), person.firstName(), person.lastName(),
                    person.jobRole(), "ACTIVE", home, true, null));
            counts.accounts++;
        }
        // A locum new to the area, with no access yet: the one the README's tour grants access to.
        names.reserve(NEW_LOCUM[0], NEW_LOCUM[1]);
        writer.account(MailAddress.forPerson(NEW_LOCUM[0], NEW_LOCUM[1], 1).value(), NEW_LOCUM[0], NEW_LOCUM[1],
                "LOCUM_PHARMACIST", "ACTIVE", gm, true, null);
        counts.accounts++;
        String[] grantors = {"loa.gm", "loa.bolton", "national"};
        for (GmPharmacy p : pharmacies) {
            String ods = p.odsCode().strip().toUpperCase(Locale.ROOT);
            long[] premises = premisesByOds.get(ods);
            Long mailbox = growPremises(premises[0], ods, p.tradingName().strip(), premises[1],
                    grantors[random.nextInt(grantors.length)]);
            for (DemoUsers.Person person : DemoUsers.PEOPLE) {
                if (ods.equals(person.homeKey()) && mailbox != null) {
                    delegate(mailbox, premises[0], demoAccounts.get(person), person.address(), true, true, true, "loa.bolton",
                            now.minus(Duration.ofDays(400)), null, null);
                }
            }
        }
        growLocums(90, new ArrayList<>(localAuthorities.values()), "loa.gm");
        counts.premises += pharmacies.size();
        writer.commit();
        return counts;
    }

    /**
     * One premises' mailbox and staff. Returns the mailbox id, or null when the premises has none.
     * About 5% have no mailbox, 6% a legacy one; the rest an active conforming one with 2 to 8
     * people (a few with 1, or with no owner, so the portal has problems to show).
     */
    public Long growPremises(long premisesId, String odsCode, String tradingName, long areaId, String grantor)
            throws SQLException {
        double kind = random.nextDouble();
        Long mailbox = null;
        Instant created = now.minus(Duration.ofDays(200 + random.nextInt(2500)));
        if (kind >= 0.05 && kind < 0.11) {
            String address = random.nextBoolean()
                    ? slug(tradingName) + "." + odsCode.toLowerCase(Locale.ROOT) + "@nhs.net"
                    : odsCode.toLowerCase(Locale.ROOT) + ".shared@nhs.net";
            mailbox = writer.mailbox(MailAddress.of(address).value(), tradingName + " (" + odsCode + ")", premisesId,
                    "LEGACY_NON_CONFORMING", created);
        } else if (kind >= 0.11) {
            mailbox = writer.mailbox(MailAddress.forPremises(OdsCode.premises(odsCode)).value(),
                    tradingName + " (" + odsCode + ")", premisesId, "ACTIVE", created);
            activeMailboxes.add(mailbox);
        }
        if (mailbox != null) {
            counts.mailboxes++;
            mailboxPremises.put(mailbox, premisesId);
        }
        double size = random.nextDouble();
        int staff = size < 0.04 ? 1 : 2 + random.nextInt(7);
        boolean noOwner = random.nextDouble() < 0.03;
        for (int i = 0; i < staff; i++) {
            String first = names.firstName();
            String last = names.lastName();
            String role = i == 0 ? "PHARMACIST" : i == 1 && random.nextBoolean() ? "MANAGER"
                    : new String[]{"PHARMACY_TECHNICIAN", "DISPENSER", "PHARMACY_ASSISTANT"}[random.nextInt(3)];
            boolean leaver = i > 1 && random.nextDouble() < 0.04;
            String address = names.address(first, last);
            long account = writer.account(address, first, last, role, leaver ? "LEAVER" : "ACTIVE", premisesId,
                    random.nextDouble() < 0.3, leaver ? now.minus(Duration.ofDays(1 + random.nextInt(25))) : null);
            counts.accounts++;
            if (mailbox == null) {
                continue;
            }
            boolean owner = !noOwner && (i == 0 || (i == 1 && random.nextDouble() < 0.6));
            Instant granted = created.plus(Duration.ofDays(random.nextInt(150)));
            Instant revoked = leaver ? now.minus(Duration.ofDays(1 + random.nextInt(25))) : null;
            delegate(mailbox, premisesId, account, address, owner, i == 0 || owner, false, grantor, granted, null,
                    revoked);
        }
        return mailbox;
    }

    private long delegate(long mailbox, long premises, long account, String address, boolean owner, boolean sendAs,
                          boolean sendOnBehalf, String grantor, Instant granted, Instant expires, Instant revoked)
            throws SQLException {
        String reason = "Staff member at the premises";
        long id = writer.delegation(mailbox, account, true, sendAs, sendOnBehalf, owner, grantor, granted, reason,
                expires, revoked == null ? null : grantor, revoked, revoked == null ? null : LEFT_REASON);
        counts.delegations++;
        String state = "Full Access" + (sendAs ? ", Send As" : "") + (owner ? ", owner" : "");
        writer.audit(granted, grantor, "DELEGATION_GRANTED", "DELEGATION", id, address, premises, null, state, reason);
        if (revoked != null) {
            writer.audit(revoked, grantor, "DELEGATION_REVOKED", "DELEGATION", id, address, premises, state,
                    "revoked", LEFT_REASON);
        }
        return id;
    }

    private static final String LEFT_REASON = "Left the pharmacy";

    /** Locums: access to 2 to 6 branches each, many of it time-limited. */
    public void growLocums(int howMany, List<Long> homeAreas, String grantor) throws SQLException {
        if (activeMailboxes.isEmpty()) {
            return;
        }
        for (int i = 0; i < howMany; i++) {
            String first = names.firstName();
            String last = names.lastName();
            String address = names.address(first, last);
            long account = writer.account(address, first, last, "LOCUM_PHARMACIST", "ACTIVE",
                    homeAreas.get(random.nextInt(homeAreas.size())), random.nextBoolean(), null);
            counts.accounts++;
            int branches = 2 + random.nextInt(5);
            int start = random.nextInt(activeMailboxes.size());
            for (int b = 0; b < branches; b++) {
                long mailbox = activeMailboxes.get((start + b * 7) % activeMailboxes.size());
                Instant expires = random.nextDouble() < 0.4 ? now.plus(Duration.ofDays(2 + random.nextInt(60))) : null;
                Instant granted = now.minus(Duration.ofDays(1 + random.nextInt(120)));
                long id = writer.delegation(mailbox, account, true, true, false, false, grantor, granted,
                        "Locum cover", expires, null, null, null);
                counts.delegations++;
                writer.audit(granted, grantor, "DELEGATION_GRANTED", "DELEGATION", id, address,
                        mailboxPremises.get(mailbox), null, "Full Access, Send As" + (expires != null ? " until " + expires : ""),
                        "Locum cover");
            }
        }
    }

    public DemoNames names() {
        return names;
    }

    public Random random() {
        return random;
    }

    static String contractorCode(int number) {
        return String.format(Locale.ROOT, "C%05d", number);
    }

    private String nextPhone() {
        // Ofcom's range reserved for drama: never a real number.
        return String.format(Locale.ROOT, "0161 496 %04d", (phoneSequence++) % 1000);
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return s.isEmpty() ? "pharmacy" : s.substring(0, Math.min(s.length(), 30));
    }
}
