package io.shareflow.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * share-notifier: renders and sends share invitation e-mail, reports the result as events.
 * See the module README for what it owns and how it retries.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ShareNotifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShareNotifierApplication.class, args);
    }
}
