package io.shareflow.localstack;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.FileSystemUtils;

/**
 * One local-stack for all end-to-end ITs of a test JVM: started (on free ports, three service jars as child
 * processes) by the first class that asks for a {@link LocalStack} parameter, e.g. of its {@code @BeforeAll}, and
 * stopped after the last test of the run, with its temporary data directory deleted. Starting it takes most of
 * an end-to-end class's time, so the classes share it and each uses its own recipients.
 *
 * <p>The notifier's retry window is shrunk from about an hour to a few seconds: long enough for a test to look at
 * a notification while it is still being retried ({@link #RETRY_WINDOW}), short enough for a test that waits for
 * retries to run out.
 */
final class SharedLocalStack implements ParameterResolver {

    /** Attempts per e-mail, the first one included. */
    static final int NOTIFIER_MAX_ATTEMPTS = 3;
    /** Waits after the first and the second failed attempt: 4 s, then 8 s (the dump must fit in the window on 2 busy cores). */
    static final Duration NOTIFIER_INITIAL_BACKOFF = Duration.ofSeconds(4);
    /** From the first failed attempt of an e-mail to its last one: at least this long. */
    static final Duration RETRY_WINDOW = Duration.ofSeconds(12);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalStack.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> Running.start(), Running.class).stack();
    }

    /** Closed by JUnit with the root context, after every test class of the run. */
    record Running(LocalStack stack) implements AutoCloseable {

        static Running start() {
            LocalStack stack = new LocalStack(LocalStackSettings.onFreePorts(Map.of(
                    "SHAREFLOW_NOTIFIER_RETRY_MAX_ATTEMPTS", String.valueOf(NOTIFIER_MAX_ATTEMPTS),
                    "SHAREFLOW_NOTIFIER_RETRY_INITIAL_BACKOFF", NOTIFIER_INITIAL_BACKOFF.toMillis() + "ms",
                    "SHAREFLOW_NOTIFIER_RETRY_MULTIPLIER", "2",
                    "SHAREFLOW_NOTIFIER_RETRY_MAX_BACKOFF", NOTIFIER_INITIAL_BACKOFF.multipliedBy(2).toMillis() + "ms")));
            Running running = new Running(stack);
            try {
                stack.start();
            } catch (RuntimeException e) {
                running.close(); // stops whatever did start
                throw e;
            }
            return running;
        }

        @Override
        public void close() {
            stack.close();
            // A temporary directory of onFreePorts (data and service logs, ~80 MB): kept by local-stack
            // for a person to read, not needed after a test run.
            FileSystemUtils.deleteRecursively(stack.settings().dataDir().toFile());
        }
    }
}
