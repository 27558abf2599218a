package io.shareflow.notifier.notification;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Wakes the idle dispatcher when a new notification is committed, so it need not wait for a poll.
 */
@Component
class DispatchSignal {

    private final Object lock = new Object();
    private long generation;

    /** Wakes the waiting dispatcher (if it waits: a busy one looks again anyway before it waits). */
    void wakeUp() {
        synchronized (lock) {
            generation++;
            lock.notify();
        }
    }

    /** Wakes every waiting thread, e.g. to stop. */
    void wakeUpAll() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    /** A token to pass to {@link #awaitAfter}; taken before looking for work, so no wake-up is missed. */
    long current() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Waits until a wake-up after {@code seen}, or {@code max}; returns early on interrupt. */
    void awaitAfter(long seen, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (generation == seen) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return;
                }
                try {
                    lock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
