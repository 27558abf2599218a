package io.shareflow.bench.e2e;

import java.util.concurrent.CompletableFuture;

/**
 * What a load is offered to: one request per sequence number (unique in the run, so each share has a new
 * recipient), answered by an HTTP status; 0 stands for no answer (an I/O error or a time-out).
 */
interface Target {

    /** Sends without waiting: what the open-loop scheduler needs, so a slow answer never delays the next request. */
    CompletableFuture<Integer> send(long sequence);

    /** Sends and waits: one closed-loop client's call. */
    default int call(long sequence) throws InterruptedException {
        try {
            return send(sequence).get();
        } catch (java.util.concurrent.ExecutionException e) {
            return 0;
        }
    }
}
