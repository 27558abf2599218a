package io.shareflow.drills;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Polling until a condition holds, for the harness's own start-up (the drills' assertions use Awaitility). A
 * condition that throws fails the wait at once.
 */
final class Waits {

    private Waits() {
    }

    static void until(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.call()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out after " + timeout + " waiting until " + what);
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting until " + what, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Failed waiting until " + what + ": " + e.getMessage(), e);
        }
    }
}
