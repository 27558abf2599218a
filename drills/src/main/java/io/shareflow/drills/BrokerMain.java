package io.shareflow.drills;

import java.nio.file.Path;

import io.shareflow.embedded.KraftBroker;

/**
 * The Kafka broker of a drill in a process of its own: Apache Kafka's KRaft server (broker and controller) on
 * {@code args[0]}, its log in {@code args[1]}, kept across restarts. SIGTERM shuts it down cleanly.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KraftBroker broker = new KraftBroker(Integer.parseInt(args[0]), Path.of(args[1]), false);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "broker-shutdown"));
        broker.start();
        System.out.println("broker up on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
