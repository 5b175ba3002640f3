package uk.nhs.pharmacy.portal.account;

import java.util.Collection;

/**
 * NHSmail's rule for a new personal address: {@code firstname.lastname@nhs.net}, and on a clash
 * the same with the lowest number from 2 up that is free.
 */
public final class AddressAllocation {

    private AddressAllocation() {
    }

    /** @param taken addresses that start with the plain form's local part (others are ignored) */
    public static MailAddress next(String firstName, String lastName, Collection<String> taken) {
        String plain = MailAddress.forPerson(firstName, lastName, 1).localPart();
        java.util.Set<Integer> used = new java.util.HashSet<>();
        for (String address : taken) {
            String local = address.substring(0, address.indexOf('@'));
            if (local.equals(plain)) {
                used.add(1);
            } else if (local.startsWith(plain) && local.substring(plain.length()).matches("[0-9]+")) {
                used.add(Integer.parseInt(local.substring(plain.length())));
            }
        }
        int n = 1; // 1 is the plain form; then 2, 3, ...
        while (used.contains(n)) {
            n++;
        }
        return MailAddress.forPerson(firstName, lastName, n);
    }
}
