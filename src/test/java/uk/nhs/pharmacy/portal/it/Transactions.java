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
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        T result;
        try {
            result = read.get();
        } catch (RuntimeException e) {
            try {
                tx.rollback();
            } catch (Exception rollback) {
                e.addSuppressed(rollback);
            }
            throw e; // what went wrong, not the rollback it caused
        }
        try {
            tx.commit();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return result;
    }
}
