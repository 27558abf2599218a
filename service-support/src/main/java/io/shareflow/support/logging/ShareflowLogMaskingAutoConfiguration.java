package io.shareflow.support.logging;

import ch.qos.logback.classic.LoggerContext;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Cuts the secret of every masked request path ({@code shareflow.logging.masked-paths}, e.g. {@code register,
 * v1/registrations}) out of every log line, and drops the lines of silenced loggers
 * ({@code shareflow.logging.silenced-loggers}), with logback (Boot's default). Without either nothing is installed.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@EnableConfigurationProperties(LogMaskingSettings.class)
public final class ShareflowLogMaskingAutoConfiguration {

    @Bean
    @Conditional(OnMaskedPathsOrSilencedLoggers.class)
    SecretPathLogMasking secretPathLogMasking(LogMaskingSettings settings) {
        return new SecretPathLogMasking(settings.maskedPaths().isEmpty() ? null : new SecretPaths(settings.maskedPaths()),
                settings.silencedLoggers());
    }

    /**
     * {@code shareflow.logging.masked-paths} or {@code shareflow.logging.silenced-loggers} is set and not empty (as a
     * list or a comma-separated value).
     */
    static final class OnMaskedPathsOrSilencedLoggers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isSet(context, "shareflow.logging.masked-paths") || isSet(context, "shareflow.logging.silenced-loggers");
        }

        private static boolean isSet(ConditionContext context, String property) {
            return Binder.get(context.getEnvironment())
                    .bind(property, Bindable.listOf(String.class))
                    .map(values -> values.stream().anyMatch(value -> !value.isBlank()))
                    .orElse(false);
        }
    }
}
