package uk.nhs.pharmacy.portal.it;

import jakarta.transaction.UserTransaction;

import java.util.function.Supplier;

/** For in-container tests: a read in a transaction of its own, so it sees what other transactions committed. */
final class Transactions {

    private Transactions() {
    }

    static <T> T fresh(UserTransaction tx, Supplier<T> read) {
        try {
            tx.begin();
            try {
                return read.get();
            } finally {
                tx.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
