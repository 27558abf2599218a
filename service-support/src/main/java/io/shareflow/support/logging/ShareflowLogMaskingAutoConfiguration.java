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
 * v1/registrations}) out of every log line, with logback (Boot's default). Without masked paths nothing is installed.
 */
@AutoConfiguration
@ConditionalOnClass(LoggerContext.class)
@EnableConfigurationProperties(LogMaskingSettings.class)
public final class ShareflowLogMaskingAutoConfiguration {

    @Bean
    @Conditional(OnMaskedPaths.class)
    SecretPathLogMasking secretPathLogMasking(LogMaskingSettings settings) {
        return new SecretPathLogMasking(new SecretPaths(settings.maskedPaths()));
    }

    /** {@code shareflow.logging.masked-paths} is set and not empty (as a list or a comma-separated value). */
    static final class OnMaskedPaths implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("shareflow.logging.masked-paths", Bindable.listOf(String.class))
                    .map(paths -> paths.stream().anyMatch(path -> !path.isBlank()))
                    .orElse(false);
        }
    }
}
