package io.shareflow.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.transaction.TransactionSystemException;

/**
 * Walks an exception's cause chain. Every error classifier in the services looks through
 * wrappers (Spring's, Kafka's, Jakarta Mail's) for the exception that says what happened; this
 * is the one walk they share, safe against chains that loop.
 */
public final class Causes {

    private Causes() {
    }

    /**
     * @param failure any exception; may be null
     * @return it and its causes, outermost first; empty for null; each exception once even if causes loop
     */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /**
     * The outermost exception in the cause chain of {@code failure} that {@code test} accepts, or null. A failed rollback
     * ({@link TransactionSystemException}) is searched, where it stands, through the failure it overrode (its
     * application exception) before its own cause: when a statement fails because the database went away, the
     * rollback on that connection fails as well, and Spring throws the rollback's failure (which need not say why)
     * with the statement's kept aside.
     */
    public static Throwable firstMatching(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause : chain(failure)) {
            if (test.test(cause)) {
                return cause;
            }
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                Throwable overridden = firstMatching(rollback.getApplicationException(), test);
                if (overridden != null) {
                    return overridden;
                }
            }
        }
        return null;
    }

    /** The outermost exception of {@code type} in the cause chain of {@code failure}, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause : chain(failure)) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
