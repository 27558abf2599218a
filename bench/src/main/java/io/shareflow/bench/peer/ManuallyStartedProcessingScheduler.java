package io.shareflow.bench.peer;

import java.time.Clock;

import io.micrometer.observation.ObservationRegistry;
import io.namastack.outbox.OutboxProcessingScheduler;
import io.namastack.outbox.OutboxProperties;
import io.namastack.outbox.OutboxRecordRepository;
import io.namastack.outbox.partition.PartitionCoordinator;
import io.namastack.outbox.processor.OutboxRecordProcessor;
import io.namastack.outbox.trigger.OutboxPollingTrigger;

import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;

/**
 * namastack's own processing scheduler, unchanged, except that it does not start with the
 * context: the backlog is written first (as the relay's is), and the drain is timed from
 * {@link #start()}.
 */
final class ManuallyStartedProcessingScheduler extends OutboxProcessingScheduler {

    ManuallyStartedProcessingScheduler(OutboxPollingTrigger trigger, TaskScheduler taskScheduler,
                                       OutboxRecordRepository recordRepository, OutboxRecordProcessor recordProcessorChain,
                                       PartitionCoordinator partitionCoordinator, TaskExecutor taskExecutor,
                                       OutboxProperties properties, Clock clock) {
        super(trigger, taskScheduler, () -> ObservationRegistry.NOOP, recordRepository, recordProcessorChain,
                partitionCoordinator, taskExecutor, properties, clock);
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }
}
